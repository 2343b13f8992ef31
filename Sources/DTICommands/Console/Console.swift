import DTICore
import DTIReport
import DTIWorkflow
import Foundation

/// Everything a command may say and everything it may know about where it says it: the language,
/// standard output and standard error, the width to wrap to, colour, and the environment.
/// Commands take one instead of reading process-wide state, so that a test (or anything else that
/// embeds `dti`) runs a command in its own process, several at once, and reads what it printed.
public struct Console: Sendable {
    /// The language of labels, notes, diagnostics, errors and numbers.
    public var language: Language
    /// The width prose is wrapped to, or `nil` to keep lines whole (a pipe, a file).
    public var width: Int?
    /// Whether tables and profiles may use colour.
    public var colour: Bool
    /// Whether standard error is a terminal: progress lines are drawn only there.
    public var errorIsTerminal: Bool
    /// The variables the commands read (`DTI_DB`, `DTI_INDICATORS`, `XDG_DATA_HOME`, `HOME`).
    public var environment: [String: String]
    private let writeOutput: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void

    /// A console writing to `output` and `error`; what goes to `error` is escaped first.
    public init(
        language: Language, width: Int? = nil, colour: Bool = false, errorIsTerminal: Bool = false, environment: [String: String],
        output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void
    ) {
        self.language = language
        self.width = width
        self.colour = colour
        self.errorIsTerminal = errorIsTerminal
        self.environment = environment
        self.writeOutput = output
        self.writeError = error
    }

    /// Writes a result (text meant for the user's pipe or file) to standard output, as is.
    public func print(_ text: String, terminator: String = "\n") {
        writeOutput(text + terminator)
    }

    /// Writes a message to standard error. It may quote a file name or a value, so control
    /// characters are shown escaped, never sent to the terminal: an error quoting a file named
    /// `$'\e[2J.csv'` must not clear the user's screen.
    public func error(_ text: String) {
        writeError(TerminalEscaping.escaped(text))
    }

    /// Writes a progress line's own control characters (carriage return, erase) to standard error.
    func errorControl(_ text: String) {
        writeError(text)
    }

    /// Notes on standard error, one line each, as `note: …`.
    public var notes: NoteSink {
        NoteSink { [self] note in
            error("\(Diagnostic.Severity.note.word(language)): \(note.text(language))\n")
        }
    }

    /// The style of tables and profiles on this console.
    var style: TerminalStyle { TerminalStyle(colour: colour) }

    /// "Error" in this console's language, for messages that begin with it.
    var errorWord: String { Messages.Commands.error.text(language) }

    /// Diagnostics on standard error, one per line, then a summary (as `dti validate` prints them).
    func showDiagnostics(_ diagnostics: [Diagnostic], files: Int) {
        guard !diagnostics.isEmpty else { return }
        error(DiagnosticFormat.text.render(diagnostics, fileCount: files, language: language))
    }
}

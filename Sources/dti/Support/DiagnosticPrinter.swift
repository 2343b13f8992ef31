import DTICore
import DTIReport
import DTIWorkflow
import Foundation

/// Prints diagnostics to standard error, one per line, then a summary (as `dti validate` does).
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic], files: Int) {
        guard !diagnostics.isEmpty else { return }
        StandardError.write(DiagnosticFormat.text.render(diagnostics, fileCount: files, language: CommandLanguage.current))
    }
}

/// Standard error, for messages that are not results. Everything written here may quote a file
/// or a value, so control characters are shown escaped, never sent to the terminal.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(TerminalEscaping.escaped(text).utf8))
    }
}

import DTICore
import Foundation

extension Console {
    /// The process's own console: standard output and standard error, the language of `arguments`
    /// (`--lang`) or else of the locale, the terminal's width and colour.
    public static func standard(arguments: [String] = CommandLine.arguments) -> Console {
        let environment = ProcessInfo.processInfo.environment
        return Console(
            language: language(arguments: arguments, environment: environment), width: terminalWidth(environment),
            colour: isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil, errorIsTerminal: isatty(STDERR_FILENO) == 1,
            environment: environment,
            output: { text in Swift.print(text, terminator: "") },
            error: { text in FileHandle.standardError.write(Data(text.utf8)) })
    }

    /// The language of a run: `--lang` as the arguments give it (read from the arguments
    /// themselves, so that a parse error is already in the user's language), else Vietnamese when
    /// the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, first set wins) is Vietnamese, else English.
    public static func language(arguments: [String], environment: [String: String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count, let language = Language(rawValue: arguments[index + 1]) {
                return language
            }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst("--lang=".count))) {
                return language
            }
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("vi") ? .vi : .en
    }

    /// The width to wrap prose to: `COLUMNS` when set, else the terminal's when standard output is
    /// one; `nil` (lines kept whole) for a pipe or a file, so saved output is the same on every machine.
    static func terminalWidth(_ environment: [String: String]) -> Int? {
        if let columns = columns(environment) { return columns }
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 else { return nil }
        return Int(size.ws_col)
    }

    /// `COLUMNS` when it is a width prose can be wrapped to (40 or more).
    static func columns(_ environment: [String: String]) -> Int? {
        environment["COLUMNS"].flatMap(Int.init).flatMap { $0 >= 40 ? $0 : nil }
    }
}

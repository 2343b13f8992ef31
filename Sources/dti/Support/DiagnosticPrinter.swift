import DTICore
import DTIReport
import Foundation

/// Prints diagnostics to standard error, one per line, then a summary.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic], files: Int) {
        guard !diagnostics.isEmpty else { return }
        var text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")\n"
        StandardError.write(text)
    }
}

/// Standard error, for messages that are not results. Everything written here may quote a file
/// or a value, so control characters are shown escaped, never sent to the terminal.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(TerminalEscaping.escaped(text).utf8))
    }
}

import Foundation

/// The width to wrap prose to: `COLUMNS` when set, else the terminal's when standard output is
/// one; `nil` (lines kept whole) for a pipe or a file, so saved output is the same on every machine.
enum TerminalWidth {
    static let current: Int? = {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return columns }
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 else { return nil }
        return Int(size.ws_col)
    }()
}

import DTIReport
import Foundation

extension TerminalStyle {
    /// Colour only on a terminal, and never with `NO_COLOR` set (https://no-color.org).
    static func current() -> TerminalStyle {
        TerminalStyle(colour: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }
}

import DTICore
import Foundation

/// A console whose standard output and standard error are kept in memory: a command run in
/// process, as the tests run them, and what it printed.
public final class CapturedConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var output = ""
    private var error = ""

    /// The console; `COLUMNS` in `environment` sets the width, as on a terminal.
    public private(set) var console: Console!

    /// A console in the language `arguments` and `environment` give, as the binary would choose it.
    public init(arguments: [String], environment: [String: String]) {
        console = Console(
            language: Console.language(arguments: arguments, environment: environment),
            width: environment["COLUMNS"].flatMap(Int.init).flatMap { $0 >= 40 ? $0 : nil }, colour: false, errorIsTerminal: false,
            environment: environment,
            output: { [unowned self] text in lock.withLock { output += text } },
            error: { [unowned self] text in lock.withLock { error += text } })
    }

    /// What was written to standard output so far.
    public var standardOutput: String { lock.withLock { output } }
    /// What was written to standard error so far.
    public var standardError: String { lock.withLock { error } }
}

import DTICore
import Foundation

/// A console whose standard output and standard error are kept in memory: a command run in
/// process, as the tests run them, and what it printed.
public struct CapturedConsole: Sendable {
    /// The console to run a command on.
    public let console: Console
    private let streams = Streams()

    /// A console in the language `arguments` and `environment` give, as the binary would choose
    /// it; `COLUMNS` in `environment` sets the width, as on a terminal. No colour, no progress line.
    public init(arguments: [String], environment: [String: String]) {
        let streams = streams
        console = Console(
            language: Console.language(arguments: arguments, environment: environment),
            width: Console.columns(environment), environment: environment,
            output: { streams.append($0, error: false) }, error: { streams.append($0, error: true) })
    }

    /// What was written to standard output so far.
    public var standardOutput: String { streams.read().output }
    /// What was written to standard error so far.
    public var standardError: String { streams.read().error }

    /// The two streams' text, behind a lock: a command may write from several threads.
    private final class Streams: @unchecked Sendable {
        private let lock = NSLock()
        private var output = ""
        private var error = ""

        func append(_ text: String, error isError: Bool) {
            lock.withLock {
                if isError { error += text } else { output += text }
            }
        }

        func read() -> (output: String, error: String) { lock.withLock { (output, error) } }
    }
}

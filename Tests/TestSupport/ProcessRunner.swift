import Foundation

/// Runs a program to its end with standard output and standard error read at the same time, so
/// a program that fills one pipe while the test waits on the other cannot deadlock the test (a
/// pipe holds 64 KiB; a command with many diagnostics writes more than that to standard error).
public enum ProcessRunner {
    /// What a run gave.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        /// Whether the process ended by a signal rather than by exiting.
        public var wasSignalled: Bool
    }

    /// Runs `executable` with `arguments` in `directory` (the current one when nil), with exactly
    /// `environment` (the test process's own when nil).
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stderr = ReadToEnd(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: stdout, stderr: stderr.wait(),
            wasSignalled: process.terminationReason == .uncaughtSignal)
    }
}

/// Reads a file handle to its end on a thread of its own.
private final class ReadToEnd: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// The bytes read, once the other end has closed.
    func wait() -> Data {
        done.wait()
        return data
    }
}

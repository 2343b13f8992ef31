import DTICore
import DTIIngest
import Foundation

#if canImport(Glibc)
    import CoreFoundation
    import Glibc
#endif

/// A data file read a chunk at a time (`ByteSource`), so a large file is never held whole.
///
/// Refuses what is not a regular file before reading (a FIFO would block, `/dev/zero` never ends)
/// and a file beyond `TextFiles.maxDataFileBytes`; a file that changes while it is read (a CSV
/// file is read twice) is an error, not a mix of two versions.
public final class DataFileSource: ByteSource {
    public let path: String
    private let descriptor: Int32
    private let size: Int
    private let modified: timespec
    private var position = 0

    /// Opens `path` for reading.
    public init(path: String) throws {
        try TextFiles.requireRegularFile(path)
        // Non-blocking, so a FIFO swapped in after the check cannot hang the open.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw WorkflowError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw WorkflowError.notARegularFile(path: path, kind: Messages.Workflow.notRegularFile)
        }
        guard Int(status.st_size) <= TextFiles.maxDataFileBytes else {
            close(descriptor)
            throw WorkflowError.tooLarge(path: path, bytes: Int(status.st_size), limit: TextFiles.maxDataFileBytes)
        }
        self.path = path
        self.descriptor = descriptor
        self.size = Int(status.st_size)
        self.modified = status.st_mtim
    }

    deinit { close(descriptor) }

    public func read(into buffer: inout [UInt8], maximum: Int) throws -> Int {
        let wanted = min(maximum, size - position)
        guard wanted > 0 else {
            try requireUnchanged()
            return 0
        }
        let before = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: wanted))
        let count = buffer.withUnsafeMutableBytes { bytes in
            // `wanted` > 0 bytes were just appended, so the buffer has storage.
            bytes.baseAddress.map { Foundation.read(descriptor, $0 + before, wanted) } ?? -1
        }
        guard count > 0 else {
            buffer.removeLast(wanted)
            if count == 0 { throw changed() }
            throw WorkflowError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        buffer.removeLast(wanted - count)
        position += count
        return count
    }

    public func rewind() throws {
        try requireUnchanged()
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw WorkflowError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        position = 0
    }

    private func requireUnchanged() throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == size, status.st_mtim.tv_sec == modified.tv_sec,
            status.st_mtim.tv_nsec == modified.tv_nsec
        else { throw changed() }
    }

    private func changed() -> WorkflowError {
        WorkflowError.unreadable(path: path, reason: "it changed while it was being read; run again once it is saved")
    }
}

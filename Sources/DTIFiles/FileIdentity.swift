#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file as the system knows it: device and inode. Two paths name the same file when their
/// identities are equal, whatever links or aliases lie between (`alias/db.sqlite` and the database).
public struct FileIdentity: Sendable, Hashable {
    public let device: UInt64
    public let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The identity of the file at `path`, links followed; `nil` when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The identities of a SQLite database at `path` and of the journal files beside it (`-wal`,
    /// `-shm`, `-journal`) that exist: what a write must never replace while it is in use.
    public static func ofDatabase(at path: String) -> Set<FileIdentity> {
        Set(["", "-wal", "-shm", "-journal"].compactMap { FileIdentity(path: path + $0) })
    }
}

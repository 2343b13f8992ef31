import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX calls the folder code makes, with Swift names and the system's reason for a
/// failure: kept here so the rest reads as what it does.
enum SystemCalls {
    /// The system's reason for the last failure, e.g. "No space left on device".
    static func reason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// `stat` or `lstat` of `name` in the folder `descriptor`, links not followed.
    static func status(_ name: String, in descriptor: Int32) -> stat? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return info
    }

    /// Opens the folder at `path` for `openat` (links in `path` followed: the user named it).
    static func openFolder(_ path: String) -> Int32 {
        open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    /// `read(2)`, named apart from the folder's own methods.
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// When the entry was last modified, in seconds since 1970.
    static func modified(_ info: stat) -> Double {
        #if canImport(Darwin)
            Double(info.st_mtimespec.tv_sec)
        #else
            Double(info.st_mtim.tv_sec)
        #endif
    }

    /// The type bits of a `stat`.
    static func type(_ info: stat) -> mode_t { info.st_mode & S_IFMT }

    /// Writes every byte of `bytes` to `descriptor`, going on after interruptions and short writes.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return nil }
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// A random suffix for a temporary name: two runs never pick the same name, and nobody can
    /// plant a link at a name before it is chosen.
    static func randomSuffix() -> String {
        // One random number per process, then a counter: as unguessable as a fresh number each
        // time (the base is never shown before the file exists, and the file is created
        // exclusively), without a getrandom call for every one of 16,000 report pages.
        let value = randomBase &+ suffixCounter.wrappingAdd(1, ordering: .relaxed).oldValue
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static let randomBase: UInt64 = {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }()
    private static let suffixCounter = Atomic<UInt64>(0)
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder opened once, with every file and sub-folder below it reached through its descriptor
/// (`openat`, `renameat`): a symbolic link planted at a sub-folder, a page or a temporary name is
/// refused, never followed, so a write can only land where it was asked to.
///
/// Files are replaced the way git's `lockfile.c` does it: the bytes go to a temporary file created
/// exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`) under a name nobody can guess, which is then renamed
/// over the target in one step. A reader, or a run killed half-way, sees the old file or the new one.
public final class SafeFolder: @unchecked Sendable {
    /// The folder as the user named it (for messages).
    public let path: String
    private let descriptor: Int32
    private var subfolders: [String: SafeFolder] = [:]

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// What stands at a name in the folder, links not followed.
    public enum Entry: Sendable, Hashable {
        case file(FileIdentity)
        case folder
        case link
        /// A device, a named pipe or a socket.
        case other
    }

    /// Opens the folder `path`, made with its parents first when `create` is set. Links in `path`
    /// itself are followed: the user chose that path. `nil` when it does not exist and `create`
    /// is not set.
    public static func open(_ path: String, create: Bool) throws(FileSafetyError) -> SafeFolder? {
        let folderPath = path.isEmpty ? "." : path
        if create {
            do {
                try FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
            } catch {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: folderPath, isDirectory: &isFolder), !isFolder.boolValue {
                    throw .notAFolder(path: path)
                }
                throw .cannotCreateFolder(path: path, reason: Self.reason(of: error))
            }
        }
        let descriptor = SystemCalls.openFolder(folderPath)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT, !create { return nil }
            if code == ENOTDIR { throw .notAFolder(path: path) }
            throw .cannotOpenFolder(path: path, reason: SystemCalls.reason(code))
        }
        return SafeFolder(path: path, descriptor: descriptor)
    }

    /// The path of `name` in this folder, for messages.
    public func path(of name: String) -> String {
        path.isEmpty || path == "." ? name : (path.hasSuffix("/") ? path + name : path + "/" + name)
    }

    /// What stands at `name`, or `nil` when nothing does.
    public func entry(_ name: String) -> Entry? {
        guard let info = SystemCalls.status(name, in: descriptor) else { return nil }
        switch SystemCalls.type(info) {
        case S_IFREG: return .file(FileIdentity(info))
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The identity of what `name` stands for with links followed (a link's target), if anything.
    public func resolvedIdentity(of name: String) -> FileIdentity? {
        var info = stat()
        guard fstatat(descriptor, name, &info, 0) == 0 else { return nil }
        return FileIdentity(info)
    }

    /// The sub-folder `name`, made when missing and `create` is set; `nil` when it is missing and
    /// `create` is not. A link there is refused.
    public func subfolder(_ name: String, create: Bool) throws(FileSafetyError) -> SafeFolder? {
        if let open = subfolders[name] { return open }
        if create, mkdirat(descriptor, name, 0o777) != 0, errno != EEXIST {
            throw .cannotCreateFolder(path: path(of: name), reason: SystemCalls.reason())
        }
        let opened = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard opened >= 0 else {
            let code = errno
            switch entry(name) {
            case nil where !create: return nil
            case .link?: throw .link(path: path(of: name))
            case .file?, .other?: throw .notAFolder(path: path(of: name))
            default: throw .cannotOpenFolder(path: path(of: name), reason: SystemCalls.reason(code))
            }
        }
        let folder = SafeFolder(path: path(of: name), descriptor: opened)
        subfolders[name] = folder
        return folder
    }

    /// The folder holding `relativePath` (`charts/map.svg` → `charts`) and the file's name in it;
    /// the folder is `nil` when it is missing and `create` is not set.
    public func parent(of relativePath: String, create: Bool) throws(FileSafetyError) -> (folder: SafeFolder?, name: String) {
        var parts = relativePath.split(separator: "/").map(String.init)
        let name = parts.removeLast()
        var folder: SafeFolder? = self
        for part in parts {
            guard let current = folder else { break }
            folder = try current.subfolder(part, create: create)
        }
        return (folder, name)
    }

    /// The bytes of the regular file `name`; `nil` when there is none. A link is not read.
    public func contents(of name: String) -> Data? { read(name, upTo: Int.max) }

    /// The first `count` bytes (fewer in a shorter file) of the regular file `name`.
    public func head(of name: String, count: Int) -> Data? { read(name, upTo: count) }

    private func read(_ name: String, upTo limit: Int) -> Data? {
        let opened = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard opened >= 0 else { return nil }
        defer { close(opened) }
        var info = stat()
        guard fstat(opened, &info) == 0, SystemCalls.type(info) == S_IFREG else { return nil }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while data.count < limit {
            let wanted = min(buffer.count, limit - data.count)
            let count = buffer.withUnsafeMutableBytes { SystemCalls.read(opened, $0.baseAddress, wanted) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? data : nil }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    /// Replaces (or creates) the file `name` with `data`, whole or not at all.
    public func replace(_ name: String, with data: Data) throws(FileSafetyError) {
        do {
            try replace(name) { write in try data.withUnsafeBytes { try write($0) } }
        } catch let error as FileSafetyError {
            throw error
        } catch {
            throw .cannotWrite(path: path(of: name), reason: "\(error)")
        }
    }

    /// Replaces (or creates) the file `name` with what `produce` writes, a part at a time, whole
    /// or not at all: for a result too large to hold (every run of a long analysis). A link, a
    /// folder or a special file at `name` is refused; an error `produce` throws leaves the old file.
    public func replace(_ name: String, producing produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        try replace(name, temporaryName: TemporaryName.make, producing: produce)
    }

    /// `replace(_:producing:)` with the temporary names given (tests plant links at them).
    func replace(
        _ name: String, temporaryName: (String) -> String, producing produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws {
        try refuseNonFile(at: name)
        let (temporary, file) = try createTemporary(for: name, naming: temporaryName)
        var closed = false
        func discard() {
            if !closed { close(file) }
            unlinkat(descriptor, temporary, 0)
        }
        do {
            try produce { bytes in
                if let code = SystemCalls.writeAll(file, bytes) {
                    throw FileSafetyError.cannotWrite(path: path(of: name), reason: SystemCalls.reason(code))
                }
            }
        } catch {
            discard()
            throw error
        }
        closed = true
        guard close(file) == 0 else {
            let code = errno
            unlinkat(descriptor, temporary, 0)
            throw FileSafetyError.cannotWrite(path: path(of: name), reason: SystemCalls.reason(code))
        }
        // The name may have become a link or a folder while the bytes were written.
        do { try refuseNonFile(at: name) } catch {
            unlinkat(descriptor, temporary, 0)
            throw error
        }
        guard renameat(descriptor, temporary, descriptor, name) == 0 else {
            let code = errno
            unlinkat(descriptor, temporary, 0)
            throw FileSafetyError.cannotWrite(path: path(of: name), reason: SystemCalls.reason(code))
        }
    }

    /// Replaces (or creates) the file `name` with a file another library writes by path (SQLite's
    /// backup): it is made in a private folder created exclusively beside `name` (mode 0700, so
    /// nobody else can plant anything in it), then renamed over `name`.
    public func replace(_ name: String, withFileMadeAt make: (_ path: String) throws -> Void) throws {
        try refuseNonFile(at: name)
        var folderName = ""
        for _ in 0..<16 {
            folderName = TemporaryName.make(for: name)
            if mkdirat(descriptor, folderName, 0o700) == 0 { break }
            guard errno == EEXIST else { throw FileSafetyError.cannotWrite(path: path(of: name), reason: SystemCalls.reason()) }
            folderName = ""
        }
        guard !folderName.isEmpty, let privateFolder = try subfolder(folderName, create: false) else {
            throw FileSafetyError.cannotWrite(path: path(of: name), reason: "no temporary name was free")
        }
        subfolders[folderName] = nil
        defer {
            unlinkat(privateFolder.descriptor, "file", 0)
            unlinkat(descriptor, folderName, AT_REMOVEDIR)
        }
        try make(privateFolder.path(of: "file"))
        try refuseNonFile(at: name)
        guard renameat(privateFolder.descriptor, "file", descriptor, name) == 0 else {
            throw FileSafetyError.cannotWrite(path: path(of: name), reason: SystemCalls.reason())
        }
    }

    /// Makes everything written in the folder's file system durable at once (`syncfs`): one call
    /// after a report's thousands of pages instead of an `fsync` for each, which would make each
    /// page's write wait for the disk. Each page is already old or new, never half, by its rename.
    public func makeDurable() {
        #if os(Linux)
            _ = linuxSyncfs(descriptor)
        #else
            _ = fsync(descriptor)
        #endif
    }

    /// Removes the file `name` (a link itself, never its target); nothing when it is absent.
    public func remove(_ name: String) throws(FileSafetyError) {
        guard unlinkat(descriptor, name, 0) == 0 || errno == ENOENT else {
            throw .cannotWrite(path: path(of: name), reason: SystemCalls.reason())
        }
    }

    /// The names in the folder (`.` and `..` left out).
    public func names() -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else { return [] }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes the temporary files of dti's exact naming that a killed run left, once they are
    /// older than `age` seconds: a younger one may belong to a run still writing. Only regular
    /// files: never a folder (whose contents dti may not have made), a link or a special file.
    public func removeStaleTemporaries(olderThan age: Double = TemporaryName.staleAfter) {
        let now = Date().timeIntervalSince1970
        for name in names() where TemporaryName.isTemporary(name) {
            guard let info = SystemCalls.status(name, in: descriptor), SystemCalls.type(info) == S_IFREG else { continue }
            guard now - SystemCalls.modified(info) > age else { continue }
            unlinkat(descriptor, name, 0)
        }
    }

    /// Throws when a link, a folder or a special file stands at `name`.
    private func refuseNonFile(at name: String) throws(FileSafetyError) {
        switch entry(name) {
        case .link?: throw .link(path: path(of: name))
        case .folder?: throw .folderInTheWay(path: path(of: name))
        case .other?: throw .notARegularFile(path: path(of: name))
        case .file?, nil: return
        }
    }

    /// A new temporary file beside `name`, created exclusively, and its descriptor.
    private func createTemporary(for name: String, naming: (String) -> String) throws(FileSafetyError) -> (name: String, descriptor: Int32) {
        for _ in 0..<16 {
            let temporary = naming(name)
            let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if file >= 0 { return (temporary, file) }
            guard errno == EEXIST else { throw .cannotWrite(path: path(of: name), reason: SystemCalls.reason()) }
        }
        throw .cannotWrite(path: path(of: name), reason: "no temporary name was free")
    }

    private static func reason(of error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return SystemCalls.reason(Int32(underlying.code))
        }
        return nsError.domain == NSPOSIXErrorDomain ? SystemCalls.reason(Int32(nsError.code)) : nsError.localizedDescription
    }
}

#if os(Linux)
    /// glibc's `syncfs(2)`, which the Glibc module leaves out (it is declared under `_GNU_SOURCE`).
    @_silgen_name("syncfs")
    private func linuxSyncfs(_ descriptor: Int32) -> Int32
#endif

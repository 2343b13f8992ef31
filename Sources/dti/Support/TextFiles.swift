import Foundation

/// Reading and writing text files: the only file access of the tool, kept at the edge.
enum TextFiles {
    /// The UTF-8 contents of `path`.
    static func read(_ path: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError.notUTF8(path: path) }
        return text
    }

    /// Refuses a FIFO, a device, a socket: reading one would block or never end (`/dev/zero`).
    static func requireRegularFile(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { return }  // reading it reports why
        let kind: String
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFIFO: kind = "a named pipe (FIFO)"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a file"
        }
        throw CLIError.notARegularFile(path: path, kind: kind)
    }

    /// The bytes of `path`.
    static func bytes(_ path: String) throws -> [UInt8] {
        try requireRegularFile(path)
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CLIError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Creates the parent folder of `path` if needed.
    static func ensureParentFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError.cannotCreateFolder(path: folder, reason: (error as NSError).localizedDescription)
        }
    }
}

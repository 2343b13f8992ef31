import DTICore
import Foundation

/// Reading and writing text files: the only file access of the tool, kept at the edge.
public enum TextFiles {
    /// The UTF-8 contents of `path`.
    public static func read(_ path: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WorkflowError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw WorkflowError.notUTF8(path: path) }
        return text
    }

    /// Refuses a FIFO, a device, a socket: reading one would block or never end (`/dev/zero`).
    public static func requireRegularFile(_ path: String) throws {
        // Reading a path that cannot be inspected reports why; only what is known not to be a file stops here.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let type = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType else { return }
        let kind: Wording
        switch type {
        case .typeRegular, .typeDirectory: return
        case .typeCharacterSpecial: kind = Messages.Workflow.characterDevice
        case .typeBlockSpecial: kind = Messages.Workflow.blockDevice
        case .typeSocket: kind = Messages.Workflow.socket
        default: kind = Messages.Workflow.namedPipeFIFOOrAnother
        }
        throw WorkflowError.notARegularFile(path: path, kind: kind)
    }

    /// The largest data file read: a national commune edition in the long layout is about 10 MB.
    public static let maxDataFileBytes = 256 << 20

    /// The bytes of `path`, refused beyond `maxDataFileBytes` before anything is read.
    public static func bytes(_ path: String) throws -> [UInt8] {
        try requireRegularFile(path)
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxDataFileBytes {
            throw WorkflowError.tooLarge(path: path, bytes: size, limit: maxDataFileBytes)
        }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw WorkflowError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Creates the parent folder of `path` if needed.
    public static func ensureParentFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw WorkflowError.cannotCreateFolder(path: folder, reason: (error as NSError).localizedDescription)
        }
    }
}

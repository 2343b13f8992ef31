import Foundation

/// Writing a file so that a reader, or a run killed half-way, sees the old file or the new one,
/// never a part: a temporary file in the same folder, then a rename over the target.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        try TextFiles.ensureParentFolder(of: url.path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).dti-tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError.unreadable(path: url.path, reason: "cannot write: \((error as NSError).localizedDescription)")
        }
    }
}

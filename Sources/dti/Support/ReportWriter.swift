import Foundation

/// Writes a report set into a folder, touching only what changed.
///
/// A file whose bytes are already on disk is left alone (its time stamp too, so `make`, rsync and
/// a site deploy see only real changes); a changed or new file is written to a temporary file in
/// the same folder and renamed into place, so a reader or a killed run sees the old page or the
/// new one, never half a page.
struct ReportWriter {
    /// What writing a file does, or would do.
    enum Change: String, Equatable {
        case new, changed, unchanged
    }

    let folder: URL

    /// What writing `contents` to `path` (relative to the folder) would change.
    func change(for path: String, contents: Data) -> Change {
        guard let existing = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { return .new }
        return existing == contents ? .unchanged : .changed
    }

    /// Writes the files that are new or changed and returns what happened to each, in order.
    func write(_ files: [(path: String, contents: String)], dryRun: Bool) throws -> [(path: String, change: Change)] {
        try files.map { file in
            let data = Data(file.contents.utf8)
            let change = change(for: file.path, contents: data)
            if change != .unchanged, !dryRun { try replace(file.path, with: data) }
            return (file.path, change)
        }
    }

    private func replace(_ path: String, with data: Data) throws {
        let url = folder.appendingPathComponent(path)
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

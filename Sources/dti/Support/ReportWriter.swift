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
        try AtomicFile.write(data, to: folder.appendingPathComponent(path))
    }

}

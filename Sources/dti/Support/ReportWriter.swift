import DTIIngest
import Foundation

/// Writes a report set into a folder, touching only what changed, and nothing it did not write.
///
/// A file whose bytes are already on disk is left alone (its time stamp too, so `make`, rsync and
/// a site deploy see only real changes); a changed or new file is written to a temporary file in
/// the same folder and renamed into place, so a reader or a killed run sees the old page or the
/// new one, never half a page.
///
/// The folder keeps a manifest of what dti wrote (`.dti-report-manifest`, in `sha256sum` form,
/// so `sha256sum -c` shows what was changed by hand since). A file already there is replaced only
/// if the manifest lists it, that is if dti wrote it: a file of another site sharing the folder,
/// or a folder given by mistake, is never overwritten. No path leaves the folder.
struct ReportWriter {
    /// What writing a file does, or would do.
    enum Change: String, Equatable {
        case new, changed, unchanged
    }

    static let manifestName = ".dti-report-manifest"

    let folder: URL

    /// Why the files cannot be written, before any is.
    struct Refusal: Error, CustomStringConvertible {
        var folder: String
        var foreign: [String]
        var outside: [String]

        var description: String {
            if !outside.isEmpty {
                return "the report would write outside \(folder) (\(outside.prefix(3).joined(separator: ", "))); nothing was written"
            }
            let listed = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
            return "\(folder) holds files that dti did not write (\(listed)); dti does not overwrite them, "
                + "and nothing was written: choose another --out, or move them away"
        }
    }

    /// What writing `contents` to `path` (relative to the folder) would change.
    func change(for path: String, contents: Data) -> Change {
        guard let existing = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { return .new }
        return existing == contents ? .unchanged : .changed
    }

    /// Writes the files that are new or changed and returns what happened to each, in order; the
    /// manifest first. Throws `Refusal` before writing anything when a path would leave the folder
    /// or replace a file dti did not write.
    func write(_ files: [(path: String, contents: String)], dryRun: Bool) throws -> [(path: String, change: Change)] {
        var manifest = readManifest()
        let planned = files.map { file in (file.path, Data(file.contents.utf8)) }
        var refusal = Refusal(folder: folder.path, foreign: [], outside: [])
        for (path, data) in planned {
            guard Self.staysInside(path) else {
                refusal.outside.append(path)
                continue
            }
            if manifest[path] == nil, change(for: path, contents: data) == .changed { refusal.foreign.append(path) }
        }
        if !refusal.outside.isEmpty || !refusal.foreign.isEmpty { throw refusal }

        let changes = planned.map { path, data in (path, change(for: path, contents: data)) }
        guard !dryRun, changes.contains(where: { $0.1 != .unchanged }) else { return changes }
        // The manifest first: a run stopped half-way (a full disk, a kill) has claimed the files it
        // was about to write, so the next run may replace them. Entries of files no longer there
        // and not planned (a unit set that changed) are dropped.
        let plannedPaths = Set(planned.map(\.0))
        manifest = manifest.filter {
            plannedPaths.contains($0.key) || FileManager.default.fileExists(atPath: folder.appendingPathComponent($0.key).path)
        }
        for (path, data) in planned { manifest[path] = SHA256.hex([UInt8](data)) }
        let text = manifest.keys.sorted().map { "\(manifest[$0] ?? "")  \($0)\n" }.joined()
        try AtomicFile.write(Data(text.utf8), to: folder.appendingPathComponent(Self.manifestName))
        for ((path, data), (_, change)) in zip(planned, changes) where change != .unchanged {
            try AtomicFile.write(data, to: folder.appendingPathComponent(path))
        }
        return changes
    }

    /// Path → SHA-256 of what dti last wrote there.
    private func readManifest() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(Self.manifestName).path) else { return [:] }
        var entries: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            entries[String(parts[1].drop { $0 == " " })] = String(parts[0])
        }
        return entries
    }

    /// A relative path with no `..` part, no leading `/` and no NUL.
    static func staysInside(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\0") && !path.split(separator: "/").contains("..")
    }
}

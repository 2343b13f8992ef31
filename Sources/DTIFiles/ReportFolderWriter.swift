import DTICore
import Foundation

/// Writes a report set into a folder, touching only what changed, and nothing it did not write.
///
/// A file whose bytes are already on disk is left alone (its time stamp too, so `make`, rsync and
/// a site deploy see only real changes); a changed or new file is replaced whole (`SafeFolder`), so
/// a reader or a killed run sees the old page or the new one, never half a page.
///
/// The folder keeps a manifest of what dti wrote (`.dti-report-manifest`, in `sha256sum` form, so
/// `sha256sum -c` shows what was changed by hand since). A file already there is replaced only if
/// the manifest lists it, that is if dti wrote it: a file of another site sharing the folder, or a
/// folder given by mistake, is never overwritten. Sub-folders are entered without following links
/// and a link where a page goes is refused, so no write leaves the folder. A page dti wrote before
/// and does not write now (a unit that left the set) is removed, unless it was edited since.
public struct ReportFolderWriter {
    /// What writing a file does, or would do.
    public enum Change: String, Sendable, Equatable {
        case new, changed, unchanged
        /// A page of an earlier run that this run does not write: removed.
        case removed
    }

    public static let manifestName = ".dti-report-manifest"

    /// The folder, as the user named it.
    public let folderPath: String

    public init(folderPath: String) {
        self.folderPath = folderPath
    }

    /// Why the files cannot be written, before any is.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var folder: String
        public var foreign: [String] = []
        public var outside: [String] = []
        /// Links where a page or a folder goes.
        public var links: [String] = []
        /// A folder where a page goes, or a file where a folder goes.
        public var inTheWay: [String] = []

        var isEmpty: Bool { foreign.isEmpty && outside.isEmpty && links.isEmpty && inTheWay.isEmpty }

        public var description: String { wording.text(.en) }
    }

    /// Writes the files that are new or changed, removes the pages of an earlier run that
    /// `isStale` says this run replaces and that were not edited since, and returns what happened
    /// to each file, in order (removed pages last). Throws `Refusal` before writing anything when
    /// a path would leave the folder, go through a link or replace a file dti did not write.
    public func write(
        _ files: [(path: String, contents: String)], dryRun: Bool, isStale: (String) -> Bool = { _ in false }
    ) throws -> [(path: String, change: Change)] {
        // Each file's bytes are made when they are needed and let go after: holding them all beside
        // the strings would double the peak of a 3,321-profile report set (220 MB more).
        let planned = files
        let existing = try SafeFolder.open(folderPath, create: false)
        var manifest = existing?.contents(of: Self.manifestName).map { FileManifest(text: String(decoding: $0, as: UTF8.self)) } ?? FileManifest()
        var refusal = Refusal(folder: folderPath)
        var changes: [(path: String, change: Change)] = []
        for (path, contents) in planned {
            guard Self.staysInside(path) else {
                refusal.outside.append(path)
                continue
            }
            let change: Change
            do {
                change = try existing.map { try Self.change(for: path, data: Data(contents.utf8), in: $0) } ?? .new
            } catch let error as FileSafetyError {
                let inside = { (place: String) in String(place.dropFirst(folderPath.count).drop { $0 == "/" }) }
                switch error {
                case let .link(place): refusal.links.append(inside(place))
                case let .notAFolder(place), let .folderInTheWay(place), let .notARegularFile(place): refusal.inTheWay.append(inside(place))
                default: throw error
                }
                continue
            }
            if manifest.entries[path] == nil, change == .changed { refusal.foreign.append(path) }
            changes.append((path, change))
        }
        if !refusal.isEmpty {
            refusal.links = Array(Set(refusal.links)).sorted()
            refusal.inTheWay = Array(Set(refusal.inTheWay)).sorted()
            throw refusal
        }

        let plannedPaths = Set(planned.map(\.path))
        let stale =
            (existing.map { folder in
                manifest.entries.keys.filter { path in
                    guard !plannedPaths.contains(path), Self.staysInside(path), isStale(path),
                        let (parent, name) = try? folder.parent(of: path, create: false),
                        let bytes = parent?.contents(of: name)
                    else { return false }
                    return FileManifest.hash(bytes) == manifest.entries[path]
                }
            } ?? []).sorted()
        let removals = stale.map { (path: $0, change: Change.removed) }
        guard !dryRun, changes.contains(where: { $0.change != .unchanged }) || !stale.isEmpty else { return changes + removals }

        guard let root = try SafeFolder.open(folderPath, create: true) else { return changes + removals }
        var cleaned: Set<ObjectIdentifier> = []
        func folder(for path: String) throws -> (SafeFolder, String) {
            let (parent, name) = try root.parent(of: path, create: true)
            guard let parent else { throw FileSafetyError.cannotCreateFolder(path: folderPath, reason: "it disappeared") }
            // A killed run's temporary files go before this run writes beside them.
            if cleaned.insert(ObjectIdentifier(parent)).inserted { parent.removeStaleTemporaries() }
            return (parent, name)
        }
        // The manifest first: a run stopped half-way (a full disk, a kill) has claimed the files it
        // was about to write, so the next run may replace them. Entries of files no longer there
        // and not planned are dropped.
        manifest.entries = manifest.entries.filter { path, _ in
            plannedPaths.contains(path)
                || ((try? root.parent(of: path, create: false))?.folder.flatMap { $0.entry((path as NSString).lastPathComponent) } != nil)
        }
        // The fingerprints are independent: worked out on every core (a fifth of a 3,321-commune report).
        let hashes = ParallelMap.map(planned.count, threads: ProcessInfo.processInfo.activeProcessorCount) {
            FileManifest.hash(planned[$0].contents.utf8)
        }
        for ((path, _), hash) in zip(planned, hashes) { manifest.entries[path] = hash }
        let (manifestFolder, manifestName) = try folder(for: Self.manifestName)
        try manifestFolder.replace(manifestName, with: Data(manifest.text.utf8))
        for ((path, contents), (_, change)) in zip(planned, changes) where change != .unchanged {
            let (parent, name) = try folder(for: path)
            try parent.replace(name, with: Data(contents.utf8))
        }
        defer { root.makeDurable() }
        guard !stale.isEmpty else { return changes }
        for path in stale {
            let (parent, name) = try folder(for: path)
            try parent.remove(name)
            manifest.entries[path] = nil
        }
        try manifestFolder.replace(manifestName, with: Data(manifest.text.utf8))
        return changes + removals
    }

    /// What writing `data` to `path` would change, going through sub-folders without links.
    private static func change(for path: String, data: Data, in root: SafeFolder) throws(FileSafetyError) -> Change {
        let (parent, name) = try root.parent(of: path, create: false)
        guard let parent else { return .new }
        switch parent.entry(name) {
        case nil: return .new
        case .file?: return parent.contents(of: name) == data ? .unchanged : .changed
        case .link?: throw .link(path: parent.path(of: name))
        case .folder?: throw .folderInTheWay(path: parent.path(of: name))
        case .other?: throw .notARegularFile(path: parent.path(of: name))
        }
    }

    /// A relative path of plain names: no `..` or `.` part, no empty part, no leading `/`, no
    /// control character, and not the manifest itself.
    public static func staysInside(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && path != manifestName
            && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
            && !path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}

import DTICore
import Foundation

/// A file a command writes its result to (`--out FILE`), checked before anything is written:
/// it never replaces the history database in use (compared by device and inode, so an alias or a
/// link to its folder is caught), and without `--force` neither an SQLite database nor a file dti
/// did not write. Files dti wrote are listed in the folder's `.dti-outputs` (`sha256sum` form),
/// so running the same command again replaces its own output without asking.
///
/// A link at the file's name is refused; the file is replaced whole or not at all (`SafeFolder`).
public struct OutputFile {
    /// Which existing files may be replaced.
    public enum ReplaceRule: Sendable {
        /// Files listed in the folder's `.dti-outputs`, or any file with `force` (the database in use never).
        case writtenByDTI(force: Bool)
        /// The caller decides (a backup replaces only a dti database); the database in use never.
        case checkedByCaller
    }

    /// The folder's list of the files dti wrote there.
    public static let ledgerName = ".dti-outputs"

    /// The path as the user gave it.
    public let path: String
    /// What stands there now: `nil` when nothing does.
    public let existing: SafeFolder.Entry?
    private let folder: SafeFolder
    private let name: String
    private let rule: ReplaceRule

    /// Checks `path` as the target of a result; `database` is the history database in use.
    public init(path: String, database: String?, rule: ReplaceRule) throws(FileSafetyError) {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard !path.hasSuffix("/"), !name.isEmpty, name != ".", name != ".." else { throw .folderInTheWay(path: path) }
        let parent = path.contains("/") ? url.deletingLastPathComponent().path : "."
        guard let folder = try SafeFolder.open(parent, create: true) else { throw .cannotOpenFolder(path: parent, reason: "it does not exist") }
        self.path = path
        self.folder = folder
        self.name = name
        self.rule = rule
        existing = folder.entry(name)
        // The list is written after the file: a link or a pipe there would fail that step after
        // the result was written. Checked first, so a refusal leaves nothing written.
        if case .writtenByDTI = rule, let ledger = folder.entry(Self.ledgerName) {
            guard case .file = ledger else { throw .ledgerNotAFile(path: path, ledger: folder.path(of: Self.ledgerName)) }
        }
        let protected = database.map(FileIdentity.ofDatabase(at:)) ?? []
        switch existing {
        case nil:
            return
        case .link?:
            if let target = folder.resolvedIdentity(of: name), protected.contains(target), let database {
                throw .databaseInUse(path: path, database: database)
            }
            throw .link(path: path)
        case .folder?:
            throw .folderInTheWay(path: path)
        case .other?:
            throw .notARegularFile(path: path)
        case let .file(identity)?:
            if protected.contains(identity), let database { throw .databaseInUse(path: path, database: database) }
            guard case let .writtenByDTI(force) = rule, !force else { return }
            if folder.head(of: name, count: 16) == Self.sqliteMagic { throw .sqliteDatabase(path: path) }
            // Listed by name is not enough: the file must still hold what dti wrote (a user's own
            // file at a name dti once used is theirs).
            guard let recorded = ledger().entries[name] else { throw .notWrittenByDTI(path: path) }
            guard let content = folder.contents(of: name), FileManifest.hash(content) == recorded else {
                throw .changedSinceWritten(path: path)
            }
        }
    }

    /// The first 16 bytes of every SQLite database file.
    static let sqliteMagic = Data("SQLite format 3\0".utf8)

    /// Writes `data` to the file, whole or not at all, and lists it as dti's.
    public func write(_ data: Data) throws {
        try write { sink in try data.withUnsafeBytes { try sink($0) } }
    }

    /// Writes what `produce` gives, a part at a time (a result too large to hold), whole or not at all.
    public func write(producing produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        // A killed run's temporary files go before this one writes beside them.
        folder.removeStaleTemporaries()
        var hasher = SHA256()
        try folder.replace(name) { write in
            try withoutActuallyEscaping(write) { write in
                try produce { bytes in
                    hasher.update([UInt8](bytes)[...])
                    try write(bytes)
                }
            }
        }
        try record(hasher.hexDigest())
    }

    /// Has a library that writes by path (SQLite's backup) make the file in a private folder
    /// beside it, then moves it into place.
    public func writeFile(madeBy make: (_ path: String) throws -> Void) throws {
        try folder.replace(name, withFileMadeAt: make)
    }

    /// The folder's `.dti-outputs`.
    private func ledger() -> FileManifest {
        folder.contents(of: Self.ledgerName).map { FileManifest(text: String(decoding: $0, as: UTF8.self)) } ?? FileManifest()
    }

    /// Lists the file as written by dti, with the hash of what was written.
    private func record(_ hash: String) throws {
        guard case .writtenByDTI = rule else { return }
        var ledger = ledger()
        guard ledger.entries[name] != hash else { return }
        ledger.entries[name] = hash
        try folder.replace(Self.ledgerName, with: Data(ledger.text.utf8))
    }
}

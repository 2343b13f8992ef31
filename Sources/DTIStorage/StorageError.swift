import DTICore

/// Why the history database could not be used.
public enum StorageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// SQLite reported an error.
    case sqlite(path: String, reason: String)
    /// The database was written by a newer dti.
    case newerSchema(path: String, unknownMigrations: [String])
    /// An SQLite database of some other program: dti will not add its tables to it.
    case notDTIDatabase(path: String, tables: [String])
    /// The file is not an SQLite database at all.
    case notADatabase(path: String)
    /// An import would change stored values; nothing was written. The first conflicts, and how
    /// many there are in all.
    case conflicts([StoredConflict], total: Int)
    /// A unit list that would relabel stored values, refused inside the write transaction.
    case unitSetRefused(UnitSetRefusal)
    /// A stored block of values is not as dti writes it: the file was damaged or altered.
    case damagedBlock(path: String)

    public var description: String { wording.text(.en) }
}

/// A value that an import would change.
public struct StoredConflict: Sendable, Hashable, CustomStringConvertible {
    /// Edition, unit and entry.
    public var key: String
    /// The value being imported and where it comes from; `nil` for an empty cell.
    public var newValue: Double?
    /// `file:line` of the new value.
    public var newSource: String
    /// The stored value.
    public var storedValue: Double
    /// `file:line` of the stored value.
    public var storedSource: String

    public var description: String { wording.text(.en) }

    /// The conflict in every language.
    public var wording: Wording {
        guard let newValue else {
            return Messages.Storage.conflictBlank(key: key, newSource: newSource, stored: ExactNumber(storedValue), storedSource: storedSource)
        }
        return Messages.Storage.conflict(
            key: key, newSource: newSource, value: ExactNumber(newValue), stored: ExactNumber(storedValue), storedSource: storedSource)
    }
}

extension StorageError: WordedError {
    public var wording: Wording {
        switch self {
        case let .cannotOpen(path, reason):
            return Messages.Storage.cannotOpen(path: path, reason: reason)
        case let .sqlite(path, reason) where reason.contains("database or disk is full"):
            return Messages.Storage.diskFull(path: path)
        case let .sqlite(path, reason):
            return Messages.Storage.sqlite(path: path, reason: reason)
        case let .newerSchema(path, migrations):
            return Messages.Storage.newerSchema(
                path: path, theirs: Migrations.all.count + migrations.count, migrations: migrations.joined(separator: ", "),
                ours: Migrations.all.count)
        case let .notDTIDatabase(path, tables):
            return Messages.Storage.notDTIDatabase(path: path, tables: tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : ""))
        case let .notADatabase(path):
            return Messages.Storage.notADatabase(path: path)
        case let .conflicts(conflicts, total):
            var lines = conflicts.prefix(20).map { Wording.same("  ").appending("", $0.wording) }
            if total > 20 { lines.append(Messages.Storage.andMoreValues(count: total - 20)) }
            let listed = lines.dropFirst().reduce(lines.first ?? Wording.same("")) { $0.appending("\n", $1) }
            return total == 1 ? Messages.Storage.conflictOne(lines: listed) : Messages.Storage.conflicts(count: total, lines: listed)
        case let .unitSetRefused(refusal):
            return refusal.wording
        case let .damagedBlock(path):
            return Messages.Storage.damagedBlock(path: path)
        }
    }
}

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

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open the database \(path): \(reason)"
        case let .sqlite(path, reason) where reason.contains("database or disk is full"):
            return "the disk holding \(path) is full: nothing was written and the database is as it was; free some space and run again"
        case let .sqlite(path, reason):
            return "database \(path): \(reason)"
        case let .newerSchema(path, migrations):
            return
                "the database \(path) was written by a newer dti (schema version \(Migrations.all.count + migrations.count), with \(migrations.joined(separator: ", ")); this dti knows version \(Migrations.all.count)); update dti"
        case let .notDTIDatabase(path, tables):
            let listed = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            return
                "\(path) is an SQLite database of another program (tables \(listed)), not dti's history; dti leaves it untouched: give --db a new file or a dti database"
        case let .notADatabase(path):
            return "\(path) is not an SQLite database (is it a data file?); --db names dti's history database: give a new file or a dti database"
        case let .conflicts(conflicts, total):
            let lines = conflicts.prefix(20).map { "  \($0)" }
            let more = total > 20 ? ["  … and \(total - 20) more"] : []
            return "\(total) value\(total == 1 ? " differs" : "s differ") from what is stored; nothing was imported:\n"
                + (lines + more).joined(separator: "\n")
                + "\nrun again with --replace to replace them (the old values stay in the history: 'dti history')"
        }
    }
}

/// A value that an import would change.
public struct StoredConflict: Sendable, Hashable, CustomStringConvertible {
    /// Edition, unit and entry.
    public var key: String
    /// The value being imported and where it comes from.
    public var newValue: Double
    /// `file:line` of the new value.
    public var newSource: String
    /// The stored value.
    public var storedValue: Double
    /// `file:line` of the stored value.
    public var storedSource: String

    public var description: String {
        "\(key): \(newSource) has \(newValue), but \(storedValue) is stored from \(storedSource)"
    }
}

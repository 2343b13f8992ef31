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
        case let .unitSetRefused(refusal):
            return refusal.description
        case let .damagedBlock(path):
            return
                "the database \(path) holds a block of values that is damaged (it is not as dti writes it); restore it from a backup ('dti backup' makes one), or import the files again into a new database"
        }
    }
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

    public var description: String {
        "\(key): \(newSource) \(newValue.map { "has \($0)" } ?? "leaves it blank"), but \(storedValue) is stored from \(storedSource)"
    }
}

extension StorageError: WordedError {
    public var wording: Wording {
        let vietnamese: String
        switch self {
        case let .cannotOpen(path, reason):
            vietnamese = "không mở được cơ sở dữ liệu \(path): \(reason)"
        case let .sqlite(path, reason) where reason.contains("database or disk is full"):
            vietnamese = "ổ đĩa chứa \(path) đã đầy: không ghi gì và cơ sở dữ liệu vẫn như cũ; hãy giải phóng dung lượng rồi chạy lại"
        case let .sqlite(path, reason):
            vietnamese = "cơ sở dữ liệu \(path): \(reason)"
        case let .newerSchema(path, migrations):
            vietnamese =
                "cơ sở dữ liệu \(path) do một phiên bản dti mới hơn ghi (lược đồ phiên bản \(Migrations.all.count + migrations.count), với \(migrations.joined(separator: ", ")); dti này biết phiên bản \(Migrations.all.count)); hãy cập nhật dti"
        case let .notDTIDatabase(path, tables):
            let listed = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            vietnamese =
                "\(path) là cơ sở dữ liệu SQLite của một chương trình khác (các bảng \(listed)), không phải lịch sử của dti; dti không động vào nó: hãy cho --db một tệp mới hoặc một cơ sở dữ liệu của dti"
        case let .notADatabase(path):
            vietnamese =
                "\(path) không phải cơ sở dữ liệu SQLite (có phải tệp số liệu không?); --db là cơ sở dữ liệu lịch sử của dti: hãy cho một tệp mới hoặc một cơ sở dữ liệu của dti"
        case let .conflicts(conflicts, total):
            let lines = conflicts.prefix(20).map { "  \($0.vietnamese)" }
            let more = total > 20 ? ["  … và \(total - 20) giá trị khác"] : []
            vietnamese =
                "\(total) giá trị khác với giá trị đã lưu; không nhập gì:\n" + (lines + more).joined(separator: "\n")
                + "\nchạy lại với --replace để thay chúng (giá trị cũ vẫn còn trong lịch sử: 'dti history')"
        case let .unitSetRefused(refusal):
            return refusal.wording
        case let .damagedBlock(path):
            vietnamese =
                "cơ sở dữ liệu \(path) có một khối giá trị bị hỏng (không đúng như dti ghi); hãy khôi phục từ bản sao lưu ('dti backup' tạo bản sao lưu), hoặc nhập lại các tệp vào một cơ sở dữ liệu mới"
        }
        return Wording(description, vi: vietnamese)
    }
}

extension StoredConflict {
    /// The conflict in Vietnamese.
    public var vietnamese: String {
        "\(key): \(newSource) \(newValue.map { "có \(NumberText.exactVI($0))" } ?? "để trống"), nhưng giá trị đã lưu từ \(storedSource) là \(NumberText.exactVI(storedValue))"
    }
}

import CSQLite

/// A minimal, private wrapper over the system SQLite: open, execute, prepared statements, and
/// transactions. Nothing of it leaves `DTIStorage`.
final class SQLiteConnection {
    private var handle: OpaquePointer?
    let path: String

    init(path: String, readOnly: Bool = false) throws(StorageError) {
        self.path = path
        var db: OpaquePointer?
        // No mutex on each call: a connection belongs to one `HistoryStore`, which is not
        // `Sendable`, so the compiler keeps it on one thread; the lock cost a mutex round trip on
        // every column of every row read (5 % of ranking 10,000 units).
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw .cannotOpen(path: path, reason: message)
        }
        handle = db
        sqlite3_busy_timeout(db, 5_000)
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements without results.
    func execute(_ sql: String) throws(StorageError) {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw .sqlite(path: path, reason: message)
        }
    }

    /// Prepares one statement.
    func prepare(_ sql: String) throws(StorageError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw .sqlite(path: path, reason: lastError)
        }
        return SQLiteStatement(statement: statement, connection: self)
    }

    /// Runs `body` in one immediate transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// Rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Copies the whole database into a new file at `destination` with SQLite's online backup,
    /// which sees one consistent state even while other processes write.
    func backup(to destination: String) throws(StorageError) {
        var target: OpaquePointer?
        guard sqlite3_open_v2(destination, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let target else {
            let message = target.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(target)
            throw .cannotOpen(path: destination, reason: message)
        }
        defer { sqlite3_close(target) }
        guard let backup = sqlite3_backup_init(target, "main", handle, "main") else {
            throw .sqlite(path: destination, reason: String(cString: sqlite3_errmsg(target)))
        }
        var status: Int32
        repeat {
            status = sqlite3_backup_step(backup, -1)
            if status == SQLITE_BUSY || status == SQLITE_LOCKED { sqlite3_sleep(50) }
        } while status == SQLITE_OK || status == SQLITE_BUSY || status == SQLITE_LOCKED
        sqlite3_backup_finish(backup)
        guard status == SQLITE_DONE else { throw .sqlite(path: destination, reason: String(cString: sqlite3_errstr(status))) }
    }
}

/// A prepared statement with typed binding and reading.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private unowned let connection: SQLiteConnection

    init(statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    /// A value that can be bound to a parameter.
    enum Value {
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])
        case null

        static func optional(_ text: String?) -> Value { text.map(Value.text) ?? .null }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Resets the statement and binds `values` to its parameters, in order.
    func bind(_ values: [Value]) throws(StorageError) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case let .integer(number): status = sqlite3_bind_int64(statement, index, number)
            case let .real(number): status = sqlite3_bind_double(statement, index, number)
            // The length in bytes, not -1: a text holding a NUL is stored whole, not cut at it.
            case let .text(text): status = sqlite3_bind_text(statement, index, text, Int32(text.utf8.count), Self.transient)
            case let .blob(bytes):
                status = bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
            case .null: status = sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw .sqlite(path: connection.path, reason: connection.lastError) }
        }
    }

    /// Binds one parameter (1-based), for statements filled value by value without an array of
    /// `Value`s (the import's many-row inserts); `execute()` then runs it.
    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }
    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(statement, index, value) }
    func bind(_ index: Int32, _ text: String?) {
        guard let text else {
            sqlite3_bind_null(statement, index)
            return
        }
        sqlite3_bind_text(statement, index, text, Int32(text.utf8.count), Self.transient)
    }
    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    /// Runs a statement whose parameters were bound one by one, then makes it ready for the next.
    func execute() throws(StorageError) {
        let status = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard status == SQLITE_DONE else { throw .sqlite(path: connection.path, reason: connection.lastError) }
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [Value] = []) throws(StorageError) {
        try bind(values)
        guard sqlite3_step(statement) == SQLITE_DONE else {
            throw .sqlite(path: connection.path, reason: connection.lastError)
        }
    }

    /// Runs a query and calls `row` for each result row.
    func query(_ values: [Value] = [], _ row: (SQLiteStatement) throws(StorageError) -> Void) throws(StorageError) {
        try bind(values)
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw .sqlite(path: connection.path, reason: connection.lastError) }
            try row(self)
        }
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
    /// The first byte of a text column, `nil` when it is NULL or empty: a code read without
    /// making a String of it.
    func firstByte(_ column: Int32) -> UInt8? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL, let text = sqlite3_column_text(statement, column) else { return nil }
        return text.pointee == 0 ? nil : text.pointee
    }
    /// The bytes of a blob column, valid until the statement steps again (read them inside the
    /// row's closure); empty for NULL.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        // The pointer first, then the size, as SQLite asks.
        let base = sqlite3_column_blob(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let base else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base, count: count)
    }
    func text(_ column: Int32) -> String? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL, let text = sqlite3_column_text(statement, column) else {
            return nil
        }
        return String(cString: text)
    }
}

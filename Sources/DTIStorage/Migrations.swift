/// The schema as named, append-only migrations. Never edit or reorder one that has shipped: add a
/// new one. Each runs in its own transaction and is recorded in `schemaMigration`.
enum Migrations {
    static let all: [(name: String, sql: String)] = [
        (
            "createImportBatchAndObservation",
            """
            CREATE TABLE importBatch (
                id INTEGER PRIMARY KEY,
                file TEXT NOT NULL,
                importedAt TEXT NOT NULL
            );
            CREATE TABLE observation (
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL,
                unitCode TEXT NOT NULL,
                indicatorID TEXT NOT NULL,
                value REAL NOT NULL,
                importBatchID INTEGER NOT NULL REFERENCES importBatch(id),
                line INTEGER NOT NULL,
                source TEXT,
                note TEXT,
                status TEXT
            );
            CREATE UNIQUE INDEX observationNaturalKey ON observation(year, unitCode, indicatorID);
            """
        ),
        (
            // Provenance: the file's SHA-256 and the value's column; replaced values are kept.
            "addFingerprintAndObservationHistory",
            """
            ALTER TABLE importBatch ADD COLUMN sha256 TEXT;
            ALTER TABLE observation ADD COLUMN valueColumn INTEGER;
            CREATE TABLE observationHistory (
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL,
                unitCode TEXT NOT NULL,
                indicatorID TEXT NOT NULL,
                value REAL NOT NULL,
                importBatchID INTEGER NOT NULL REFERENCES importBatch(id),
                line INTEGER NOT NULL,
                valueColumn INTEGER,
                source TEXT,
                note TEXT,
                status TEXT,
                replacedByBatchID INTEGER NOT NULL REFERENCES importBatch(id)
            );
            CREATE INDEX observationHistoryKey ON observationHistory(year, unitCode, indicatorID);
            """
        ),
        (
            // Provenance from workbooks: the sheet a value's cell is on (its row is `line`).
            "addSheet",
            """
            ALTER TABLE observation ADD COLUMN sheet TEXT;
            ALTER TABLE observationHistory ADD COLUMN sheet TEXT;
            """
        ),
    ]

    /// Applies the migrations this database lacks, all in one transaction (an older database is
    /// upgraded whole or not at all); refuses a database written by a newer dti, another program's
    /// database and a file that is not a database. A database that needs nothing takes no lock.
    static func migrate(_ connection: SQLiteConnection) throws(StorageError) {
        let tables = try tableNames(connection)
        if !tables.isEmpty, !tables.contains("schemaMigration") {
            throw .notDTIDatabase(path: connection.path, tables: tables)
        }
        let applied = tables.contains("schemaMigration") ? try appliedNames(connection) : []
        try refuseNewer(applied, path: connection.path)
        guard all.contains(where: { !applied.contains($0.name) }) else { return }
        try connection.transaction { () throws(StorageError) in
            try connection.execute("CREATE TABLE IF NOT EXISTS schemaMigration (name TEXT PRIMARY KEY NOT NULL)")
            // Another process may have migrated between the look and the lock.
            let applied = try appliedNames(connection)
            try refuseNewer(applied, path: connection.path)
            for migration in all where !applied.contains(migration.name) {
                try connection.execute(migration.sql)
                try connection.prepare("INSERT INTO schemaMigration (name) VALUES (?)").run([.text(migration.name)])
            }
        }
    }

    /// The tables of the database (SQLite's own left out); the first read, so a file that is not
    /// a database is named as such here.
    static func tableNames(_ connection: SQLiteConnection) throws(StorageError) -> [String] {
        var names: [String] = []
        do {
            try connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").query { row in
                if let name = row.text(0) { names.append(name) }
            }
        } catch {
            if case let .sqlite(_, reason) = error, reason.contains("not a database") { throw .notADatabase(path: connection.path) }
            throw error
        }
        return names
    }

    private static func appliedNames(_ connection: SQLiteConnection) throws(StorageError) -> [String] {
        var applied: [String] = []
        try connection.prepare("SELECT name FROM schemaMigration ORDER BY rowid").query { row in
            if let name = row.text(0) { applied.append(name) }
        }
        return applied
    }

    private static func refuseNewer(_ applied: [String], path: String) throws(StorageError) {
        let known = Set(all.map(\.name))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw .newerSchema(path: path, unknownMigrations: unknown) }
    }
}

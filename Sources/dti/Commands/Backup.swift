import ArgumentParser
import DTIStorage
import Foundation

extension DTICommand {
    /// `dti backup --out FILE`: a consistent copy of the history database.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the history database to a file, consistently, even while imports run.",
            discussion: """
                Uses SQLite's online backup, so the copy is one consistent state of the history. The copy is \
                written to a temporary file beside FILE and renamed into place; an existing FILE is replaced only \
                if it is itself a dti database. To restore, stop dti and copy the backup to where --db (or \
                $DTI_DB) points, or give the backup itself as --db.
                """)

        @OptionGroup var data: DataOptions

        @Option(name: .customLong("out"), help: ArgumentHelp("The backup file to write.", valueName: "file"))
        var out: String

        func validate() throws {
            if out.isEmpty { throw ValidationError("'--out' needs a file name, got an empty one.") }
        }

        func run() throws {
            let databasePath = Paths.database(option: data.databasePath)
            let store = try Paths.existingStore(at: databasePath, editions: try ReferenceData(options: data).editions)
            let target = URL(fileURLWithPath: out)
            if FileManager.default.fileExists(atPath: target.path), !HistoryStore.isHistoryDatabase(at: target.path) {
                throw CLIError.wouldOverwrite(path: target.path, what: "a dti database")
            }
            if target.standardizedFileURL.path == URL(fileURLWithPath: databasePath).standardizedFileURL.path {
                throw CLIError.wouldOverwrite(path: target.path, what: "another file than the database itself")
            }
            try TextFiles.ensureParentFolder(of: target.path)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).dti-tmp")
            try? FileManager.default.removeItem(at: temporary)
            do {
                try store.backup(to: temporary.path)
                guard rename(temporary.path, target.path) == 0 else {
                    throw CLIError.cannotWrite(path: target.path, reason: String(cString: strerror(errno)))
                }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
            let years = try store.storedYears()
            print(
                "Backed up \(years.reduce(0) { $0 + $1.count }) values (\(years.map { String($0.year) }.joined(separator: ", "))) from \(databasePath) to \(target.path)."
            )
        }
    }
}

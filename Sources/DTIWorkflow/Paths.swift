import DTICore
import DTIStorage
import Foundation

/// The default location of the database.
public enum Paths {
    /// The database: the option, `$DTI_DB`, or the XDG data folder, as `environment` (the
    /// process's own by default) gives them.
    public static func database(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option { return option }
        if let path = environment["DTI_DB"], !path.isEmpty { return path }
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            base = (environment["HOME"] ?? FileManager.default.currentDirectoryPath) + "/.local/share"
        }
        return base + "/dti/history.sqlite"
    }

    /// The database at `path` for a command that only reads: it must exist, so that a mistyped
    /// `--db` is an error rather than a new, empty database.
    public static func existingStore(at path: String, editions: EditionTable) throws -> HistoryStore {
        guard FileManager.default.fileExists(atPath: path) else { throw WorkflowError.noDatabase(path: path) }
        return try store(at: path, editions: editions)
    }

    /// The database at `path`, created when absent; values stored by a version before unit sets
    /// were part of the key go to their edition's own unit set.
    public static func store(at path: String, editions: EditionTable) throws -> HistoryStore {
        try HistoryStore(path: path, unitSetOfYear: editions.ownUnitSets)
    }
}

import DTICore

/// Why a file was not written or read: one sentence naming the path, what is wrong and what to do.
public enum FileSafetyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder exists but cannot be opened.
    case cannotOpenFolder(path: String, reason: String)
    /// The folder could not be made.
    case cannotCreateFolder(path: String, reason: String)
    /// A symbolic link stands where dti would write a file or enter a folder.
    case link(path: String)
    /// Something other than a folder stands where a folder goes.
    case notAFolder(path: String)
    /// A folder stands where a file goes.
    case folderInTheWay(path: String)
    /// A device, a named pipe or a socket stands where a file goes.
    case notARegularFile(path: String)
    /// Writing failed (a full disk, no permission); nothing was replaced.
    case cannotWrite(path: String, reason: String)
    /// The target is the history database in use, or one of its journal files.
    case databaseInUse(path: String, database: String)
    /// The target is an SQLite database (another program's, or a dti history) and `--force` was not given.
    case sqliteDatabase(path: String)
    /// The target exists and dti did not write it, and `--force` was not given.
    case notWrittenByDTI(path: String)
    /// dti wrote the target once, but its content has changed since (edited by hand, or another
    /// file put at its name), and `--force` was not given.
    case changedSinceWritten(path: String)
    /// The folder's list of written files (`ledger`) is not a regular file: nothing can be listed.
    case ledgerNotAFile(path: String, ledger: String)

    public var description: String { wording.text(.en) }
}

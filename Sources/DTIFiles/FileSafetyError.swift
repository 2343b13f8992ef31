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

    public var description: String {
        switch self {
        case let .cannotOpenFolder(path, reason):
            return "cannot open the folder \(path): \(reason)"
        case let .cannotCreateFolder(path, reason):
            return "cannot create the folder \(path): \(reason)"
        case let .link(path):
            return
                "\(path) is a symbolic link; dti does not write through links, so nothing was written there: remove the link, or choose another place"
        case let .notAFolder(path):
            return "\(path) is not a folder; dti needs a folder there: move the file away, or choose another place"
        case let .folderInTheWay(path):
            return "\(path) is a folder; dti writes a file there and does not replace a folder: give a file name"
        case let .notARegularFile(path):
            return "\(path) is a device, a named pipe or a socket, not a regular file; dti does not write there: give a file name"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason); what was written before stays whole (each file is replaced in one step)"
        case let .databaseInUse(path, database):
            return
                "\(path) is the history database in use (\(database)); dti never writes over it, even with --force: check --out (the database is --db)"
        case let .sqliteDatabase(path):
            return
                "\(path) is an SQLite database; dti does not replace it with a result: choose another name, or give --force if it is really to be replaced"
        case let .notWrittenByDTI(path):
            return
                "\(path) exists and dti did not write it; dti does not replace it: choose another name, move it away, or give --force to replace it"
        case let .changedSinceWritten(path):
            return
                "\(path) was written by dti, but its content has changed since (it is not what dti wrote there); dti does not replace it: choose another name, move it away, or give --force to replace it"
        case let .ledgerNotAFile(path, ledger):
            return
                "\(ledger), where dti lists the files it writes in that folder, is a link, a folder or a special file, so \(path) was not written: remove \(ledger), or choose another folder"
        }
    }
}

import DTICore

/// Each refusal in every language, so a Vietnamese run says it in Vietnamese after "Lỗi:" (the
/// system's own reason, such as a full disk, is quoted as the system gives it).
extension FileSafetyError: WordedError {
    public var wording: Wording {
        switch self {
        case let .cannotOpenFolder(path, reason): Messages.Files.cannotOpenFolder(path: path, reason: reason)
        case let .cannotCreateFolder(path, reason): Messages.Files.cannotCreateFolder(path: path, reason: reason)
        case let .link(path): Messages.Files.link(path: path)
        case let .notAFolder(path): Messages.Files.notAFolder(path: path)
        case let .folderInTheWay(path): Messages.Files.folderInTheWay(path: path)
        case let .notARegularFile(path): Messages.Files.notARegularFile(path: path)
        case let .cannotWrite(path, reason): Messages.Files.cannotWrite(path: path, reason: reason)
        case let .databaseInUse(path, database): Messages.Files.databaseInUse(path: path, database: database)
        case let .sqliteDatabase(path): Messages.Files.sqliteDatabase(path: path)
        case let .notWrittenByDTI(path): Messages.Files.notWrittenByDTI(path: path)
        case let .changedSinceWritten(path): Messages.Files.changedSinceWritten(path: path)
        case let .ledgerNotAFile(path, ledger): Messages.Files.ledgerNotAFile(ledger: ledger, path: path)
        }
    }
}

/// A report folder's refusal in every language.
extension ReportFolderWriter.Refusal: WordedError {
    public var wording: Wording {
        func listed(_ paths: [String]) -> Wording {
            let shown = paths.prefix(5).joined(separator: ", ")
            return paths.count > 5 ? Messages.Files.listedAndMore(paths: shown, count: paths.count - 5) : Wording.same(shown)
        }
        if !outside.isEmpty {
            return Messages.Files.reportWouldWriteOutside(folder: folder, paths: outside.prefix(3).joined(separator: ", "))
        }
        if !links.isEmpty {
            return links.count == 1
                ? Messages.Files.reportLinkOne(paths: listed(links), folder: folder)
                : Messages.Files.reportLinks(paths: listed(links), folder: folder)
        }
        if !inTheWay.isEmpty {
            return Messages.Files.reportInTheWay(paths: listed(inTheWay), folder: folder)
        }
        return Messages.Files.reportForeignFiles(folder: folder, paths: listed(foreign))
    }
}

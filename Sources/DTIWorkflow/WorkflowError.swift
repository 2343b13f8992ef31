import DTICore
import Foundation

/// Problems a workflow reports to its user: files, folders, missing data, option values.
public enum WorkflowError: Error, CustomStringConvertible {
    /// An option value that could only be checked against the loaded data (an indicator id, a
    /// region, a unit): the command line reports it as a usage error (exit 64).
    case invalidOption(Wording)
    /// Input that failed its checks, every problem located: printed as diagnostics.
    case invalidInput(diagnostics: [Diagnostic], files: Int)
    case notAnIndicatorsFolder(path: String)
    case unreadable(path: String, reason: String)
    case notUTF8(path: String)
    case noData(year: Int, database: String, stored: [Int], unitSet: String? = nil)
    case emptyDatabase(database: String)
    case noEarlierEdition(year: Int, database: String)
    case notRanked(name: String, year: Int)
    case cannotExplain(ChangeExplanation.Failure)
    case cannotCreateFolder(path: String, reason: String)
    case noDatabase(path: String)
    case notARegularFile(path: String, kind: Wording)
    case noDataFiles(folder: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case tooLargeUnitFile(path: String, bytes: Int, limit: Int)
    case workbookTooLarge(path: String, reason: Wording)
    case wouldOverwrite(path: String, what: Wording)
    case cannotWrite(path: String, reason: String)

    public var description: String { wording.text(.en) }
}

extension WorkflowError: WordedError {
    public var wording: Wording {
        switch self {
        case let .invalidOption(message):
            return message
        case let .invalidInput(diagnostics, _):
            return Wording.same("").map { _, language in diagnostics.map { $0.description(in: language) }.joined(separator: "\n") }
        case let .notAnIndicatorsFolder(path):
            return Messages.Workflow.notAnIndicatorsFolder(path: path)
        case let .unreadable(path, reason):
            return Messages.Workflow.unreadable(path: path, reason: reason)
        case let .notUTF8(path):
            return Messages.Workflow.notUTF8(path: path)
        case let .noData(year, database, stored, unitSet):
            let known =
                !stored.isEmpty
                ? Messages.Workflow.holdsYears(years: stored.map(String.init).joined(separator: ", "))
                : unitSet.map { Messages.Workflow.holdsNoneOfSetYet(unitSet: $0) } ?? Messages.Workflow.holdsNoValuesYet
            guard let unitSet else { return Messages.Workflow.noData(year: year, database: database, known: known) }
            return Messages.Workflow.noDataOfSet(unitSet: unitSet, year: year, database: database, known: known)
        case let .emptyDatabase(database):
            return Messages.Workflow.emptyDatabase(database: database)
        case let .noEarlierEdition(year, database):
            return Messages.Workflow.noEarlierEdition(database: database, year: year)
        case let .notRanked(name, year):
            return Messages.Workflow.notRanked(name: name, year: year)
        case let .cannotExplain(.notRanked(name, year)):
            return Messages.Workflow.cannotExplainNotRanked(name: name, year: year)
        case let .cannotExplain(.differentUnitSets(now, then)):
            return Messages.Workflow.cannotExplainUnitSets(now: now, then: then)
        case let .cannotCreateFolder(path, reason):
            return Messages.Files.cannotCreateFolder(path: path, reason: reason)
        case let .noDatabase(path):
            return Messages.Workflow.noDatabase(path: path)
        case let .notARegularFile(path, kind):
            return Messages.Workflow.notARegularFile(path: path, kind: kind)
        case let .cannotWrite(path, reason):
            return Messages.Files.cannotWrite(path: path, reason: reason)
        case let .wouldOverwrite(path, what):
            return Messages.Workflow.wouldOverwrite(path: path, what: what)
        case let .tooLarge(path, bytes, limit):
            return Messages.Workflow.tooLarge(path: path, mebibytes: bytes >> 20, limit: limit >> 20)
        case let .tooLargeUnitFile(path, bytes, limit):
            return Messages.Workflow.tooLargeUnitFile(path: path, kibibytes: bytes >> 10, limit: limit >> 20)
        case let .workbookTooLarge(path, reason):
            return Messages.Workflow.workbookTooLarge(path: path, reason: reason)
        case let .noDataFiles(folder):
            return Messages.Workflow.noDataFiles(folder: folder)
        }
    }
}

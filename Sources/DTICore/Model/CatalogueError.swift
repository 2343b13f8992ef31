/// Why a catalogue or edition table was refused.
public enum CatalogueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is structurally wrong; every problem found is listed.
    case invalid(file: String, problems: [Diagnostic])
    /// The file declares a format version this build does not understand.
    case unsupportedVersion(file: String, version: Int, highestSupported: Int)
    /// No edition table entry for the year; `ownSets` have a framework of their own for it.
    case noFramework(year: Int, known: [Int], ownSets: [String] = [])
    /// The edition table names a framework with no catalogue file.
    case unknownFramework(String, year: Int, known: [String])

    public var description: String { wording.text(.en) }
}

extension CatalogueError: WordedError {
    public var wording: Wording {
        switch self {
        case let .invalid(file, problems):
            let lines = Wording.same("").map { _, language in problems.map { "  " + $0.description(in: language) }.joined(separator: "\n") }
            return problems.count == 1
                ? Messages.Core.catalogueInvalidOne(file: file, lines: lines)
                : Messages.Core.catalogueInvalid(file: file, count: problems.count, lines: lines)
        case let .unsupportedVersion(file, version, highest):
            return Messages.Core.catalogueVersionNewer(file: file, version: version, highest: highest)
        case let .noFramework(year, known, ownSets):
            let (message, hint) = Self.noFrameworkWording(year: year, known: known, ownSets: ownSets)
            return Messages.Core.messageAndHint(message: message, hint: hint)
        case let .unknownFramework(framework, year, known):
            return Messages.Core.frameworkUndefined(year: year, framework: framework, known: known.joined(separator: ", "))
        }
    }
}

extension CatalogueError {
    /// Why `year` has no framework, said plainly, and what a user can do: another set's own
    /// framework for the year (`--units communes`), or a catalogue of their own (`--catalogue`),
    /// which scores a year no edition covers. Every command named here works as written.
    public static func noFrameworkWording(year: Int, known: [Int], ownSets: [String]) -> (message: Wording, hint: Wording) {
        let list = known.map(String.init).joined(separator: ", ")
        if let first = known.first, year < first {
            return (
                Messages.Core.noDTIFrameworkIsKnown(year: year, first: first),
                Messages.Core.checkYearEditionsWithFramework(list: list)
            )
        }
        let message: Wording
        if let last = known.last, year > last {
            message = Messages.Core.hasNoDTIFrameworkYet(year: year, list: list)
        } else {
            message = Messages.Core.noDTIFrameworkIsKnown2(year: year, list: list)
        }
        if let own = ownSets.first {
            return (
                message,
                Messages.Core.onlyUnitsOfHaveFramework(own: own, year: year)
            )
        }
        let base = "dti-\(known.last ?? year)"
        return (
            message,
            Messages.Core.scoreWithOwnFramework(year: year, base: base)
        )
    }
}

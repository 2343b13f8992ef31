import DTICore
import DTIStorage

/// Scores editions from the history database: the one path `report`, `compare` and `show` share.
struct ResultLoader {
    let reference: ReferenceData
    let store: HistoryStore
    let databasePath: String

    init(reference: ReferenceData, databasePath: String) throws {
        self.reference = reference
        self.databasePath = databasePath
        store = try Paths.existingStore(at: databasePath)
    }

    /// The editions with stored values.
    func storedYears() throws -> [Int] { try store.storedYears().map(\.year) }

    /// `year`, or the latest stored edition.
    func year(_ requested: Int?) throws -> Int {
        if let requested { return requested }
        guard let latest = try storedYears().last else {
            throw CLIError.emptyDatabase(database: databasePath)
        }
        return latest
    }

    /// The edition scored in `unitSetID`, with the stored values it used.
    func result(year: Int, unitSetID: String? = nil) throws -> (EditionResult, [Observation]) {
        let (edition, catalogue) = try reference.edition(year)
        let observations = try store.observations(year: year)
        if observations.isEmpty {
            let stored = try storedYears()
            if stored.isEmpty { throw CLIError.emptyDatabase(database: databasePath) }
            throw CLIError.noData(year: year, database: databasePath, stored: stored)
        }
        let result = try EditionScoring.score(
            observations, edition: edition, catalogue: catalogue, registry: reference.registry, in: unitSetID ?? edition.unitSet)
        return (result, observations)
    }

    /// The previous stored edition, scored in the same unit set when that is possible.
    func previous(before year: Int, unitSetID: String) throws -> EditionResult? {
        guard let previousYear = try storedYears().last(where: { $0 < year }) else { return nil }
        let (edition, _) = try reference.edition(previousYear)
        guard reference.registry.crosswalk(from: edition.unitSet, to: unitSetID) != nil else { return nil }
        return try result(year: previousYear, unitSetID: unitSetID).0
    }

    /// The stored editions before `year` whose own unit set is not `unitSetID` but merges into it,
    /// scored in `unitSetID` by the merge rule, oldest first.
    func backCast(before year: Int, unitSetID: String) throws -> [EditionResult] {
        try storedYears().filter { $0 < year }.compactMap { earlier in
            let (edition, _) = try reference.edition(earlier)
            guard edition.unitSet != unitSetID, reference.registry.crosswalk(from: edition.unitSet, to: unitSetID) != nil else { return nil }
            return try result(year: earlier, unitSetID: unitSetID).0
        }
    }

    /// Every stored edition in its own unit set, oldest first.
    func history() throws -> [EditionResult] {
        try storedYears().map { try result(year: $0).0 }
    }

    /// Finds units by name or code in `unitSet` (a former province's name or code finds the unit
    /// it became, with a note on standard error), or exits 64 naming the one not found.
    static func units(_ names: [String], in unitSet: UnitSet, registry: UnitRegistry) throws -> [AdministrativeUnit] {
        try resolve(names, in: unitSet, registry: registry).map(\.unit)
    }

    /// As `units`, keeping which former unit each name stood for.
    static func resolve(_ names: [String], in unitSet: UnitSet, registry: UnitRegistry) throws -> [UnitResolver.Resolved] {
        let resolver = UnitResolver(unitSet, registry: registry)
        return try names.map { name in
            switch resolver.resolve(name) {
            case let .success(found):
                if let note = found.note { StandardError.write("note: \(note)\n") }
                return found
            case let .failure(failure): throw invalidOption("\(failure)")
            }
        }
    }
}

import DTICore
import DTIStorage

/// An edition's values and how to score them: in `edition`'s unit set with `catalogue`, into
/// `target` (the same set, or the set it merges into).
public struct ScoringInputs {
    public var edition: Edition
    public var catalogue: IndicatorCatalogue
    public var target: UnitSet
    /// The edition's values, in the edition's own set (merged into `target` by scoring).
    public var values: EditionColumns
    /// The set the values were stored in.
    public var storedSetID: String
    /// What the stored data say beyond the values (values of units the set no longer lists).
    public var notices: [Notice] = []
    /// Values stored for `target`'s own units when `values` are another set's to be merged: the
    /// units that have them are scored from them, the rest merged.
    public var ownValues: EditionColumns?

    public init(edition: Edition, catalogue: IndicatorCatalogue, target: UnitSet, values: EditionColumns, notices: [Notice] = []) {
        self.edition = edition
        self.catalogue = catalogue
        self.target = target
        self.values = values
        self.notices = notices
        self.storedSetID = target.dataSetID
    }

    /// The values as observations, for the analyses that take them (imputation, what-if).
    public var observations: [Observation] { values.observations(year: edition.year, unitSetID: edition.unitSet) }

    /// The edition scored in `target`, with the notices of the stored data.
    public func score(registry: UnitRegistry) throws -> EditionResult {
        var result = try EditionScoring.score(
            columns: values, edition: edition, catalogue: catalogue, registry: registry, in: target.id, own: ownValues)
        result.dataNotices = notices
        return result
    }
}

/// The unit sets whose identity a loader has checked, so a command that scores several editions
/// of one set checks (and notes) once.
private final class CheckedUnitSets {
    public var ids: Set<String> = []
}

/// Scores editions from the history database: the one path `report`, `compare` and `show` share.
public struct ResultLoader {
    public let reference: ReferenceData
    public let store: HistoryStore
    public let databasePath: String
    private let checked: CheckedUnitSets

    public init(reference: ReferenceData, databasePath: String) throws {
        self.reference = reference
        self.databasePath = databasePath
        store = try Paths.existingStore(at: databasePath, editions: reference.editions)
        checked = CheckedUnitSets()
    }

    /// A loader for another thread: the same database on a connection of its own (a connection
    /// is not shared between threads), knowing the unit sets this one has checked, so a set is
    /// checked, and its notes given, once. Check them (load an edition) before handing it out.
    public func onAnotherConnection() throws -> ResultLoader {
        try ResultLoader(reference: reference, databasePath: databasePath, checked: checked.ids)
    }

    private init(reference: ReferenceData, databasePath: String, checked ids: Set<String>) throws {
        self.reference = reference
        self.databasePath = databasePath
        store = try Paths.existingStore(at: databasePath, editions: reference.editions)
        checked = CheckedUnitSets()
        checked.ids = ids
    }

    /// The editions with stored values (in any unit set).
    public func storedYears() throws -> [Int] { try store.storedYears().map(\.year) }

    /// The editions that can be scored in `unitSet`: stored in it, or in a set that merges into it.
    public func storedYears(in unitSet: UnitSet) throws -> [Int] {
        try storedYears { unitSetID, year in
            unitSetID == unitSet.dataSetID
                || (reference.registry.crosswalk(from: unitSetID, to: unitSet.id) != nil && isOwnSet(unitSetID, of: year))
        }
    }

    /// The editions stored in their own unit set (the provinces), leaving out values stored only
    /// for another set, such as the communes of a year without a national edition.
    public func nationalYears() throws -> [Int] {
        try storedYears(where: isOwnSet)
    }

    /// Whether `unitSetID` is the own set of the national edition of `year`.
    private func isOwnSet(_ unitSetID: String, of year: Int) -> Bool {
        (try? reference.editions.edition(for: year).unitSet) == unitSetID
    }

    /// The years, each once and in order, of the stored editions that `include` keeps.
    private func storedYears(where include: (_ unitSetID: String, _ year: Int) -> Bool) throws -> [Int] {
        Set(try store.storedEditions().filter { include($0.unitSetID, $0.year) }.map(\.year)).sorted()
    }

    /// `year`, or the latest stored edition (in `unitSet`, when given; else a national one).
    public func year(_ requested: Int?, in unitSet: UnitSet? = nil) throws -> Int {
        if let requested { return requested }
        guard let latest = try (unitSet.map(storedYears(in:)) ?? nationalYears()).last else {
            throw WorkflowError.emptyDatabase(database: databasePath)
        }
        return latest
    }

    /// The edition scored in `unitSet` (the edition's own set when `nil`), with the stored values
    /// it used: the values stored for that set's units, or, for a set formed by merger, the values
    /// of the edition's own set merged by the official rule.
    public func result(year: Int, unitSet: UnitSet? = nil) throws -> EditionResult {
        try scoringInputs(year: year, unitSet: unitSet).score(registry: reference.registry)
    }

    /// As `result`, with the stored values it used and their provenance (what a report lists as
    /// its sources).
    public func resultWithObservations(year: Int, unitSet: UnitSet? = nil) throws -> (EditionResult, [Observation]) {
        let inputs = try scoringInputs(year: year, unitSet: unitSet)
        var observations = try store.observations(year: year, unitSetID: inputs.storedSetID)
        if inputs.ownValues != nil { observations += try store.observations(year: year, unitSetID: inputs.target.dataSetID) }
        return (try inputs.score(registry: reference.registry), observations)
    }

    /// What scoring `year` in `unitSet` (the edition's own set when `nil`) takes: the values
    /// stored for that set's units, or, for a set formed by merger, the values of the edition's
    /// own set (to be merged by the official rule) with the set's own values for the units that
    /// have them, and their edition and catalogue.
    ///
    /// The rule for a set formed by merger (the 34 in an edition of the 63): per unit, its own
    /// values where stored, else its members' merged. A province's own file for the 34 is then a
    /// part that never hides the merged values of the other 33, and the edition is ranked whole;
    /// each own-value unit is flagged and every output's notice names them.
    public func scoringInputs(year: Int, unitSet: UnitSet?) throws -> ScoringInputs {
        // A set with its own framework may have editions the provinces lack (the communes of 2025).
        let national = unitSet == nil ? try reference.edition(year).0 : try? reference.edition(year).0
        guard let target = unitSet ?? national.flatMap({ reference.unitSet(id: $0.unitSet) }) else {
            throw ScoringError.unknownUnitSet(national?.unitSet ?? "", known: Array(reference.registry.unitSets.keys))
        }
        try checkIdentity(of: target)
        var values = try store.columns(year: year, unitSetID: target.dataSetID)
        var storedSetID = target.dataSetID
        let edition: Edition
        let catalogue: IndicatorCatalogue
        var ownValues: EditionColumns?
        if let national, target.id != national.unitSet, reference.registry.crosswalk(from: national.unitSet, to: target.id) != nil,
            case let merged = try store.columns(year: year, unitSetID: national.unitSet), merged.count > 0 || values.count == 0,
            values.count == 0 || (try? reference.edition(year, unitSet: target).0.framework) == (try? reference.edition(year).0.framework)
        {
            (edition, catalogue) = try reference.edition(year)
            if values.count > 0 { ownValues = values }
            values = merged
            storedSetID = national.unitSet
        } else {
            (edition, catalogue) = try reference.edition(year, unitSet: target)
        }
        if values.count == 0 {
            let stored = try storedYears()
            if stored.isEmpty { throw WorkflowError.emptyDatabase(database: databasePath) }
            guard let unitSet else { throw WorkflowError.noData(year: year, database: databasePath, stored: stored) }
            throw WorkflowError.noData(year: year, database: databasePath, stored: try storedYears(in: unitSet), unitSet: unitSet.label)
        }
        let outside = try UnitSetIdentity.outsideNotice(values, setID: storedSetID, store: store, reference: reference)
        var inputs = ScoringInputs(edition: edition, catalogue: catalogue, target: target, values: values, notices: outside.map { [$0] } ?? [])
        inputs.storedSetID = storedSetID
        inputs.ownValues = ownValues
        return inputs
    }

    /// The edition scored in `unitSet`, with the edition, catalogue and values that score it again
    /// in that set: what a what-if or a target changes. For a set formed by merger the values are
    /// the merged units' own (`EditionResult.asOwnEdition`), so a plan for the new Bắc Ninh raises
    /// its values, not one former province's.
    public func ownEdition(year: Int, unitSet: UnitSet?) throws -> (
        result: EditionResult, edition: Edition, catalogue: IndicatorCatalogue, observations: [Observation]
    ) {
        let inputs = try scoringInputs(year: year, unitSet: unitSet)
        let result = try inputs.score(registry: reference.registry)
        guard inputs.edition.unitSet != inputs.target.id else { return (result, inputs.edition, inputs.catalogue, inputs.observations) }
        let own = result.asOwnEdition()
        return (result, own.edition, inputs.catalogue, own.observations)
    }

    /// Checks `unitSet` against the units recorded with its stored values (`UnitSetIdentity`),
    /// once per loader (and the loaders made from it for other threads).
    public func checkIdentity(of unitSet: UnitSet) throws {
        if checked.ids.insert(unitSet.dataSetID).inserted { try UnitSetIdentity.verify(unitSet, store: store, reference: reference) }
    }

    /// The previous stored edition, scored in the same unit set when that is possible.
    public func previous(before year: Int, unitSet: UnitSet) throws -> EditionResult? {
        guard let previousYear = try storedYears(in: unitSet).last(where: { $0 < year }) else { return nil }
        return try result(year: previousYear, unitSet: unitSet)
    }

    /// The stored editions before `year` whose own unit set is not `unitSet` but merges into it,
    /// scored in `unitSet` by the merge rule, oldest first.
    public func backCast(before year: Int, unitSet: UnitSet) throws -> [EditionResult] {
        try storedYears(in: unitSet).filter { $0 < year }.compactMap { earlier in
            let (edition, _) = try reference.edition(earlier)
            guard edition.unitSet != unitSet.id, reference.registry.crosswalk(from: edition.unitSet, to: unitSet.id) != nil else { return nil }
            return try result(year: earlier, unitSet: unitSet)
        }
    }

    /// Every stored edition in its own unit set, oldest first (in `unitSet`'s own data, when given).
    public func history(in unitSet: UnitSet? = nil) throws -> [EditionResult] {
        guard let unitSet, unitSet.parentSetID != nil else {
            return try nationalYears().map { try result(year: $0, unitSet: nil) }
        }
        return try store.storedYears(unitSetID: unitSet.dataSetID).map { try result(year: $0.year, unitSet: unitSet) }
    }
}

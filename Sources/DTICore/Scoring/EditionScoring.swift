/// Why an edition could not be scored as asked.
public enum ScoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The unit set is not in the registry.
    case unknownUnitSet(String, known: [String])
    /// There is no way to express the edition's units in the requested set.
    case noCrosswalk(from: String, to: String)

    public var description: String { wording.text(.en) }
}

extension ScoringError: WordedError {
    public var wording: Wording {
        switch self {
        case let .unknownUnitSet(id, known):
            Messages.Core.unknownUnitSet(id: id, known: known.sorted().joined(separator: ", "))
        case let .noCrosswalk(from, to):
            Messages.Core.noCrosswalk(from: from, to: to)
        }
    }
}

/// The pipeline stage `[Observation] → EditionResult`: scores every unit and ranks them.
public enum EditionScoring {
    /// Scores `observations` of `edition` with `catalogue`, in the unit set `targetSetID`.
    ///
    /// When `targetSetID` is a set formed by merger from the edition's set (`vn34` from `vn63`),
    /// each merged unit's main indicators are the unweighted mean of its members' values (a
    /// member's missing value counts as 0, as it did in its own score, and is flagged), and the
    /// pillars and index are recomputed from those means: the official rule for 2024. An unscored
    /// entry (0 points) is the mean of the members that gave it, and absent when none did.
    public static func score(
        _ observations: [Observation], edition: Edition, catalogue: IndicatorCatalogue, registry: UnitRegistry,
        in targetSetID: String
    ) throws(ScoringError) -> EditionResult {
        // One scoring path: the observations become the columns the history hands over.
        try score(
            columns: EditionColumns(observations.filter { $0.year == edition.year }), edition: edition, catalogue: catalogue,
            registry: registry, in: targetSetID)
    }

    /// Scores one edition's values handed over as columns (`values`, all of `edition`'s year), as
    /// `score(_:edition:catalogue:registry:in:)` scores the same values as observations: the
    /// same slots in the same order, so every score is the same to the bit.
    ///
    /// `own` holds values stored for `targetSetID`'s own units (a province's own file for the 34
    /// in an edition of the 63): a unit that has them is scored from them, flagged
    /// `ownValues`, and every other unit from its members' values merged. A part of the set's own
    /// data so never hides the merged values of the rest.
    public static func score(
        columns values: EditionColumns, edition: Edition, catalogue: IndicatorCatalogue, registry: UnitRegistry, in targetSetID: String,
        own: EditionColumns? = nil
    ) throws(ScoringError) -> EditionResult {
        let sets = try unitSets(of: edition, in: targetSetID, registry: registry)
        let plan = ScoringPlan(catalogue)
        let inputs = UnitInputs(columns: values, plan: plan, catalogue: catalogue)
        let ownInputs = own.map { UnitInputs(columns: $0, plan: plan, catalogue: catalogue) }
        return score(
            inputs, plan: plan, edition: edition, sourceSet: sets.source, targetSet: sets.target, crosswalk: sets.crosswalk, own: ownInputs)
    }

    /// The edition's own set, the set it is scored in, and how the units of the one make the other.
    private static func unitSets(of edition: Edition, in targetSetID: String, registry: UnitRegistry) throws(ScoringError) -> (
        source: UnitSet, target: UnitSet, crosswalk: [String: [String]]
    ) {
        guard let source = registry.unitSet(edition.unitSet) else {
            throw .unknownUnitSet(edition.unitSet, known: Array(registry.unitSets.keys))
        }
        guard let target = registry.unitSet(targetSetID) else {
            throw .unknownUnitSet(targetSetID, known: Array(registry.unitSets.keys))
        }
        guard let crosswalk = registry.crosswalk(from: source.id, to: target.id) else {
            throw .noCrosswalk(from: source.id, to: target.id)
        }
        return (source, target, crosswalk)
    }

    private static func score(
        _ inputs: UnitInputs, plan: ScoringPlan, edition: Edition, sourceSet: UnitSet, targetSet: UnitSet, crosswalk: [String: [String]],
        own: UnitInputs? = nil
    ) -> EditionResult {
        let catalogue = plan.catalogue
        let isMerging = sourceSet.id != targetSet.id
        let rankedIDs = EditionResult.rankedIDs(of: catalogue)
        let units = targetSet.units
        // Each unit is scored on its own: a large set is scored in two halves on two threads and
        // the halves joined in order. The halves split at a multiple of 64 units, so the values'
        // presence bits join word by word.
        let halves =
            units.count >= parallelFrom
            ? [0..<units.count / 128 * 64, units.count / 128 * 64..<units.count] : [0..<units.count]
        // A context per half gives each half a thread of its own (`map(_:threads:)` keeps short
        // lists on one).
        let built = ParallelMap.map(halves.count, contexts: Array(halves.indices)) { _, half in
            var builder = ResultColumns.Builder(entryIDs: plan.ids, rankedIDs: rankedIDs, capacity: halves[half].count)
            var scratch = [Double?](repeating: nil, count: plan.ids.count)
            for unit in units[halves[half]] {
                if isMerging, let own, let row = own.row(of: unit.code) {
                    addOwnRow(
                        unit, row: row, inputs: own, plan: plan, leading: [.ownValues(unitSetID: targetSet.id)], into: &builder, scratch: &scratch)
                } else if isMerging {
                    addMergedRow(
                        unit, members: crosswalk[unit.code] ?? [], sourceSet: sourceSet, inputs: inputs, plan: plan, into: &builder,
                        scratch: &scratch)
                } else if let row = inputs.row(of: unit.code) {
                    addOwnRow(unit, row: row, inputs: inputs, plan: plan, leading: [], into: &builder, scratch: &scratch)
                } else {
                    builder.append(unit, flags: [.noData], status: nil)
                }
            }
            return builder
        }
        var builder = built[0]
        for later in built.dropFirst() { builder.append(contentsOf: later) }
        rank(&builder, plan: plan)
        return EditionResult(edition: edition, catalogue: catalogue, unitSet: targetSet, table: builder.finish())
    }

    /// The number of units from which a set is scored on two threads: below it, starting a
    /// thread costs more than it saves (the 63 provinces are scored in well under a millisecond).
    static let parallelFrom = 2_048

    /// Adds a unit scored from its own input row.
    private static func addOwnRow(
        _ unit: AdministrativeUnit, row: Int, inputs: UnitInputs, plan: ScoringPlan, leading: [UnitFlag], into builder: inout ResultColumns.Builder,
        scratch: inout [Double?]
    ) {
        inputs.load(row, into: &scratch)
        let card = plan.score(scratch)
        let flags =
            leading + card.missing.map { UnitFlag.missingValue(indicatorID: plan.ids[$0]) }
            + plan.overriddenComponents(scratch).map { UnitFlag.componentsOverridden(indicatorID: plan.ids[$0]) }
        let added = builder.append(unit, flags: flags, status: inputs.status[row])
        setValues(card, row: added, into: &builder)
    }

    /// A score card's values in `row`: every entry but the unscored ones without a value.
    private static func setValues(_ card: ScoreCard, row: Int, into builder: inout ResultColumns.Builder) {
        for (column, value) in card.values.enumerated() { builder.setValue(value, row: row, column: column) }
        for column in card.unvalued { builder.clearValue(row: row, column: column) }
    }

    private static func addMergedRow(
        _ unit: AdministrativeUnit, members: [String], sourceSet: UnitSet, inputs: UnitInputs, plan: ScoringPlan,
        into builder: inout ResultColumns.Builder, scratch: inout [Double?]
    ) {
        let memberNames = members.map { sourceSet.unit(code: $0)?.name ?? $0 }
        let mergeFlag: [UnitFlag] = members.count > 1 ? [.merged(memberCodes: members, memberNames: memberNames)] : []
        guard members.contains(where: { inputs.row(of: $0) != nil }) else {
            builder.append(unit, flags: mergeFlag + [.noData], status: nil)
            return
        }

        let mergePositions = plan.catalogue.mergeLevel.compactMap { plan.position(of: $0.id) }
        var sums = [Double](repeating: 0, count: plan.ids.count)
        // An unscored entry is averaged over the members that gave it: a member without it has no
        // value (not 0), as in its own row, and a unit where no member gave it has none either.
        var unscoredCounts = [Int](repeating: 0, count: plan.ids.count)
        var flags = mergeFlag
        var status: DataStatus?
        for (member, name) in zip(members, memberNames) {
            guard let row = inputs.row(of: member) else {
                flags += mergePositions.map {
                    .memberMissingValue(indicatorID: plan.ids[$0], memberCode: member, memberName: name)
                }
                continue
            }
            inputs.load(row, into: &scratch)
            let card = plan.score(scratch)
            flags += plan.overriddenComponents(scratch).map { UnitFlag.componentsOverridden(indicatorID: plan.ids[$0]) }
            for position in mergePositions {
                if plan.isUnscored(position) {
                    guard let given = scratch[position] else { continue }
                    sums[position] += given
                    unscoredCounts[position] += 1
                } else {
                    sums[position] += card.values[position]
                }
            }
            flags += card.missing.map {
                .memberMissingValue(indicatorID: plan.ids[$0], memberCode: member, memberName: name)
            }
            status = DataStatus.weakest(status, inputs.status[row])
        }
        var mergedSlots = [Double?](repeating: nil, count: plan.ids.count)
        for position in mergePositions {
            if plan.isUnscored(position) {
                if unscoredCounts[position] > 0 { mergedSlots[position] = sums[position] / Double(unscoredCounts[position]) }
            } else {
                mergedSlots[position] = sums[position] / Double(members.count)
            }
        }
        let card = plan.score(mergedSlots)
        let added = builder.append(unit, flags: flags, status: status)
        setValues(card, row: added, into: &builder)
    }

    /// Ranks the index, every pillar and every main indicator among the units with data, on
    /// integer keys at published precision (`CompetitionRanking.ranks(of:)`).
    private static func rank(_ builder: inout ResultColumns.Builder, plan: ScoringPlan) {
        let ranked = (0..<builder.count).filter { builder.isRanked($0) }
        var rows: [Int] = []
        var values: [Double] = []
        rows.reserveCapacity(ranked.count)
        values.reserveCapacity(ranked.count)
        for (rankColumn, id) in builder.rankedIDs.enumerated() {
            guard let column = plan.position(of: id) else { continue }
            rows.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            for row in ranked {
                guard let value = builder.value(row: row, column: column) else { continue }
                rows.append(row)
                values.append(value)
            }
            for (row, rank) in zip(rows, CompetitionRanking.ranks(of: values)) { builder.setRank(rank, row: row, column: rankColumn) }
        }
    }
}

/// An edition's values as one input row per unit: where each unit's values lie in the columns,
/// read into a slot per catalogue position when the unit is scored, and each unit's weakest status.
///
/// The columns are not copied into a units × positions table: the history hands values over unit
/// by unit, so a unit's values are a run of them, and a table of a million slots would be written
/// once and read once (9 MB a year touched for nothing). Values given in another order (from
/// files) are put in unit order by a stable counting sort, so a later value of the same unit and
/// entry still wins, as it did in a table.
struct UnitInputs {
    /// Slots per unit: the catalogue's entries.
    let width: Int
    private var rows: [String: Int] = [:]
    private let values: EditionColumns
    /// Each entry's catalogue position, or nil when the catalogue has no such entry.
    private let positions: [Int?]
    /// Each component's rule and points (not its node, which is costly to copy a value at a
    /// time), and its best value over the whole edition.
    private var components: [(rule: ComponentRule, points: Double)?]
    private var best: [Double]
    /// Where each unit's values start in `order`; the last element is the end.
    private var start: [Int] = []
    /// The value indices in unit order, or nil when the columns already are in unit order.
    private var order: [Int32]?
    /// Each input row's weakest status.
    private(set) var status: [DataStatus?] = []

    /// The input row of a unit, when it has values.
    func row(of unitCode: String) -> Int? { rows[unitCode] }

    /// Puts the slots of `row` into `scratch` (one per catalogue position, nil when not given),
    /// each component's raw value turned into the share of its points earned (as
    /// `ComponentScoring.pointShares` does, against the edition's best value).
    func load(_ row: Int, into scratch: inout [Double?]) {
        for position in 0..<width { scratch[position] = nil }
        for slot in start[row]..<start[row + 1] {
            let index = order.map { Int($0[slot]) } ?? slot
            let entry = Int(values.entry[index])
            guard let position = positions[entry] else { continue }
            var value = values.value[index]
            if let component = components[entry] {
                let earned = component.rule.points(for: value, maximum: component.points, best: best[entry])
                value = component.points > 0 ? earned / component.points : 0
            }
            scratch[position] = value
        }
    }

    /// The input rows of `values`, scored with `plan`'s positions.
    init(columns values: EditionColumns, plan: ScoringPlan, catalogue: IndicatorCatalogue) {
        width = plan.ids.count
        self.values = values
        positions = values.entryIDs.map { plan.position(of: $0) }
        components = Array(repeating: nil, count: values.entryIDs.count)
        best = [Double](repeating: -.infinity, count: values.entryIDs.count)
        if catalogue.hasComponents {
            for (index, id) in values.entryIDs.enumerated() {
                if let node = catalogue.node(id), node.kind == .component, let scoring = node.scoring {
                    components[index] = (scoring.rule, node.points)
                }
            }
            for index in 0..<values.count {
                let entry = Int(values.entry[index])
                if components[entry] != nil { best[entry] = max(best[entry], values.value[index]) }
            }
        }
        let unitCount = values.unitCodes.count
        var counts = [Int](repeating: 0, count: unitCount + 1)
        var hasValues = [Bool](repeating: false, count: unitCount)
        var unitStatus = [DataStatus?](repeating: nil, count: unitCount)
        var inUnitOrder = true
        var previous: Int32 = -1
        for index in 0..<values.count {
            let unit = values.unit[index]
            if unit < previous { inUnitOrder = false }
            previous = unit
            counts[Int(unit) + 1] += 1
            guard positions[Int(values.entry[index])] != nil else { continue }
            hasValues[Int(unit)] = true
            if let weakest = DataStatus.weakest(unitStatus[Int(unit)], values.status[index]) { unitStatus[Int(unit)] = weakest }
        }
        for unit in 0..<unitCount { counts[unit + 1] += counts[unit] }
        start = counts
        if !inUnitOrder {
            var next = counts
            var sorted = [Int32](repeating: 0, count: values.count)
            for index in 0..<values.count {
                let unit = Int(values.unit[index])
                sorted[next[unit]] = Int32(index)
                next[unit] += 1
            }
            order = sorted
        }
        status = unitStatus
        rows.reserveCapacity(unitCount)
        for (unit, code) in values.unitCodes.enumerated() where hasValues[unit] { rows[code] = unit }
    }
}

extension DataStatus {
    /// The less trustworthy of two statuses: synthetic, then provisional, then official.
    public static func weakest(_ lhs: DataStatus?, _ rhs: DataStatus?) -> DataStatus? {
        // Called for each of a million values when an edition is scored: no array, no loop.
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return lhs.trust <= rhs.trust ? lhs : rhs
    }

    /// Synthetic 0, provisional 1, official 2: the order `weakest` takes.
    private var trust: Int {
        switch self {
        case .synthetic: 0
        case .provisional: 1
        case .official: 2
        }
    }
}

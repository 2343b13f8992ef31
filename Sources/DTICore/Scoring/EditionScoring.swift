/// Why an edition could not be scored as asked.
public enum ScoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The unit set is not in the registry.
    case unknownUnitSet(String, known: [String])
    /// There is no way to express the edition's units in the requested set.
    case noCrosswalk(from: String, to: String)

    public var description: String {
        switch self {
        case let .unknownUnitSet(id, known):
            "unknown unit set '\(id)'; known: \(known.sorted().joined(separator: ", "))"
        case let .noCrosswalk(from, to):
            "the edition's data are for \(from), which cannot be turned into \(to) (only merging into a later set is supported)"
        }
    }
}

extension ScoringError: WordedError {
    public var wording: Wording {
        switch self {
        case let .unknownUnitSet(id, known):
            Wording(description, vi: "không có tập đơn vị '\(id)'; các tập đã biết: \(known.sorted().joined(separator: ", "))")
        case let .noCrosswalk(from, to):
            Wording(
                description,
                vi: "số liệu của kỳ này thuộc \(from), không chuyển được sang \(to) (chỉ hỗ trợ gộp sang một tập đơn vị sau này)")
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
        let sets = try unitSets(of: edition, in: targetSetID, registry: registry)
        let plan = ScoringPlan(catalogue)
        let editionObservations = ComponentScoring.pointShares(
            observations.filter { $0.year == edition.year }, catalogue: catalogue)
        let inputs = UnitInputs(editionObservations, plan: plan)
        return score(inputs, plan: plan, edition: edition, sourceSet: sets.source, targetSet: sets.target, crosswalk: sets.crosswalk)
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

        var rows: [ResultRow] = []
        for unit in targetSet.units {
            let members = crosswalk[unit.code] ?? []
            let row: ResultRow
            if isMerging, let own, own.slots[unit.code] != nil {
                var ownRow = ownRow(unit, inputs: own, plan: plan)
                ownRow.flags.insert(.ownValues(unitSetID: targetSet.id), at: 0)
                row = ownRow
            } else if isMerging {
                row = mergedRow(unit, members: members, sourceSet: sourceSet, inputs: inputs, plan: plan)
            } else {
                row = ownRow(unit, inputs: inputs, plan: plan)
            }
            rows.append(row)
        }
        rank(&rows, catalogue: catalogue)
        return EditionResult(edition: edition, catalogue: catalogue, unitSet: targetSet, rows: rows)
    }

    private static func ownRow(_ unit: AdministrativeUnit, inputs: UnitInputs, plan: ScoringPlan) -> ResultRow {
        guard let slots = inputs.slots[unit.code] else { return unrankedRow(unit, plan: plan, flags: []) }
        let card = plan.score(slots)
        let flags =
            card.missing.map { UnitFlag.missingValue(indicatorID: plan.ids[$0]) }
            + plan.overriddenComponents(slots).map { UnitFlag.componentsOverridden(indicatorID: plan.ids[$0]) }
        return ResultRow(
            unit: unit, values: namedValues(card, plan), ranks: [:], flags: flags, status: inputs.status[unit.code])
    }

    private static func mergedRow(
        _ unit: AdministrativeUnit, members: [String], sourceSet: UnitSet, inputs: UnitInputs, plan: ScoringPlan
    ) -> ResultRow {
        let memberNames = members.map { sourceSet.unit(code: $0)?.name ?? $0 }
        let mergeFlag: [UnitFlag] = members.count > 1 ? [.merged(memberCodes: members, memberNames: memberNames)] : []
        let membersWithData = members.filter { inputs.slots[$0] != nil }
        guard !membersWithData.isEmpty else { return unrankedRow(unit, plan: plan, flags: mergeFlag) }

        let mergePositions = plan.catalogue.mergeLevel.compactMap { plan.position(of: $0.id) }
        var sums = [Double](repeating: 0, count: plan.ids.count)
        // An unscored entry is averaged over the members that gave it: a member without it has no
        // value (not 0), as in its own row, and a unit where no member gave it has none either.
        var unscoredCounts = [Int](repeating: 0, count: plan.ids.count)
        var flags = mergeFlag
        var status: DataStatus?
        for (member, name) in zip(members, memberNames) {
            guard let slots = inputs.slots[member] else {
                flags += mergePositions.map {
                    .memberMissingValue(indicatorID: plan.ids[$0], memberCode: member, memberName: name)
                }
                continue
            }
            let card = plan.score(slots)
            flags += plan.overriddenComponents(slots).map { UnitFlag.componentsOverridden(indicatorID: plan.ids[$0]) }
            for position in mergePositions {
                if plan.isUnscored(position) {
                    guard let given = slots[position] else { continue }
                    sums[position] += given
                    unscoredCounts[position] += 1
                } else {
                    sums[position] += card.values[position]
                }
            }
            flags += card.missing.map {
                .memberMissingValue(indicatorID: plan.ids[$0], memberCode: member, memberName: name)
            }
            status = DataStatus.weakest(status, inputs.status[member])
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
        return ResultRow(unit: unit, values: namedValues(card, plan), ranks: [:], flags: flags, status: status)
    }

    private static func unrankedRow(_ unit: AdministrativeUnit, plan: ScoringPlan, flags: [UnitFlag]) -> ResultRow {
        ResultRow(unit: unit, values: [:], ranks: [:], flags: flags + [.noData], status: nil)
    }

    private static func namedValues(_ card: ScoreCard, _ plan: ScoringPlan) -> [String: Double] {
        var values = Dictionary(uniqueKeysWithValues: zip(plan.ids, card.values))
        for position in card.unvalued { values[plan.ids[position]] = nil }
        return values
    }

    /// Ranks the index, every pillar and every main indicator among the units with data.
    private static func rank(_ rows: inout [ResultRow], catalogue: IndicatorCatalogue) {
        let entries = [catalogue.index] + catalogue.pillars + catalogue.indicators
        // Read from and written to arrays of their own, so no row is copied on the way.
        let valuesOfRow = rows.map { $0.isRanked ? $0.values : nil }
        var ranksOfRow = rows.map { row in
            var ranks = row.ranks
            ranks.reserveCapacity(entries.count)
            return ranks
        }
        for entry in entries {
            var positions: [Int] = []
            var values: [Double] = []
            for (row, rowValues) in valuesOfRow.enumerated() {
                guard let value = rowValues?[entry.id] else { continue }
                positions.append(row)
                values.append(value)
            }
            for (row, rank) in zip(positions, CompetitionRanking.ranks(of: values)) { ranksOfRow[row][entry.id] = rank }
        }
        for row in rows.indices { rows[row].ranks = ranksOfRow[row] }
    }
}

/// Observations arranged as one input slot array per unit, with each unit's weakest status.
struct UnitInputs {
    var slots: [String: [Double?]] = [:]
    var status: [String: DataStatus] = [:]

    init(_ observations: [Observation], plan: ScoringPlan) {
        for observation in observations {
            guard let position = plan.position(of: observation.indicatorID) else { continue }
            slots[observation.unitCode, default: [Double?](repeating: nil, count: plan.ids.count)][position] =
                observation.value
            if let weakest = DataStatus.weakest(status[observation.unitCode], observation.provenance.status) {
                status[observation.unitCode] = weakest
            }
        }
    }

    /// The slots of `values`, each component's raw value turned into the share of its points
    /// earned (as `ComponentScoring.pointShares` does, against the edition's best value).
    init(columns values: EditionColumns, plan: ScoringPlan, catalogue: IndicatorCatalogue) {
        let positions = values.entryIDs.map { plan.position(of: $0) }
        // Each component's scoring node, and its best value over the whole edition.
        var components: [CatalogueNode?] = Array(repeating: nil, count: values.entryIDs.count)
        var best = [Double](repeating: -.infinity, count: values.entryIDs.count)
        if catalogue.hasComponents {
            for (index, id) in values.entryIDs.enumerated() {
                if let node = catalogue.node(id), node.kind == .component { components[index] = node }
            }
            for index in 0..<values.count {
                let entry = Int(values.entry[index])
                if components[entry] != nil { best[entry] = max(best[entry], values.value[index]) }
            }
        }
        var unitSlots = [[Double?]?](repeating: nil, count: values.unitCodes.count)
        var unitStatus = [DataStatus?](repeating: nil, count: values.unitCodes.count)
        let empty = [Double?](repeating: nil, count: plan.ids.count)
        for index in 0..<values.count {
            let entry = Int(values.entry[index])
            guard let position = positions[entry] else { continue }
            let unit = Int(values.unit[index])
            var value = values.value[index]
            if let node = components[entry], let scoring = node.scoring {
                let earned = scoring.rule.points(for: value, maximum: node.points, best: best[entry])
                value = node.points > 0 ? earned / node.points : 0
            }
            if unitSlots[unit] == nil { unitSlots[unit] = empty }
            unitSlots[unit]?[position] = value
            if let weakest = DataStatus.weakest(unitStatus[unit], values.status[index]) { unitStatus[unit] = weakest }
        }
        for (unit, code) in values.unitCodes.enumerated() {
            if let filled = unitSlots[unit] { slots[code] = filled }
            if let weakest = unitStatus[unit] { status[code] = weakest }
        }
    }
}

extension DataStatus {
    /// The less trustworthy of two statuses: synthetic, then provisional, then official.
    public static func weakest(_ lhs: DataStatus?, _ rhs: DataStatus?) -> DataStatus? {
        let order: [DataStatus] = [.synthetic, .provisional, .official]
        for status in order where lhs == status || rhs == status { return status }
        return nil
    }
}

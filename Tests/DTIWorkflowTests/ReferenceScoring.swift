import DTICore

/// The scoring of the previous release, kept as an oracle: a dictionary of values and of ranks
/// per unit, built from observations one unit at a time. The columnar `EditionScoring` must give
/// the same figures to the bit, the same ranks, flags and statuses, in the same row order.
enum ReferenceScoring {
    struct Row: Equatable {
        var unit: AdministrativeUnit
        var values: [String: Double]
        var ranks: [String: Int]
        var flags: [UnitFlag]
        var status: DataStatus?
        var isRanked: Bool { !flags.contains(.noData) }
    }

    /// Rows of `observations` of `edition` scored in `targetSetID`, in index-rank order then code.
    static func score(
        _ observations: [Observation], edition: Edition, catalogue: IndicatorCatalogue, registry: UnitRegistry, in targetSetID: String
    ) -> [Row] {
        guard let sourceSet = registry.unitSet(edition.unitSet), let targetSet = registry.unitSet(targetSetID),
            let crosswalk = registry.crosswalk(from: sourceSet.id, to: targetSet.id)
        else { return [] }
        let plan = ScoringPlan(catalogue)
        let shares = ComponentScoring.pointShares(observations.filter { $0.year == edition.year }, catalogue: catalogue)
        var slots: [String: [Double?]] = [:]
        var status: [String: DataStatus] = [:]
        for observation in shares {
            guard let position = plan.position(of: observation.indicatorID) else { continue }
            slots[observation.unitCode, default: [Double?](repeating: nil, count: plan.ids.count)][position] = observation.value
            if let weakest = DataStatus.weakest(status[observation.unitCode], observation.provenance.status) {
                status[observation.unitCode] = weakest
            }
        }
        let isMerging = sourceSet.id != targetSet.id
        var rows: [Row] = targetSet.units.map { unit in
            if isMerging { return merged(unit, members: crosswalk[unit.code] ?? [], sourceSet: sourceSet, slots: slots, status: status, plan: plan) }
            guard let given = slots[unit.code] else { return Row(unit: unit, values: [:], ranks: [:], flags: [.noData], status: nil) }
            let card = plan.score(given)
            let flags =
                card.missing.map { UnitFlag.missingValue(indicatorID: plan.ids[$0]) }
                + plan.overriddenComponents(given).map { UnitFlag.componentsOverridden(indicatorID: plan.ids[$0]) }
            return Row(unit: unit, values: named(card, plan), ranks: [:], flags: flags, status: status[unit.code])
        }
        for entry in [catalogue.index] + catalogue.pillars + catalogue.indicators {
            let keyed = rows.indices.compactMap { index in rows[index].isRanked ? rows[index].values[entry.id].map { (key: index, value: $0) } : nil }
            for (index, rank) in CompetitionRanking.ranks(keyed) { rows[index].ranks[entry.id] = rank }
        }
        let indexID = catalogue.index.id
        return rows.sorted { left, right in
            let (l, r) = (left.ranks[indexID] ?? Int.max, right.ranks[indexID] ?? Int.max)
            return l != r ? l < r : left.unit.code < right.unit.code
        }
    }

    private static func merged(
        _ unit: AdministrativeUnit, members: [String], sourceSet: UnitSet, slots: [String: [Double?]], status: [String: DataStatus],
        plan: ScoringPlan
    ) -> Row {
        let names = members.map { sourceSet.unit(code: $0)?.name ?? $0 }
        var flags: [UnitFlag] = members.count > 1 ? [.merged(memberCodes: members, memberNames: names)] : []
        guard members.contains(where: { slots[$0] != nil }) else {
            return Row(unit: unit, values: [:], ranks: [:], flags: flags + [.noData], status: nil)
        }
        let positions = plan.catalogue.mergeLevel.compactMap { plan.position(of: $0.id) }
        var sums = [Double](repeating: 0, count: plan.ids.count)
        var counts = [Int](repeating: 0, count: plan.ids.count)
        var weakest: DataStatus?
        for (member, name) in zip(members, names) {
            guard let given = slots[member] else {
                flags += positions.map { .memberMissingValue(indicatorID: plan.ids[$0], memberCode: member, memberName: name) }
                continue
            }
            let card = plan.score(given)
            flags += plan.overriddenComponents(given).map { UnitFlag.componentsOverridden(indicatorID: plan.ids[$0]) }
            for position in positions {
                if plan.isUnscored(position) {
                    guard let value = given[position] else { continue }
                    sums[position] += value
                    counts[position] += 1
                } else {
                    sums[position] += card.values[position]
                }
            }
            flags += card.missing.map { .memberMissingValue(indicatorID: plan.ids[$0], memberCode: member, memberName: name) }
            weakest = DataStatus.weakest(weakest, status[member])
        }
        var mergedSlots = [Double?](repeating: nil, count: plan.ids.count)
        for position in positions {
            if plan.isUnscored(position) {
                if counts[position] > 0 { mergedSlots[position] = sums[position] / Double(counts[position]) }
            } else {
                mergedSlots[position] = sums[position] / Double(members.count)
            }
        }
        return Row(unit: unit, values: named(plan.score(mergedSlots), plan), ranks: [:], flags: flags, status: weakest)
    }

    private static func named(_ card: ScoreCard, _ plan: ScoringPlan) -> [String: Double] {
        var values = Dictionary(uniqueKeysWithValues: zip(plan.ids, card.values))
        for position in card.unvalued { values[plan.ids[position]] = nil }
        return values
    }
}

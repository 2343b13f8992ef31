import DTICore
import Testing

/// Hand-computed cases for `explain`, `whatif` and `target` on the Decision 922 framework
/// (100 points for each foundation indicator, 200/150/150 for the activity indicators, of 1,000).
struct ExplainTests {
    static let edition2022 = Edition(year: 2022, framework: "dti-2022", unitSet: "old")
    static let edition2023 = Edition(year: 2023, framework: "dti-2022", unitSet: "old")

    /// Đà Nẵng as published; Bắc Ninh and Bắc Giang lower by a factor.
    static func values(_ factor: Double) -> [String: Double] { Fixtures.daNang2022.mapValues { $0 * factor } }

    static func result(
        _ edition: Edition, _ units: [String: [String: Double]], catalogue: IndicatorCatalogue? = nil
    ) throws -> EditionResult {
        let observations = units.keys.sorted().flatMap { Fixtures.observations(year: edition.year, unit: $0, units[$0] ?? [:]) }
        return try EditionScoring.score(
            observations, edition: edition, catalogue: try catalogue ?? Fixtures.catalogue2022(), registry: Fixtures.registry(),
            in: edition.unitSet)
    }

    @Test func contributionsAddUpToTheChangeLargestFirst() throws {
        let then = try Self.result(Self.edition2022, ["48": Fixtures.daNang2022])
        var changed = Fixtures.daNang2022
        changed["awareness"] = 0.9  // −10 points
        changed["government_activity"] = 0.9075  // +10 points
        changed["economy_activity"] = 0.8836  // +15 points
        let now = try Self.result(Self.edition2023, ["48": changed])
        let explanation = try ChangeExplanation(unitCode: "48", now: now, then: then)

        #expect(abs(explanation.change - 0.015) < 1e-12)
        let sum = explanation.contributions.reduce(0) { $0 + $1.change }
        #expect(abs(sum - explanation.change) < 1e-15)
        #expect(explanation.contributions.prefix(3).map { $0.node.id } == ["economy_activity", "awareness", "government_activity"])
        #expect(explanation.contributions.prefix(3).map { ($0.points * 1e6).rounded() / 1e6 } == [15, -10, 10])
        #expect(explanation.contributions.dropFirst(3).allSatisfy { $0.change == 0 })
        #expect(explanation.contributions.allSatisfy { $0.isComparable })
        #expect(!explanation.contributions.contains { $0.node.id == "smart_city" })  // weighs nothing
        #expect(!explanation.frameworkChanged)
    }

    @Test func aFrameworkChangeComparesOnlyTheSameParts() throws {
        // A later framework that drops cyber security for a new "data" indicator of the same points.
        let base = try Fixtures.catalogue2022()
        let nodes = base.nodes.map { node -> CatalogueNode in
            guard node.id == "cybersecurity" else { return node }
            var data = node
            data.id = "data"
            return data
        }
        let later = try IndicatorCatalogue(framework: "dti-later", title: "t", decision: "d", sourceName: "t", nodes: nodes)
        var laterValues = Fixtures.daNang2022
        laterValues["cybersecurity"] = nil
        laterValues["data"] = 0.5
        laterValues["awareness"] = 0.95
        let then = try Self.result(Self.edition2022, ["48": Fixtures.daNang2022])
        let now = try Self.result(Edition(year: 2024, framework: "dti-later", unitSet: "old"), ["48": laterValues], catalogue: later)
        let explanation = try ChangeExplanation(unitCode: "48", now: now, then: then)

        #expect(explanation.frameworkChanged)
        #expect(explanation.notComparable.map { $0.node.id }.sorted() == ["cybersecurity", "data"])
        let cyber = try #require(explanation.contributions.first { $0.node.id == "cybersecurity" })
        #expect(abs(cyber.points - -75.78) < 1e-9 && cyber.valueNow == nil)
        let data = try #require(explanation.contributions.first { $0.node.id == "data" })
        #expect(abs(data.points - 50) < 1e-9 && data.valueThen == nil)
        let awareness = try #require(explanation.contributions.first { $0.node.id == "awareness" })
        #expect(awareness.isComparable && abs(awareness.points - -5) < 1e-9)
        let sum = explanation.contributions.reduce(0) { $0 + $1.change }
        #expect(abs(sum - explanation.change) < 1e-15)
    }

    @Test func aUnitPassedIsNamedWithTheIndicatorThatDecidedIt() throws {
        let then = try Self.result(Self.edition2022, ["48": Fixtures.daNang2022, "27": Self.values(0.9), "24": Self.values(0.5)])
        // Bắc Ninh (0.7202) takes Đà Nẵng's foundation values (+43.3 points) and full society
        // activity (+79.8 points): 0.8433, ahead of Đà Nẵng's 0.8002.
        var bacNinh = Fixtures.daNang2022
        bacNinh["government_activity"] = 0.9 * 0.8575
        bacNinh["economy_activity"] = 0.9 * 0.7836
        bacNinh["society_activity"] = 1.0
        let now = try Self.result(Self.edition2023, ["48": Fixtures.daNang2022, "27": bacNinh, "24": Self.values(0.5)])
        let explanation = try ChangeExplanation(unitCode: "27", now: now, then: then)
        #expect((explanation.rankThen, explanation.rankNow, explanation.rankChange) == (2, 1, 1))
        #expect(explanation.passed.map { $0.unit.code } == ["48"])
        #expect(explanation.passed.first?.decidingPartID == "society_activity")
        #expect(explanation.fellBehind.isEmpty)
        let daNang = try ChangeExplanation(unitCode: "48", now: now, then: then)
        #expect(daNang.fellBehind.map { $0.unit.code } == ["27"] && daNang.passed.isEmpty)
    }

    @Test func drawingLevelIsNotPassing() throws {
        let then = try Self.result(Self.edition2022, ["48": Fixtures.daNang2022, "27": Self.values(0.9)])
        // Bắc Ninh catches up exactly: equal at 4 decimals, so both rank 1 and nobody is passed.
        let now = try Self.result(Self.edition2023, ["48": Fixtures.daNang2022, "27": Fixtures.daNang2022])
        let explanation = try ChangeExplanation(unitCode: "27", now: now, then: then)
        #expect((explanation.rankThen, explanation.rankNow) == (2, 1))
        #expect(explanation.passed.isEmpty && explanation.fellBehind.isEmpty)
    }

    @Test func aUnitWithoutDataCannotBeExplained() throws {
        let then = try Self.result(Self.edition2022, ["48": Fixtures.daNang2022])
        let now = try Self.result(Self.edition2023, ["48": Fixtures.daNang2022, "27": Self.values(0.5)])
        #expect(throws: ChangeExplanation.Failure.notRanked(unitName: "Bắc Ninh", year: 2022)) {
            try ChangeExplanation(unitCode: "27", now: now, then: then)
        }
    }

    // MARK: What if

    static func whatIf(_ replacements: [String: Double], unit: String = "27") throws -> WhatIf {
        let observations =
            Fixtures.observations(year: 2022, unit: "48", Fixtures.daNang2022)
            + Fixtures.observations(year: 2022, unit: "27", Self.values(0.9))
            + Fixtures.observations(year: 2022, unit: "24", Self.values(0.5))
        let replacementObservations = replacements.keys.sorted().flatMap {
            Fixtures.observations(year: 2022, unit: unit, [$0: replacements[$0] ?? 0])
        }
        let registry = Fixtures.registry()
        return try WhatIf(
            unit: try #require(registry.unitSet("old")?.unit(code: unit)), observations: observations, replacements: replacementObservations,
            edition: Self.edition2022, catalogue: try Fixtures.catalogue2022(), registry: registry)
    }

    @Test func aValueThatChangesNothingPassesNobody() throws {
        let whatIf = try Self.whatIf(["awareness": 0.9])
        #expect(whatIf.value == whatIf.previousValue)
        #expect((whatIf.previousRank, whatIf.rank) == (2, 2))
        #expect(whatIf.changes.map { $0.points } == [0])
        #expect(whatIf.passed.isEmpty)
    }

    @Test func aValueThatPassesANeighbourSaysSoAndItsPointsAddUp() throws {
        let whatIf = try Self.whatIf(["society_activity": 1.0, "awareness": 1.0])
        #expect((whatIf.previousRank, whatIf.rank) == (2, 1))
        #expect(whatIf.passed.map { $0.code } == ["48"])
        // In the order given (sorted ids here): awareness +10 points (100 × 0.1), then society
        // activity +79.8405 (150 × (1 − 0.9 × 0.5197)): 0.7202 + 0.0898 = 0.8100, past Đà Nẵng.
        #expect(whatIf.changes.map { $0.node.id } == ["awareness", "society_activity"])
        #expect(abs(whatIf.changes[0].points - 10) < 1e-9 && abs(whatIf.changes[1].points - 79.8405) < 1e-9)
        let total = whatIf.changes.reduce(0) { $0 + $1.points }
        #expect(abs(total / 1000 - ((whatIf.value ?? 0) - (whatIf.previousValue ?? 0))) < 1e-15)
        #expect(whatIf.changes[0].previousValue == 0.9)
    }

    // MARK: Target

    @Test func aRankAlreadyHeldNeedsNothing() throws {
        let result = try Self.result(Self.edition2022, ["48": Fixtures.daNang2022, "27": Self.values(0.9), "24": Self.values(0.5)])
        let target = try RankTarget(unitCode: "27", rank: 2, in: result)
        #expect(target.isReachable && target.plan.isEmpty && target.neededValue == nil && target.points == 0)
    }

    @Test func aReachableRankIsPlannedWhereAPointIsCheapestUpToTheBestValueReached() throws {
        let result = try Self.result(Self.edition2022, ["48": Fixtures.daNang2022, "27": Self.values(0.9), "24": Self.values(0.5)])
        let target = try RankTarget(unitCode: "24", rank: 2, in: result)
        #expect(target.isReachable && target.cap == .best && !target.allowsTie)
        // Bắc Giang 0.400088 must pass Bắc Ninh's 0.7202 at 4 decimals outright: 0.72025, 320.1625
        // points (+ a hair).
        let needed = try #require(target.neededValue)
        #expect(PublishedPrecision.key(needed) == PublishedPrecision.key(0.9 * 0.800175) + 1)
        #expect(abs(target.points - (0.72025 - 0.4000875) * 1000) < 1e-6)
        // Heaviest first, each only up to Đà Nẵng's value (the best reached): government_activity
        // 200 × (0.8575 − 0.42875) = 85.75, economy_activity 58.77, society_activity 38.9775, then
        // the 100-point indicators by id: awareness 50, cybersecurity 37.89, human_resources
        // 42.435 (313.8225 in all), and the last 6.34 from infrastructure.
        #expect(
            target.plan.map { $0.node.id } == [
                "government_activity", "economy_activity", "society_activity", "awareness", "cybersecurity", "human_resources", "infrastructure",
            ])
        for step in target.plan.dropLast() { #expect(abs(step.value - (Fixtures.daNang2022[step.node.id] ?? 0)) < 1e-12, "\(step.node.id)") }
        #expect(abs((target.plan.last?.points ?? 0) - 6.34) < 1e-6)
        #expect(abs((target.plan.last?.value ?? 0) - (0.41265 + 0.0634)) < 1e-9)
        // The resulting value ranks 2 alone among the others as they are.
        let ranks = CompetitionRanking.ranks([("48", 0.800175), ("27", 0.9 * 0.800175), ("24", target.value)])
        #expect(ranks["24"] == 2 && ranks["27"] == 3)
    }

    @Test func withoutACapAndWithTiesTheOldPlanStands() throws {
        let result = try Self.result(Self.edition2022, ["48": Fixtures.daNang2022, "27": Self.values(0.9), "24": Self.values(0.5)])
        let target = try RankTarget(unitCode: "24", rank: 2, in: result, cap: .none, allowingTie: true)
        // Equalling Bắc Ninh's 0.7202: 320.0625 points; heaviest first to full points:
        // government_activity 114.25, economy_activity 91.23, society_activity 111.0225, then 3.56
        // of awareness.
        #expect(abs(target.points - (0.72015 - 0.4000875) * 1000) < 1e-6)
        #expect(target.plan.map { $0.node.id } == ["government_activity", "economy_activity", "society_activity", "awareness"])
        #expect(target.plan.prefix(3).allSatisfy { $0.value == 1 })
        #expect(abs((target.plan.last?.value ?? 0) - (0.5 + 0.0356)) < 1e-9)
        let ranks = CompetitionRanking.ranks([("48", 0.800175), ("27", 0.9 * 0.800175), ("24", target.value)])
        #expect(ranks["24"] == 2 && ranks["27"] == 2)
    }

    @Test func rankOneIsUnreachableUnderTheCapAndSaysByHowMuch() throws {
        let result = try Self.result(Self.edition2022, ["48": Fixtures.daNang2022, "27": Self.values(0.9), "24": Self.values(0.5)])
        // Only awareness may move: 50 points left, and Đà Nẵng is 400 points ahead.
        let target = try RankTarget(unitCode: "24", rank: 1, in: result, parts: ["awareness"])
        #expect(!target.isReachable && target.plan.isEmpty)
        #expect(abs(target.shortfall - ((0.80025 - 0.4000875) * 1000 - 50)) < 1e-6)
        // With every part at Đà Nẵng's best values, Bắc Giang can only equal it: outright, 0.075
        // points short; a shared rank 1 is in reach; without a cap, full points beat any leader.
        let capped = try RankTarget(unitCode: "24", rank: 1, in: result)
        #expect(!capped.isReachable && abs(capped.shortfall - 0.075) < 1e-6)
        #expect(try RankTarget(unitCode: "24", rank: 1, in: result, allowingTie: true).isReachable)
        #expect(try RankTarget(unitCode: "24", rank: 1, in: result, cap: .none).isReachable)
        // A cap of 0.6 leaves 199.9125 points (200 × 0.17125 + 150 × 0.2082 + …), short of the 320.16 needed.
        let low = try RankTarget(unitCode: "24", rank: 2, in: result, cap: .value(0.6))
        #expect(!low.isReachable && abs(low.shortfall - (320.1625 - 199.9125)) < 1e-6)
    }

    @Test func aRankOutsideTheRankingIsRefused() throws {
        let result = try Self.result(Self.edition2022, ["48": Fixtures.daNang2022, "27": Self.values(0.9)])
        #expect(throws: RankTarget.Failure.rankOutOfRange(rank: 0, units: 2)) { try RankTarget(unitCode: "27", rank: 0, in: result) }
        #expect(throws: RankTarget.Failure.rankOutOfRange(rank: 3, units: 2)) { try RankTarget(unitCode: "27", rank: 3, in: result) }
    }
}

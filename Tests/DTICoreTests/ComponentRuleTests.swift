import DTICore
import Testing

/// Each rule against points computed by hand.
struct ComponentRuleTests {
    @Test func ratioIsValueOverTargetTimesPointsCappedAtThePoints() {
        let rule = ComponentRule.ratio(target: 0.8)
        #expect(abs(rule.points(for: 0.6, maximum: 50, best: 0) - 37.5) < 1e-12)  // 0.6 / 0.8 × 50
        #expect(rule.points(for: 0.9, maximum: 50, best: 0) == 50)  // capped
        #expect(rule.points(for: 1591.0 / 2003.0, maximum: 50, best: 0) == 1591.0 / 2003.0 / 0.8 * 50)
    }

    @Test func stepsEarnTheHighestThresholdReached() {
        let rule = ComponentRule.steps([.init(atLeast: 50, points: 20), .init(atLeast: 100, points: 30), .init(atLeast: 200, points: 40)])
        #expect(rule.points(for: 49, maximum: 40, best: 0) == 0)
        #expect(rule.points(for: 50, maximum: 40, best: 0) == 20)
        #expect(rule.points(for: 199, maximum: 40, best: 0) == 30)
        #expect(rule.points(for: 206, maximum: 40, best: 0) == 40)  // Vĩnh Phúc's 206 open datasets
    }

    @Test func yesHalfNoGivesAllHalfOrNone() {
        #expect(ComponentRule.yesHalfNo.points(for: 1, maximum: 40, best: 0) == 40)
        #expect(ComponentRule.yesHalfNo.points(for: 0.5, maximum: 40, best: 0) == 20)
        #expect(ComponentRule.yesHalfNo.points(for: 0, maximum: 40, best: 0) == 0)
    }

    @Test func relativeToBestScalesByTheBestUnit() {
        // Bắc Ninh's 177 dedicated-network points against a best of 260, worth 25 points.
        #expect(ComponentRule.relativeToBest.points(for: 177, maximum: 25, best: 260) == 177.0 / 260.0 * 25)
        #expect(ComponentRule.relativeToBest.points(for: 0, maximum: 25, best: 0) == 0)
    }

    @Test func badParametersAreNamed() {
        #expect(ComponentRule.ratio(target: 0).problem(maximum: 10)?.text(.en) == "a ratio rule needs a target > 0, got 0.0")
        #expect(ComponentRule.steps([.init(atLeast: 5, points: 1), .init(atLeast: 2, points: 2)]).problem(maximum: 10) != nil)
        #expect(ComponentRule.steps([.init(atLeast: 5, points: 11)]).problem(maximum: 10) != nil)
    }

    /// A main indicator (100 points) with two components: a 60-point ratio and a 40-point
    /// relative-to-best count. Unit A: 0.5 of a target of 1 → 30; 100 of best 200 → 20: 50/100.
    /// Unit B: 1.0 → 60; 200 (the best) → 40: 100/100.
    @Test func componentsBecomeTheMainIndicatorAsPointsEarnedOverMaximum() throws {
        let catalogue = try Self.catalogue()
        let observations = [
            Self.observation("A", "share", 0.5), Self.observation("A", "count", 100),
            Self.observation("B", "share", 1.0), Self.observation("B", "count", 200),
        ]
        let plan = ScoringPlan(catalogue)
        let shares = ComponentScoring.pointShares(observations, catalogue: catalogue)
        func card(_ unit: String) -> ScoreCard {
            plan.score(Dictionary(uniqueKeysWithValues: shares.filter { $0.unitCode == unit }.map { ($0.indicatorID, $0.value) }))
        }
        #expect(card("A").values[plan.position(of: "main")!] == 0.5)
        #expect(card("B").values[plan.position(of: "main")!] == 1.0)
        #expect(card("A").values[plan.position(of: "dti")!] == 0.5)
        #expect(card("A").missing.isEmpty)
    }

    @Test func aGivenMainValueWinsAndIsFlaggedAndMissingComponentsFlagTheMain() throws {
        let catalogue = try Self.catalogue()
        let plan = ScoringPlan(catalogue)
        let both = plan.score(["main": 0.9, "share": 0.1])
        #expect(both.values[plan.position(of: "main")!] == 0.9)
        #expect(plan.overriddenComponents(Self.slots(plan, ["main": 0.9, "share": 0.1])) == [plan.position(of: "main")!])
        // Nothing given for the indicator: the indicator itself is missing, not each component.
        #expect(plan.score([:]).missing == [plan.position(of: "main")!])
        // One component given: the other component is missing and earns 0.
        let partial = plan.score(["share": 1.0])
        #expect(partial.missing == [plan.position(of: "count")!])
        #expect(partial.values[plan.position(of: "main")!] == 0.6)
    }

    static func slots(_ plan: ScoringPlan, _ values: [String: Double]) -> [Double?] {
        var slots = [Double?](repeating: nil, count: plan.ids.count)
        for (id, value) in values { slots[plan.position(of: id)!] = value }
        return slots
    }

    static func observation(_ unit: String, _ id: String, _ value: Double) -> Observation {
        Observation(year: 2022, unitCode: unit, indicatorID: id, value: value, provenance: Provenance(file: "t", line: 1))
    }

    static func catalogue() throws -> IndicatorCatalogue {
        try IndicatorCatalogue(
            framework: "t", title: "t", decision: "t", sourceName: "t",
            nodes: [
                CatalogueNode(id: "dti", kind: .index, nameVI: "d", nameEN: "d", points: 100),
                CatalogueNode(id: "main", kind: .indicator, nameVI: "m", nameEN: "m", points: 100, countsIn: ["dti"]),
                CatalogueNode(
                    id: "share", kind: .component, nameVI: "s", nameEN: "s", points: 60, countsIn: ["main"],
                    scoring: ComponentScoringRule(rule: .ratio(target: 1), measure: .share)),
                CatalogueNode(
                    id: "count", kind: .component, nameVI: "c", nameEN: "c", points: 40, countsIn: ["main"],
                    scoring: ComponentScoringRule(rule: .relativeToBest, measure: .count)),
            ])
    }

    @Test func aComponentWithoutARuleOrUnderAPillarIsRefused() {
        #expect(throws: CatalogueError.self) {
            try IndicatorCatalogue(
                framework: "t", title: "t", decision: "t", sourceName: "t",
                nodes: [
                    CatalogueNode(id: "dti", kind: .index, nameVI: "d", nameEN: "d", points: 10),
                    CatalogueNode(id: "main", kind: .indicator, nameVI: "m", nameEN: "m", points: 10, countsIn: ["dti"]),
                    CatalogueNode(id: "c", kind: .component, nameVI: "c", nameEN: "c", points: 10, countsIn: ["main"]),
                ])
        }
        #expect(throws: CatalogueError.self) {
            try IndicatorCatalogue(
                framework: "t", title: "t", decision: "t", sourceName: "t",
                nodes: [
                    CatalogueNode(id: "dti", kind: .index, nameVI: "d", nameEN: "d", points: 10),
                    CatalogueNode(id: "pillar", kind: .pillar, nameVI: "p", nameEN: "p", points: 10, countsIn: ["dti"]),
                    CatalogueNode(
                        id: "c", kind: .component, nameVI: "c", nameEN: "c", points: 10, countsIn: ["pillar"],
                        scoring: ComponentScoringRule(rule: .yesHalfNo, measure: .yesHalfNo)),
                ])
        }
    }
}

import DTICore
import Testing

struct CatalogueValidationTests {
    static func node(_ id: String, _ kind: CatalogueNode.Kind, _ points: Double, _ countsIn: [String] = [], line: Int = 1) -> CatalogueNode {
        CatalogueNode(
            id: id, kind: kind, nameVI: id, nameEN: id, points: points, countsIn: countsIn, location: SourceLocation(file: "c.yaml", line: line))
    }

    static func problems(_ nodes: [CatalogueNode]) -> [Diagnostic] {
        do {
            _ = try IndicatorCatalogue(framework: "t", title: "t", decision: "", sourceName: "c.yaml", nodes: nodes)
            return []
        } catch {
            guard case let .invalid(_, problems) = error else { return [] }
            return problems
        }
    }

    @Test func aValidCatalogueHasNoProblems() {
        #expect(Self.problems([Self.node("dti", .index, 10), Self.node("a", .indicator, 10, ["dti"])]).isEmpty)
    }

    @Test func aDuplicateIdIsNamedWithBothLines() {
        let problems = Self.problems([
            Self.node("dti", .index, 20), Self.node("a", .indicator, 10, ["dti"], line: 3), Self.node("a", .indicator, 10, ["dti"], line: 7),
        ])
        #expect(problems.contains { $0.message.contains("duplicate id 'a' (first declared on line 3)") && $0.location?.line == 7 })
    }

    @Test func anUnknownPillarIsNamedWithASuggestion() {
        let problems = Self.problems([
            Self.node("dti", .index, 10), Self.node("government", .pillar, 10),
            Self.node("a", .indicator, 10, ["dti", "goverment"], line: 4),
        ])
        #expect(
            problems.contains {
                $0.message == "entry 'a' counts in unknown pillar or index 'goverment'" && $0.hint == "did you mean 'government'?"
                    && $0.location?.line == 4
            })
    }

    @Test func pointsThatDoNotAddUpAreRefused() {
        let problems = Self.problems([
            Self.node("dti", .index, 1000, line: 2), Self.node("a", .indicator, 100, ["dti"]), Self.node("b", .indicator, 150, ["dti"]),
        ])
        #expect(problems.contains { $0.message.contains("add up to 250, but 'dti' declares 1000") && $0.location?.line == 2 })
    }

    @Test func aCycleIsRefused() {
        let problems = Self.problems([
            Self.node("dti", .index, 10), Self.node("p", .pillar, 10, ["dti", "q"]), Self.node("q", .pillar, 10, ["p"]),
        ])
        #expect(problems.contains { $0.message.contains("cycle: p → q → p") })
    }

    @Test func anAggregateListedTwiceIsRefused() {
        let problems = Self.problems([Self.node("dti", .index, 10), Self.node("a", .indicator, 10, ["dti", "dti"], line: 5)])
        #expect(problems.contains { $0.message == "entry 'a' lists 'dti' more than once in counts_in" && $0.location?.line == 5 })
    }
}

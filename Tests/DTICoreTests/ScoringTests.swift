import DTICore
import Testing

struct ScoringTests {
    @Test func daNang2022MatchesThePublishedDTI() throws {
        let plan = ScoringPlan(try Fixtures.catalogue2022())
        let card = plan.score(Fixtures.daNang2022)
        let dti = card.values[try #require(plan.position(of: "dti"))]
        // (100·(1 + 0.9 + 0.8253 + 0.8487 + 0.7578) + 200·0.8575 + 150·0.7836 + 150·0.5197) / 1000
        #expect(abs(dti - 0.800175) < 1e-12)
        #expect(PublishedPrecision.format(dti) == "0.8002")
    }

    @Test func pillarsFollowTheMethodFormulas() throws {
        let plan = ScoringPlan(try Fixtures.catalogue2022())
        let card = plan.score(Fixtures.daNang2022)
        let foundation = 100 * (1.0 + 0.9 + 0.8253 + 0.8487 + 0.7578)
        func value(_ id: String) throws -> Double { card.values[try #require(plan.position(of: id))] }
        #expect(abs(try value("government") - (foundation + 200 * 0.8575) / 700) < 1e-12)
        #expect(abs(try value("economy") - (foundation + 150 * 0.7836) / 650) < 1e-12)
        #expect(abs(try value("society") - (foundation + 150 * 0.5197) / 650) < 1e-12)
    }

    @Test func the2020FormulaWeighsPillars40_30_30() throws {
        let plan = ScoringPlan(try Fixtures.catalogue2020())
        let card = plan.score(["government": 0.4449, "economy": 0.3668, "society": 0.4052])
        let dti = card.values[try #require(plan.position(of: "dti"))]
        #expect(abs(dti - (0.4 * 0.4449 + 0.3 * 0.3668 + 0.3 * 0.4052)) < 1e-12)
        #expect(PublishedPrecision.format(dti) == "0.4096")  // Bắc Ninh 2020 as published
    }

    @Test func aFoundationIndicatorCountsInEveryPillarAndAnActivityIndicatorInOne() throws {
        let plan = ScoringPlan(try Fixtures.catalogue2022())
        let base = plan.score(Fixtures.daNang2022).values
        func delta(raising id: String) throws -> [String: Double] {
            var inputs = Fixtures.daNang2022
            inputs[id, default: 0] -= 0.1
            let changed = plan.score(inputs).values
            var result: [String: Double] = [:]
            for entry in ["dti", "government", "economy", "society"] {
                let position = try #require(plan.position(of: entry))
                result[entry] = base[position] - changed[position]
            }
            return result
        }
        let awareness = try delta(raising: "awareness")
        #expect(abs(awareness["government", default: 0] - 10.0 / 700) < 1e-12)
        #expect(abs(awareness["economy", default: 0] - 10.0 / 650) < 1e-12)
        #expect(abs(awareness["society", default: 0] - 10.0 / 650) < 1e-12)
        #expect(abs(awareness["dti", default: 0] - 10.0 / 1000) < 1e-12)

        let activity = try delta(raising: "government_activity")
        #expect(abs(activity["government", default: 0] - 20.0 / 700) < 1e-12)
        #expect(activity["economy"] == 0)
        #expect(activity["society"] == 0)
    }

    @Test func aMissingIndicatorEarnsZeroAndIsReportedButUnscoredSmartCityIsNot() throws {
        let plan = ScoringPlan(try Fixtures.catalogue2022())
        var inputs = Fixtures.daNang2022
        inputs["society_activity"] = nil
        let card = plan.score(inputs)
        #expect(card.missing.map { plan.ids[$0] } == ["society_activity"])
        #expect(card.unvalued.map { plan.ids[$0] } == ["smart_city"])
        let dti = card.values[try #require(plan.position(of: "dti"))]
        #expect(abs(dti - (0.800175 - 150 * 0.5197 / 1000)) < 1e-12)
    }
}

/// The weakest of two statuses, as every value's status is combined into its unit's: the order
/// synthetic, provisional, official, and no status only when neither has one.
struct WeakestStatusTests {
    @Test func everyPairGivesTheLessTrustworthy() {
        let statuses: [DataStatus?] = [nil, .official, .provisional, .synthetic]
        let order: [DataStatus] = [.synthetic, .provisional, .official]
        for lhs in statuses {
            for rhs in statuses {
                let expected = order.first { $0 == lhs || $0 == rhs }
                #expect(DataStatus.weakest(lhs, rhs) == expected, "\(String(describing: lhs)), \(String(describing: rhs))")
            }
        }
    }
}

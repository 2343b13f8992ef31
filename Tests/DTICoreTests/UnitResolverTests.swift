import DTICore
import Testing

/// Names from before a merger find the unit they became; the set's own names always win.
struct UnitResolverTests {
    static let registry = Fixtures.registry()

    static func resolve(_ text: String, in setID: String) -> UnitResolver.Resolved? {
        guard let set = registry.unitSet(setID) else { return nil }
        return try? UnitResolver(set, registry: registry).resolve(text).get()
    }

    @Test func aFormerNameOrCodeFindsTheUnitItBecame() throws {
        let byName = try #require(Self.resolve("Bắc Giang", in: "new"))
        #expect(byName.unit.code == "24" && byName.unit.name == "Bắc Ninh")
        #expect(byName.formerUnit?.name == "Bắc Giang")
        #expect(byName.note == "'Bắc Giang' is part of Bắc Ninh among the 2 new units: using Bắc Ninh (24)")
        // 27 is no code of the new set: it was Bắc Ninh's among the old ones.
        let byCode = try #require(Self.resolve("27", in: "new"))
        #expect(byCode.unit.code == "24" && byCode.formerUnit?.code == "27")
    }

    @Test func theSetsOwnNamesAndCodesWin() throws {
        // 24 is Bắc Ninh among the new units, Bắc Giang among the old.
        #expect(Self.resolve("24", in: "new")?.unit.name == "Bắc Ninh")
        #expect(Self.resolve("24", in: "new")?.formerUnit == nil)
        #expect(Self.resolve("24", in: "old")?.unit.name == "Bắc Giang")
        #expect(Self.resolve("Bắc Ninh", in: "new")?.formerUnit == nil)
        // A set without a predecessor knows only its own names.
        #expect(Self.resolve("Bắc Giang", in: "old")?.unit.code == "24")
    }

    @Test func anUnknownNameStaysUnknownWithSuggestionsFromTheSet() throws {
        let set = try #require(Self.registry.unitSet("new"))
        guard case let .failure(.unknown(text, _, suggestions)) = UnitResolver(set, registry: Self.registry).resolve("Bac Ninhh") else {
            Issue.record("a misspelt name was resolved")
            return
        }
        #expect(text == "Bac Ninhh" && suggestions == ["Bắc Ninh"])
    }
}

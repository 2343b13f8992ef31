import DTICore
import DTIIngest
import Testing

struct UnitRegistryLoaderTests {
    @Test func theRegistryHas63And34UnitsWithTheCrosswalk() throws {
        let registry = try RepositoryData.registry()
        let old = try #require(registry.unitSet("vn63"))
        let new = try #require(registry.unitSet("vn34"))
        #expect(old.count == 63)
        #expect(new.count == 34)
        #expect(old.hasRegions)
        #expect(old.regions.count == 6)
        let crosswalk = try #require(registry.crosswalk(from: "vn63", to: "vn34"))
        #expect(crosswalk["24"] == ["24", "27"])  // Bắc Giang + Bắc Ninh form Bắc Ninh (24)
        #expect(crosswalk["25"] == ["17", "25", "26"])  // Hòa Bình + Phú Thọ + Vĩnh Phúc form Phú Thọ
        #expect(Set(crosswalk.values.flatMap { $0 }).count == 63)
        #expect(new.unit(code: "24")?.nameEN == "Bac Ninh")
    }

    @Test(arguments: [
        ("Thừa Thiên - Huế", "46"), ("TP. Hồ Chí Minh", "79"), ("HCMC", "79"), ("Bà Rịa - Vũng Tàu", "77"), ("Hoà Bình", "17"), ("Hòa Bình", "17"),
    ])
    func theDTISiteSpellingsAndAliasesMatch(name: String, code: String) throws {
        let old = try #require(try RepositoryData.registry().unitSet("vn63"))
        #expect((try? UnitMatcher(old).match(name).get())?.code == code)
    }
}

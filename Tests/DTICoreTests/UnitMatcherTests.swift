import DTICore
import Testing

struct UnitMatcherTests {
    static let set = UnitSet(
        id: "t", label: "test units",
        units: [
            AdministrativeUnit(code: "01", name: "Hà Nội", fullName: "Thành phố Hà Nội", nameEN: "Ha Noi", aliases: ["TP. Hà Nội"]),
            AdministrativeUnit(code: "17", name: "Hoà Bình", fullName: "Tỉnh Hoà Bình", nameEN: "Hoa Binh", aliases: ["Hòa Bình"]),
            AdministrativeUnit(code: "46", name: "Huế", fullName: "Thành phố Huế", nameEN: "Hue", aliases: ["Thừa Thiên - Huế"]),
            AdministrativeUnit(code: "48", name: "Đà Nẵng", fullName: "Thành phố Đà Nẵng", nameEN: "Da Nang"),
            AdministrativeUnit(code: "79", name: "Hồ Chí Minh", fullName: "Thành phố Hồ Chí Minh", nameEN: "Ho Chi Minh"),
        ], regions: [])

    @Test(arguments: [
        ("Đà Nẵng", "48"), ("Da Nang", "48"), ("da nang", "48"), ("DA NANG", "48"),
        ("\u{0110}a\u{0300} Na\u{0306}\u{0303}ng", "48"),  // NFD
        ("TP. Đà Nẵng", "48"), ("Thành phố Đà Nẵng", "48"), ("TP.Đà Nẵng", "48"), ("Da Nang City", "48"),
        ("Hoà Bình", "17"), ("Hòa Bình", "17"), ("Tỉnh Hòa Bình", "17"), ("Hoa Binh province", "17"),
        ("Thừa Thiên - Huế", "46"), ("Thừa Thiên Huế", "46"), ("Huế", "46"), ("Hue", "46"),
        ("TP. Hồ Chí Minh", "79"), ("Hồ Chí Minh", "79"), ("Ho Chi Minh City", "79"),
        ("48", "48"), ("1", "01"), (" 01 ", "01"),
    ])
    func everyCommonSpellingFindsTheUnit(text: String, code: String) {
        #expect((try? UnitMatcher(Self.set).match(text).get())?.code == code)
    }

    @Test func anUnknownNameSuggestsTheClosest() {
        let result = UnitMatcher(Self.set).match("Da Nag")
        guard case let .failure(.unknown(_, _, suggestions)) = result else {
            Issue.record("expected an unknown-name failure, got \(result)")
            return
        }
        #expect(suggestions.first == "Đà Nẵng")
    }

    @Test func anAmbiguousNameIsAnError() {
        let set = UnitSet(
            id: "t", label: "t",
            units: [
                AdministrativeUnit(code: "01", name: "Long An", fullName: "Tỉnh Long An", nameEN: "Long An"),
                AdministrativeUnit(code: "02", name: "Lòng Ân", fullName: "Tỉnh Lòng Ân", nameEN: "Long An X"),
            ], regions: [])
        guard case .failure(.ambiguous) = UnitMatcher(set).match("Long An") else {
            Issue.record("expected ambiguity")
            return
        }
    }
}

import Testing

@testable import DTIIngest

/// The byte-level fast paths of the unit file's name handling give what splitting and joining
/// on spaces gave, for names that need nothing and names that do.
struct NameSpacingTests {
    @Test(arguments: [
        ("bac ninh", "Bac Ninh"), ("phuong 1", "Phuong 1"), ("a", "A"), ("", ""), ("  tay  ninh ", "Tay Ninh"),
        ("dak lak", "Dak Lak"), ("xã tân an", "Xã Tân An"), ("1 thang 5", "1 Thang 5"),
    ])
    func capitalisedWordsAsSplitAndJoined(name: String, expected: String) {
        #expect(name.capitalisedWords == expected)
        #expect(name.capitalisedWords == name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " "))
    }

    @Test(arguments: ["Bắc Ninh", "Phường  1", " Tân An", "Tân An ", "", " ", "A  B  C", "Hà Nội"])
    func spacedAsSplitAndJoined(name: String) {
        #expect(UnitFileLoader.spaced(name) == name.split(separator: " ").joined(separator: " "))
    }
}

import DTICore
import Testing

/// One tone placement for oa, oe and uy at the end of a syllable: on the first vowel, as the
/// official lists of provinces write it.
struct VietnameseSpellingTests {
    @Test(arguments: [
        ("Hoà Bình", "Hòa Bình"), ("Thanh Hoá", "Thanh Hóa"), ("Khánh Hòa", "Khánh Hòa"), ("Thuỷ Nguyên", "Thủy Nguyên"),
        ("khoẻ", "khỏe"), ("HOÀ", "HÒA"), ("Hoàng Vân", "Hoàng Vân"), ("Quý", "Quý"), ("Quỳnh Lưu", "Quỳnh Lưu"),
        ("Toản", "Toản"), ("Hoà-Bình", "Hòa-Bình"), ("Thuận Hoà", "Thuận Hòa"), ("Yên Thuỵ", "Yên Thụy"),
    ])
    func theToneGoesOnTheFirstVowelOfAFinalOaOeOrUy(given: String, expected: String) {
        #expect(VietnameseSpelling.toneOnFirstVowel(given) == expected)
    }

    @Test func bothSpellingsFoldAlike() {
        #expect(TextFolding.fold("Hoà Bình") == TextFolding.fold(VietnameseSpelling.toneOnFirstVowel("Hoà Bình")))
    }
}

import DTICore
import Testing

/// A code as part of a file name: every code gets its own part and back, and the case-folded part
/// (what two codes share when a disk ignores case) is the lower-cased part, quick path or not.
struct FileNamePartTests {
    static let codes = ["01", "27001", "U00042", "u00042", "ab.c_d-e", "A/B", "a b", "~", "Đà", "x\ny", "AB", "aB", "", "..", "-"]

    @Test func everyCodeComesBackFromItsPart() {
        for code in Self.codes { #expect(FileNamePart.decoded(FileNamePart.encoded(code)) == code, "\(code)") }
    }

    @Test func theCaseFoldedPartIsTheLowerCasedPart() {
        for code in Self.codes { #expect(FileNamePart.caseFolded(code) == FileNamePart.encoded(code).lowercased(), "\(code)") }
        #expect(FileNamePart.caseFolded("U00042") == FileNamePart.caseFolded("u00042"))
        #expect(FileNamePart.caseFolded("A/B") != FileNamePart.caseFolded("a~2fb"))
    }
}

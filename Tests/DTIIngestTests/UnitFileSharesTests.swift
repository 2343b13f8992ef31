import DTICore
import Testing

@testable import DTIIngest

/// A unit file's lines are read in shares on every core and then compared in file order: a
/// large file must load as if read line by line, and a problem whose two lines fall in different
/// shares must still be found.
@Suite struct UnitFileSharesTests {
    /// `count` units `X0001`… named `Xã 1`…, spread over four provinces, with `edit` applied to
    /// the lines (index 0 is the first unit, on line 2).
    static func file(count: Int, edit: (inout [[String]]) -> Void = { _ in }) -> String {
        var rows = (1...count).map { index in
            ["X" + String(repeating: "0", count: 4 - String(index).count) + String(index), "Xã \(index)", ["01", "04", "08", "24"][index % 4]]
        }
        edit(&rows)
        return (["code,name,parent"] + rows.map { $0.joined(separator: ",") }).joined(separator: "\n") + "\n"
    }

    static func load(_ text: String) throws(UnitFileLoader.Failure) -> UnitSet {
        try UnitFileLoader.load(text, file: "units.csv", id: "shares", label: "shares", registry: try! RepositoryData.registry())
    }

    @Test func aLargeFileLoadsInFileOrder() throws {
        let set = try Self.load(Self.file(count: 1_000))
        #expect(set.units.count == 1_000)
        #expect(set.units.map(\.code) == (1...1_000).map { "X" + String(repeating: "0", count: 4 - String($0).count) + String($0) })
        #expect(set.units[999].name == "Xã 1000")
        #expect(set.units[999].parentCode == "01")
        #expect(set.units[0].nameEN == "Xa 1")
    }

    @Test func problemsBetweenSharesAreFoundInLineOrder() {
        let text = Self.file(count: 1_000) { rows in
            rows[899][0] = rows[4][0]  // line 901 repeats line 6's code
            rows[699][0] = rows[299][0].lowercased()  // line 701 differs from line 301 in case
            rows[599][1] = rows[949][0]  // line 601's name is line 951's code
            rows[799][1] = rows[99][1]  // line 801 has line 101's name, in the same province
            rows[799][2] = rows[99][2]
            rows[849][2] = "99"  // line 851's parent is no province
        }
        do {
            _ = try Self.load(text)
            Issue.record("the file was accepted")
        } catch {
            let found = error.diagnostics.map { "\($0.key)@\($0.location?.line ?? 0)" }
            #expect(
                found == [
                    "unit-file.name-is-code@601", "unit-file.code-case@701", "unit-file.name-repeated@801",
                    "unit-file.parent-unknown@851", "unit-file.code-repeated@901",
                ])
            #expect(error.diagnostics.first { $0.key == "unit-file.code-repeated" }?.wording.text(.en).contains("first at line 6") == true)
            #expect(error.diagnostics.first { $0.key == "unit-file.code-case" }?.wording.text(.en).contains("(line 301)") == true)
        }
    }
}

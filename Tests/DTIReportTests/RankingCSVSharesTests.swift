import DTICore
import Testing

@testable import DTIReport

/// The CSV of a large ranking is written in shares of rows on several threads: the text must be
/// the one a single thread writes, rows in rank order, and ranks written as `String(rank)` does.
struct RankingCSVSharesTests {
    /// 1,000 units of the renderer tests' catalogue, with ties (values on a coarse grid) and units
    /// without data.
    static func result() throws -> EditionResult {
        let catalogue = try RankingRendererTests.result().catalogue
        let codes = (1...1_000).map { "U\($0)" }
        let units = UnitSet(
            id: "vn63", label: "1,000 units",
            units: codes.map { AdministrativeUnit(code: $0, name: "Đơn vị \($0), \"x\"", fullName: $0, nameEN: $0) }, regions: [])
        var observations: [Observation] = []
        for (index, code) in codes.enumerated() where index % 97 != 0 {
            for (offset, id) in ["foundation", "government_activity", "economy_activity", "society_activity"].enumerated() {
                observations.append(
                    Observation(
                        year: 2022, unitCode: code, indicatorID: id, value: Double((index * 37 + offset * 11) % 50) / 50,
                        provenance: Provenance(file: "f.csv", line: index + 2, status: .synthetic)))
            }
        }
        return try EditionScoring.score(
            observations, edition: Edition(year: 2022, framework: "dti-2022", unitSet: "vn63"), catalogue: catalogue,
            registry: UnitRegistry([units]), in: "vn63")
    }

    @Test func sharesOnThreadsWriteTheTextOfOneThread() throws {
        let view = RankingView(result: try Self.result())
        let one = RankingCSVRenderer(threads: 1).render(view)
        for threads in [2, 3, 8] { #expect(RankingCSVRenderer(threads: threads).render(view) == one, "\(threads) threads") }
        let lines = one.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1_002)  // the header, 1,000 rows and the final newline's empty line
        // Rows follow the view's order, each with its rank as the first cell.
        let firstCells = lines.dropFirst().dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? "" }
        #expect(firstCells == view.rows.map { $0.ranks["dti"].map(String.init) ?? "" })
        #expect(firstCells.contains(""))  // units without data have no rank
        #expect(Set(firstCells).count < 1_000)  // and some share a rank
    }

    @Test(arguments: [0, 1, 9, 10, 99, 100, 1_000_000, -1, -10, Int.max, Int.min])
    func digitsAreThoseOfStringOfInt(value: Int) {
        var bytes: [UInt8] = [0x41]
        RankingCSVRenderer.appendDigits(of: value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "A" + String(value))
    }
}

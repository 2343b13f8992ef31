import DTIAnalysis
import DTICore
import DTIReport
import DTIWorkflow
import Foundation
import Testing

/// Every province's commune report has its map, and the national commune page has the country's
/// (issue 34): one import of synthetic values for all 3,321 communes (each province's first commune
/// left without values), then the report as a user runs it for each of the 34 provinces.
struct CommuneMapReportTests {
    typealias E2E = EndToEndTests

    /// Synthetic values for every commune but the first of each province, which has none.
    static func values(_ communes: [AdministrativeUnit], leavingOut missing: Set<String>) -> String {
        let indicators = ["awareness", "infrastructure", "human_resources", "government_activity", "economy_activity", "society_activity"]
        var csv = "# SYNTHETIC values for the commune map test: not official.\nunit,year,\(indicators.joined(separator: ",")),status\n"
        for (index, unit) in communes.enumerated() where !missing.contains(unit.code) {
            let values = indicators.indices.map { String(format: "%.4f", 0.2 + Double((index * 7 + $0 * 13) % 60) / 100) }
            csv += "\(unit.code),2025,\(values.joined(separator: ",")),synthetic\n"
        }
        return csv
    }

    /// The codes of the units a page's maps draw, read in one pass (a search per code of a 1.5 MB
    /// page would take most of the test's time).
    static func drawnCodes(_ page: String) -> Set<String> {
        var codes: Set<String> = []
        for piece in page.split(separator: "data-code=\"").dropFirst() {
            if let end = piece.firstIndex(of: "\"") { codes.insert(String(piece[..<end])) }
        }
        return codes
    }

    /// The 34 provinces' codes, for one test case each (an empty list fails `theCountrysPage`).
    static let provinceCodes: [String] = (try? CommuneMapDataTests.provincesAndCommunes().provinces.units.map(\.code)) ?? []

    /// A scratch folder with a database holding the values of `communes`, each province's first
    /// commune left out; the caller removes the folder.
    static func imported(_ communes: [AdministrativeUnit]) throws -> (folder: URL, database: String, missing: Set<String>) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dti-commune-maps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("history.sqlite").path
        var missing: Set<String> = []
        var parents: Set<String> = []
        for unit in communes where parents.insert(unit.parentCode ?? "").inserted { missing.insert(unit.code) }
        let data = folder.appendingPathComponent("communes-2025.csv")
        try values(communes, leavingOut: missing).write(to: data, atomically: true, encoding: .utf8)
        let run = try E2E.run(["import", "--units", "communes", data.path], database: database)
        try #require(run.status == 0, "\(run.stderr)")
        return (folder, database, missing)
    }

    @Test(arguments: provinceCodes)
    func eachProvincesCommuneReportDrawsItsCommunes(code: String) throws {
        let (provinces, all) = try CommuneMapDataTests.provincesAndCommunes()
        let province = try #require(provinces.units.first { $0.code == code })
        let own = all.units.filter { $0.parentCode == code }
        let (folder, database, _) = try Self.imported(own)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report")
        let report = try E2E.run(
            ["report", "--units", "communes", "--parent", code, "--year", "2025", "--out", out.path, "--format", "html"], database: database)
        try #require(report.status == 0, "\(province.name): \(report.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("national.html"), encoding: .utf8)
        // The province's map: every commune drawn, with a link to its profile.
        #expect(page.contains("class=\"chart map\""), "\(province.name): no map")
        let drawn = Self.drawnCodes(page)
        let undrawn = own.filter { !drawn.contains($0.code) }
        #expect(undrawn.isEmpty, "\(province.name): \(undrawn.count) communes not drawn, e.g. \(undrawn.first?.name ?? "")")
        // The commune without values is drawn, in the no-data fill, and says so on hover.
        let blank = try #require(own.first)
        #expect(page.contains("data-code=\"\(blank.code)\" fill=\"#f2f2f2\""), "\(province.name): \(blank.name) is not drawn as no data")
        #expect(page.contains("không có số liệu</title>"))
        // Every page of the report, map and all, stays under 1 MB.
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".html") {
            let size = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.size] as? Int ?? 0
            #expect(size < 1_000_000, "\(province.name): \(name) weighs \(size) bytes")
        }
        // A commune's profile shows where it lies in its province.
        let second = try #require(own.dropFirst().first)
        let profile = try String(contentsOf: out.appendingPathComponent("profile-\(second.code).html"), encoding: .utf8)
        #expect(
            profile.contains("class=\"chart map locator\"")
                && profile.contains("data-code=\"\(second.code)\" fill=\"\(ChoroplethMap.highlightFill)\""),
            "\(province.name): the profile's locator does not mark \(second.name)")

        switch province.code {
        case "79":
            // Côn Đảo in a labelled inset; the city centre's wards enlarged, with the caption saying so.
            #expect(page.contains(">Côn Đảo</text>") && page.contains(">Phóng to vùng trong khung nét đứt</text>"))
            #expect(page.contains("Đảo và đặc khu ở xa được vẽ trong khung riêng"))
        case "56": #expect(page.contains(">Trường Sa</text>"))
        case "48": #expect(page.contains(">Hoàng Sa</text>"))
        case "91": #expect(page.contains(">Phú Quốc</text>") && page.contains(">Thổ Châu</text>"))
        case "01": #expect(!page.contains("class=\"frame\""), "Hà Nội has nothing far to move")
        default: break
        }
    }

    /// The national commune page: the country's 3,321 communes, coloured by class, with the two
    /// archipelagos in place and named, under 3 MB. Built at library level, as the command builds
    /// it (the command would also write 3,321 profiles, which the cases above cover).
    @Test func theCountrysCommunePageDrawsEveryCommune() throws {
        #expect(Self.provinceCodes.count == 34)
        let (_, communes) = try CommuneMapDataTests.provincesAndCommunes()
        let (folder, database, missing) = try Self.imported(communes.units)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(missing.count == 34)
        let reference = try ReferenceData(units: "communes", environment: [:])
        let loader = try ResultLoader(reference: reference, databasePath: database)
        let (result, observations) = try loader.resultWithObservations(year: 2025, unitSet: reference.chosenUnitSet)
        let input = try ReportAssembly.input(
            result: result, observations: observations, method: Scenario(), loader: loader, reference: reference, named: [], language: .vi,
            date: nil)
        let page = HTMLReportRenderer.render(ReportPages(input).national(), language: .vi)
        #expect(Self.drawnCodes(page).isSuperset(of: communes.units.map(\.code)))
        #expect(page.contains("data-archipelago=\"Hoàng Sa\"") && page.contains("data-archipelago=\"Trường Sa\""))
        #expect(page.utf8.count < 3_000_000, "the national commune page weighs \(page.utf8.count) bytes")
    }
}

import Foundation
import Testing

/// Sets of units beyond the provinces, end to end: a unit file, the built-in communes, bad unit
/// files, names that repeat across provinces, and a database of the previous version.
struct UnitSetTests {
    typealias E2E = EndToEndTests

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dti-units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes the unit file `name` and a data file in `scratch`, imports the data with the unit
    /// file into a new database there, and returns the unit file's path and the database.
    static func importWithUnitFile(_ name: String, units: String, values: String, in scratch: URL) throws -> (unitFile: String, database: String) {
        let unitFile = scratch.appendingPathComponent(name).path
        let dataFile = scratch.appendingPathComponent("values.csv").path
        try units.write(toFile: unitFile, atomically: true, encoding: .utf8)
        try values.write(toFile: dataFile, atomically: true, encoding: .utf8)
        let database = scratch.appendingPathComponent("history.sqlite").path
        let imported = try E2E.run(["import", "--units", unitFile, dataFile], database: database)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (unitFile, database)
    }

    /// 3 provinces × 4 districts; every province has a "Phường 1".
    static let unitFile = """
        code,name,parent
        D011,Phường 1,01
        D012,Ba Đình,01
        D013,Hoàn Kiếm,01
        D014,Tây Hồ,01
        D241,Phường 1,24
        D242,Từ Sơn,24
        D243,Quế Võ,24
        D244,Yên Phong,24
        D791,Phường 1,79
        D792,Thủ Đức,79
        D793,Bến Thành,79
        D794,Sài Gòn,79

        """

    static let indicators2024 = [
        "awareness", "institutions", "infrastructure", "human_resources", "cybersecurity", "government_activity", "economy_activity",
        "society_activity",
    ]

    /// The DTI each district gets: every main indicator at this share, so the index is the share.
    static func share(_ code: String) -> Double {
        let parent = Double(code.dropFirst().prefix(2))! / 100  // 0.01, 0.24, 0.79
        let child = Double(code.suffix(1))!  // 1…4
        return 0.1 + child / 10 + parent / 10
    }

    /// A wide file naming districts by code, by "name, province" and by plain name where unique.
    static func dataFile() -> String {
        var lines = ["unit,year," + indicators2024.joined(separator: ",")]
        for line in unitFile.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            let code = fields[0]
            let name: String
            switch fields[1] {
            case "Phường 1": name = code == "D241" ? "Phường 1 (Bắc Ninh)" : code == "D791" ? "\"Phường 1, Hồ Chí Minh\"" : code
            default: name = fields[1]
            }
            let value = String(format: "%.4f", share(code))
            lines.append("\(name),2024," + Array(repeating: value, count: indicators2024.count).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aUnitFileOfThreeProvincesAndFourDistrictsEachImportsRanksAndReports() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = folder.appendingPathComponent("districts.csv").path
        let data = folder.appendingPathComponent("districts-2024.csv").path
        try Self.unitFile.write(toFile: units, atomically: true, encoding: .utf8)
        try Self.dataFile().write(toFile: data, atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("history.sqlite").path

        let imported = try E2E.run(["import", "--units", units, data], database: database)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 96 values for 2024 (units of districts.csv)"))

        let rank = try E2E.run(["rank", "--units", units, "--year", "2024", "--format", "csv"], database: database)
        #expect(rank.status == 0, "\(rank.stderr)")
        let rows = rank.stdout.split(separator: "\n").filter { $0.hasPrefix("D") || $0.contains(",D") }
        #expect(rows.count == 12)
        // Ranked by share: Sài Gòn (D794) first, Phường 1 of Hà Nội (D011) last.
        let codes = rank.stdout.split(separator: "\n").compactMap { line in line.split(separator: ",").first { $0.hasPrefix("D") } }
        #expect(codes.first == "D794" && codes.last == "D011", "\(rank.stdout)")
        let saiGon = try #require(rank.stdout.split(separator: "\n").first { $0.contains("D794") })
        #expect(saiGon.contains(String(format: "%.4f", Self.share("D794"))) || saiGon.contains(String(Self.share("D794"))), "\(saiGon)")

        // The provinces' own ranking is untouched by the districts' values.
        let provinces = try E2E.run(["rank", "--year", "2024"], database: database)
        #expect(provinces.status == 1 && provinces.stderr.contains("no values for 2024"), "\(provinces.stderr)")

        let out = folder.appendingPathComponent("report")
        let report = try E2E.run(
            ["report", "--units", units, "--year", "2024", "--lang", "en", "--out", out.path, "--format", "html,markdown"], database: database)
        #expect(report.status == 0, "\(report.stderr)")
        let national = try String(contentsOf: out.appendingPathComponent("national.md"), encoding: .utf8)
        #expect(national.contains("## By province"))
        // Bắc Ninh's four: mean of its shares, best Yên Phong, worst its Phường 1.
        let bacNinh = try #require(national.split(separator: "\n").first { $0.hasPrefix("| Bắc Ninh") })
        let mean = (1...4).map { Self.share("D24\($0)") }.reduce(0, +) / 4
        #expect(bacNinh.contains(String(format: "%.4f", mean)) && bacNinh.contains("Yên Phong") && bacNinh.contains("Phường 1"), "\(bacNinh)")
        for code in ["D011", "D242", "D794"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("profile-\(code).html").path))
        }
        #expect(!national.contains("Tỉnh, thành phố") && national.contains("| Unit |"))
    }

    @Test(arguments: [
        ("code,name,parent\nD1,Một,01\nD1,Hai,01\n", "units.csv:3:1: error: the code 'D1' is given twice (first at line 2)"),
        ("code,name,parent\nD1,Một,99\n", "units.csv:2:8: error: the parent '99' of unit 'D1' is not a province among the 34 provinces"),
        ("code,name,parent\nD1,,01\n", "units.csv:2:4: error: the name of unit 'D1' is empty"),
        ("code,name,parent\n,Một,01\n", "units.csv:2:1: error: the code is empty"),
        ("code,name,parent\n\"D,1\",Một,01\n", "units.csv:2:1: error: the code 'D,1' contains a comma"),
        ("code,name\nD1,Một\n", "units.csv:1:1: error: the header has no 'parent' column"),
        ("code,name,parent\n", "units.csv: error: the unit file lists no units"),
        ("code,name,parent_63\nD1,Một,03\n", "units.csv:2:8: error: the parent '03' of unit 'D1' is not a province among the 63 provinces"),
    ])
    func aBadUnitFileIsLocatedAndLeavesTheDatabaseUnchanged(unitFile: String, message: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("history.sqlite").path
        #expect(try E2E.run(["import", "SampleData/dti-2024.csv"], database: database).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let units = folder.appendingPathComponent("units.csv")
        try unitFile.write(to: units, atomically: true, encoding: .utf8)
        let data = folder.appendingPathComponent("data.csv")
        try "unit,year,awareness\nD1,2024,0.5\n".write(to: data, atomically: true, encoding: .utf8)

        // Run from the scratch folder so the message names the file as given.
        let process = Process()
        process.executableURL = try E2E.executable()
        process.arguments = ["import", "--db", database, "--units", "units.csv", "data.csv"]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains(message), "\(stderr)")
        #expect(!stderr.contains("Fatal") && !stderr.contains("Stack"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }

    @Test func aCommuneNameThatRepeatsAcrossProvincesAsksForTheCodeOrTheProvince() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("history.sqlite").path
        let data = folder.appendingPathComponent("communes.csv").path
        try "unit,year,awareness\nQuang Trung,2025,0.5\n".write(toFile: data, atomically: true, encoding: .utf8)
        let ambiguous = try E2E.run(["import", "--units", "communes", data], database: database)
        #expect(ambiguous.status == 1)
        #expect(
            ambiguous.stderr.contains(
                "'Quang Trung' is the name of 3 units: 'Quang Trung (Cao Bằng), code 01465', 'Quang Trung (Bắc Ninh), code 07333', 'Quang Trung (Thanh Hóa), code 14818'; write the code, or the name with its province, e.g. 'Quang Trung (Cao Bằng)'"
            ), "\(ambiguous.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database))
        // The form the hint suggests has no comma, so it works in a comma-separated --compare too.
        let report = try E2E.run(
            ["template", "--year", "2025", "--units", "communes", "--unit", "Quang Trung (Cao Bằng)", "--format", "csv", "--lang", "en"],
            database: database)
        #expect(report.status == 0 && report.stdout.contains("\nQuang Trung (Cao Bằng),2025,"), "\(report.stdout.prefix(400))\(report.stderr)")

        // With its province, its code, or --parent, the same name is one commune.
        for (unit, options) in [("\"Quang Trung, Bắc Ninh\"", [String]()), ("07333", []), ("Quang Trung", ["--parent", "Bắc Ninh"])] {
            try "unit,year,awareness\n\(unit),2025,0.5\n".write(toFile: data, atomically: true, encoding: .utf8)
            let run = try E2E.run(["validate", "--units", "communes"] + options + [data], database: database)
            #expect(run.status == 0, "\(unit): \(run.stderr)")
        }
        // Folding diacritics must not merge two names: Tân Dĩnh (Bắc Ninh) is not Tân Định.
        try "unit,year,awareness\nTân Dĩnh,2025,0.5\n".write(toFile: data, atomically: true, encoding: .utf8)
        #expect(try E2E.run(["validate", "--units", "communes", data], database: database).status == 0)
    }

    /// A scratch folder whose database holds the bundled Bắc Ninh commune sample; the caller
    /// removes the folder.
    static func bacNinhSample() throws -> (folder: URL, database: String) {
        let folder = try scratch()
        let database = folder.appendingPathComponent("history.sqlite").path
        let imported = try E2E.run(
            ["import", "--units", "communes", "--parent", "24", "SampleData/communes/bac-ninh-2025.csv"], database: database)
        try #require(imported.status == 0, "\(imported.stderr)")
        return (folder, database)
    }

    @Test func bacNinhsCommunesRankFromTheBundledSample() throws {
        let (folder, database) = try Self.bacNinhSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rank = try E2E.run(["rank", "--units", "communes", "--parent", "24", "--year", "2025", "--lang", "en"], database: database)
        #expect(rank.status == 0, "\(rank.stderr)")
        #expect(rank.stdout.contains("SAMPLE DATA") && rank.stdout.contains("ILLUSTRATIVE CATALOGUE"))
        #expect(rank.stdout.contains("99 of 99 shown; 99 ranked."), "\(rank.stdout)")
        let out = folder.appendingPathComponent("report")
        let report = try E2E.run(
            ["report", "--units", "communes", "--parent", "24", "--year", "2025", "--out", out.path, "--format", "html"], database: database)
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("national.html"), encoding: .utf8)
        // The real boundaries of Bắc Ninh's 99 communes, with their attribution.
        #expect(page.contains("<svg") && page.contains("Chỉ số chuyển đổi số cấp xã"))
        // Every sentence of a Vietnamese page is Vietnamese, the set's name included.
        #expect(page.contains("99 xã, phường của Bắc Ninh, trong 3.321 xã, phường (từ 1/7/2025)") && !page.contains("communes and wards"))
        let appendix = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) + page
        #expect(appendix.contains("thanglequoc"), "the map's source and licence go wherever the map does")

        // A comparison of communes says whom its ranks are among: not the country.
        for (language, among, national) in [
            ("vi", "trong ngoặc là hạng trong 99 xã, phường của Bắc Ninh", "cả nước"),
            ("en", "the rank among the 99 communes and wards of Bắc Ninh", "national"),
        ] {
            let compared = try E2E.run(
                ["compare", "Từ Sơn", "Đồng Nguyên", "--units", "communes", "--parent", "24", "--year", "2025", "--lang", language],
                database: database)
            #expect(compared.status == 0, "\(compared.stderr)")
            #expect(compared.stdout.contains(among) && !compared.stdout.contains(national), "\(compared.stdout)")
        }
    }

    /// A report of all 3,321 communes when only Bắc Ninh's 99 have values (issue 33, item 5):
    /// 99 profiles, not 3,222 pages of dashes; the mean named for the 99 it is taken over; titles
    /// that say which Quang Trung; no change columns or "– · –" without a previous edition.
    @Test func aCommuneReportWithoutParentSaysWhereAndOverWhom() throws {
        let (folder, database) = try Self.bacNinhSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report")
        let report = try E2E.run(
            ["report", "--units", "communes", "--year", "2025", "--out", out.path, "--format", "html", "--lang", "vi"], database: database)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("(99 hồ sơ, html, vi)"), "\(report.stdout)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.filter { $0.hasPrefix("profile-") }.count == 99)
        let profile = try String(contentsOf: out.appendingPathComponent("profile-07333.html"), encoding: .utf8)
        #expect(profile.contains("<h1>Hồ sơ DTI 2025: Xã Quang Trung, tỉnh Bắc Ninh</h1>"))
        #expect(profile.contains("Trung bình 99 xã, phường*") && !profile.contains("3321 xã") && !profile.contains("3.321 xã, phường*"))
        #expect(!profile.contains("– · –"))
        let national = try String(contentsOf: out.appendingPathComponent("national.html"), encoding: .utf8)
        #expect(national.contains("CHỈ 99 TRÊN 3.321 ĐƠN VỊ CÓ SỐ LIỆU"))
        #expect(national.contains(">Quang Trung (Bắc Ninh)</a>") && !national.contains(">Thay đổi</th>"))
        // A commune without values is listed, but links to no page.
        #expect(national.contains("Ba Đình (Hà Nội)") && !national.contains("href=\"profile-00004.html\""))
    }

    @Test func aDatabaseOfThePreviousVersionKeepsEveryValueAndItsHistory() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Made by dti at bdbf3cb: 4 values of 2022 and 2024 among the 63, one of them replaced.
        let database = folder.appendingPathComponent("history.sqlite").path
        try FileManager.default.copyItem(
            at: E2E.root.appendingPathComponent("Tests/dtiTests/Fixtures/history-bdbf3cb.sqlite"), to: URL(fileURLWithPath: database))

        let history = try E2E.run(["history", "Bắc Giang", "--year", "2024", "--indicator", "awareness"], database: database)
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("0.61") && history.stdout.contains("0.65") && history.stdout.contains("current"), "\(history.stdout)")

        // Code 24 is Bắc Ninh among the 34: its 2024 values now live beside Bắc Giang's.
        let data = folder.appendingPathComponent("vn34.csv").path
        try "unit,year,awareness\n24,2024,0.7\n".write(toFile: data, atomically: true, encoding: .utf8)
        let imported = try E2E.run(["import", "--units", "34", data], database: database)
        #expect(imported.status == 0 && imported.stdout.contains("1 new, 0 unchanged, 0 replaced"), "\(imported.stdout)\(imported.stderr)")
        let old = try E2E.run(["rank", "--year", "2024", "--format", "csv", "--by", "awareness"], database: database)
        #expect(old.status == 0 && old.stdout.contains("Bắc Giang") && old.stdout.contains("0.65"), "\(old.stdout)\(old.stderr)")
        let new = try E2E.run(["rank", "--year", "2024", "--units", "34", "--format", "csv", "--by", "awareness"], database: database)
        #expect(new.status == 0 && new.stdout.contains("0.7"), "\(new.stdout)\(new.stderr)")
        #expect(!new.stdout.contains("0.65"))
        let years = try E2E.run(["rank", "--year", "2022", "--format", "csv", "--by", "awareness"], database: database)
        #expect(years.status == 0 && years.stdout.contains("0.9"), "\(years.stderr)")
    }
}

/// A unit code becomes a file name only through one encoding: codes that look like paths are
/// distinct pages inside the folder, and a code cannot end a Markdown link or inject an image.
struct UnitCodeFileNameTests {
    typealias E2E = EndToEndTests

    @Test func codesThatLookLikePathsAreDistinctPagesInsideTheFolder() throws {
        let scratch = try UnitSetTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let codes = ["a/b", "a//b", "a/./b", "q", "q.html/z", "x) ![t](https://example.org/i.png)"]
        var units = "code,name,parent\n"
        var values = "unit,year," + UnitSetTests.indicators2024.joined(separator: ",") + "\n"
        for (index, code) in codes.enumerated() {
            let quoted = "\"" + code + "\""
            units += "\(quoted),Đơn vị \(index),24\n"
            values += "\(quoted),2024," + UnitSetTests.indicators2024.map { _ in "0.\(5 + index)" }.joined(separator: ",") + "\n"
        }
        let (unitFile, database) = try UnitSetTests.importWithUnitFile("odd-codes.csv", units: units, values: values, in: scratch)

        let out = scratch.appendingPathComponent("report")
        let run = try E2E.run(["report", "--year", "2024", "--units", unitFile, "--out", out.path], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        let files = try ReportCommandTests.files(in: out)
        let profiles = files.keys.filter { $0.hasPrefix("profile-") && $0.hasSuffix(".html") }
        #expect(profiles.count == codes.count, "one page per unit: \(profiles.sorted())")
        #expect(files.keys.allSatisfy { !$0.contains("/") || $0.hasPrefix("charts/") }, "\(files.keys.sorted())")
        #expect(files["profile-a~2Fb.html"] != nil && files["profile-q.html~2Fz.md"] != nil)
        let markdown = String(decoding: try #require(files["national.md"]), as: UTF8.self)
        #expect(!markdown.contains("](https:"), "a code injected a remote image")
        #expect(markdown.contains("(profile-x~29~20~21~5Bt~5D~28https~3A~2F~2Fexample.org~2Fi.png~29.md)"))
        let manifest = String(decoding: try #require(files[".dti-report-manifest"]), as: UTF8.self)
        #expect(manifest.split(separator: "\n").allSatisfy { $0.count > 66 }, "every manifest line names a file")

        let again = try E2E.run(["report", "--year", "2024", "--units", unitFile, "--out", out.path], database: database)
        #expect(
            again.status == 0 && again.stdout.hasPrefix("Wrote 0 files"), "the report reads its own manifest back: \(again.stdout)\(again.stderr)")
    }

    @Test(arguments: ["communes-24.csv", "vn34.csv", "communes.csv", "vn63-north.csv", "a:b.csv"])
    func aUnitFileMayNotTakeAnIdOfTheBuiltInData(name: String) throws {
        let scratch = try UnitSetTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent(name).path
        try UnitSetTests.unitFile.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try E2E.run(["provinces", "--units", file], database: E2E.temporaryDatabase())
        #expect(run.status == 64)
        let expected = name.contains(":") ? "needs a plain name" : "needs another name: its name, '\(name.dropLast(4))'"
        #expect(run.stderr.contains(expected), "\(run.stderr)")
    }
}

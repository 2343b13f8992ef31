import Foundation
import Testing

/// `--lang` and the locale for the commands read in a terminal, and missing values shown as
/// missing (with the reason), not as a measured 0.
struct LanguageCommandTests {
    typealias E2E = EndToEndTests

    /// The sample database is shared by the tests of this suite (read only).
    static let database: String = {
        let path = E2E.temporaryDatabase()
        _ = try? E2E.run(["import"] + E2E.sampleFiles, database: path)
        return path
    }()

    @Test func rankSpeaksVietnameseWhenAskedOrWhenTheLocaleIsVietnamese() throws {
        let asked = try E2E.run(["rank", "--year", "2024", "--top", "3", "--lang", "vi"], database: Self.database)
        #expect(asked.status == 0, "\(asked.stderr)")
        let byLocale = try E2E.run(["rank", "--year", "2024", "--top", "3"], database: Self.database, environment: ["LANG": "vi_VN.UTF-8"])
        #expect(byLocale.stdout == asked.stdout)
        for text in [
            "DTI 2024 · 63 tỉnh, thành phố (trước 1/7/2025) · bộ chỉ số dti-2024 (Quyết định 405/QĐ-BKHCN", "Hạng  Mã", "0,8180",
            "! DỮ LIỆU MẪU:", "! BỘ CHỈ SỐ TẠM TÍNH: Quyết định 405/QĐ-BKHCN không công bố", "Hiển thị 3/63; 63 đơn vị được xếp hạng.",
        ] {
            #expect(asked.stdout.contains(text), "missing: \(text)\n\(asked.stdout)")
        }
        for english in ["Rank", "Province", "shown", "SAMPLE DATA", "0.8180"] { #expect(!asked.stdout.contains(english)) }
        // English otherwise (the locale is C here), and LC_ALL wins over LANG.
        let english = try E2E.run(["rank", "--year", "2024", "--top", "3"], database: Self.database)
        #expect(english.stdout.contains("Rank  Code  Province") && english.stdout.contains("0.8180"))
        let overridden = try E2E.run(
            ["rank", "--year", "2024", "--top", "3"], database: Self.database, environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": "en_US.UTF-8"])
        #expect(overridden.stdout == english.stdout)
        // Scripts keep English keys and '.' whatever the language.
        let json = try E2E.run(["rank", "--year", "2024", "--format", "json", "--lang", "vi"], database: Self.database)
        let keepsEnglishKeys = json.stdout.contains("\"name\":\"Hồ Chí Minh\",\"dti\":0.81799,")
        #expect(keepsEnglishKeys)
    }

    @Test func aMissingValueIsShownAsMissingInRankShowAndCompare() throws {
        // Hậu Giang (93) has no 'institutions' value in the 2024 sample: 0 points, flagged.
        let rank = try E2E.run(["rank", "--year", "2024", "--by", "institutions"], database: Self.database)
        let line = try #require(rank.stdout.split(separator: "\n").first { $0.contains("Hậu Giang") })
        #expect(line.contains("— missing"), "\(line)")
        #expect(!line.contains("0.0000"))
        let show = try E2E.run(["show", "Hậu Giang", "--year", "2024", "--lang", "vi"], database: Self.database)
        let institutions = try #require(show.stdout.split(separator: "\n").first { $0.hasPrefix("Thể chế số") })
        #expect(institutions.contains("— thiếu"), "\(institutions)")
        #expect(show.stdout.contains("⚠ không có giá trị Thể chế số (institutions): tính 0 điểm"))
        #expect(show.stdout.contains("hạng 61/63"))
        let compare = try E2E.run(["compare", "Hậu Giang", "Bắc Ninh", "--year", "2024"], database: Self.database)
        let row = try #require(compare.stdout.split(separator: "\n").first { $0.hasPrefix("Thể chế số") || $0.hasPrefix("Digital institutions") })
        #expect(row.contains("— missing"), "\(row)")
        #expect(compare.stdout.contains("★ marks the best of each row"))
        let explain = try E2E.run(["explain", "Hậu Giang", "--year", "2024", "--lang", "en"], database: Self.database)
        let explained = try #require(explain.stdout.split(separator: "\n").first { $0.hasPrefix("Digital institutions") })
        #expect(explained.contains("— missing"), "\(explained)")
        #expect(explain.stdout.contains("-68.5") || explain.stdout.contains("−68.5"))  // the points it lost all the same
    }

    @Test func aVietnameseReportCarriesNoEnglishSentence() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dti-lang-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try E2E.run(["report", "--year", "2024", "--lang", "vi", "--format", "markdown", "--out", scratch.path], database: Self.database)
        #expect(run.status == 0, "\(run.stderr)")
        let national = try String(contentsOf: scratch.appendingPathComponent("national.md"), encoding: .utf8)
        for english in ["top 10", "no value", "counted as", "PROVISIONAL", "does not publish", "Decision", "missing:"] {
            #expect(!national.contains(english), "'\(english)' on a Vietnamese page")
        }
        #expect(national.contains("Quyết định 405/QĐ-BKHCN không công bố điểm"))
        #expect(national.contains("github.com/phamductu/vietnamese-provincial-icons"))  // the map's attribution
        let map = try String(contentsOf: scratch.appendingPathComponent("charts/national-map.svg"), encoding: .utf8)
        #expect(map.components(separatedBy: "<path data-code=").count - 1 == 63)
        #expect(map.contains(">Hoàng Sa</tspan>") && map.contains(">Trường Sa</tspan>"))
    }
}

import DTICore
import DTIStorage
import Foundation
import Testing
import XLSX

/// Workbooks as provinces send them: the template in Vietnamese with its instructions, and a
/// cover page before the values.
struct WorkbookSheetTests {
    typealias E2E = EndToEndTests

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dti-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theTemplateIsVietnameseByDefaultWithASheetOfInstructions() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("mau.xlsx")
        let made = try E2E.run(
            ["template", "--year", "2024", "--unit", "Bắc Ninh", "--out", template.path], database: folder.appendingPathComponent("db").path)
        #expect(made.status == 0, "\(made.stderr)")
        let workbook = try Workbook(bytes: [UInt8](try Data(contentsOf: template)))
        #expect(workbook.sheetNames == ["DTI 2024", "Hướng dẫn", "dti-template"])
        let values = try workbook.sheet()
        let texts = values.cells.compactMap { cell -> String? in
            if case let .text(text) = cell.value { return text }
            return nil
        }
        #expect(texts.contains("Tỉnh") && texts.contains("Giá trị") && texts.contains("Nhận thức số"))
        let instructions = try workbook.sheet(named: "Hướng dẫn").cells.compactMap { cell -> String? in
            if case let .text(text) = cell.value { return text }
            return nil
        }
        #expect(instructions.first?.hasPrefix("Hướng dẫn điền mẫu nhập liệu DTI 2024") == true)
        #expect(instructions.contains { $0.contains("dti validate TỆP.xlsx") })
        // English only when asked.
        let english = folder.appendingPathComponent("template.xlsx")
        _ = try E2E.run(["template", "--year", "2024", "--unit", "Bắc Ninh", "--lang", "en", "--out", english.path], database: folder.path + "/db")
        #expect(try Workbook(bytes: [UInt8](try Data(contentsOf: english))).sheetNames == ["DTI 2024", "Instructions", "dti-template"])
    }

    @Test func aCoverPageBeforeTheValuesIsPassedOverWithANote() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("history.sqlite").path
        let cover = Worksheet(name: "Bìa", rows: [[.text("Sở Khoa học và Công nghệ tỉnh Bắc Ninh")], [.text("Báo cáo số liệu DTI 2024")]])
        let data = Worksheet(
            name: "Số liệu",
            rows: [
                [.heading("Tỉnh"), .heading("Năm"), .heading("Chỉ số"), .heading("Giá trị")],
                [.text("Bắc Ninh"), .number(2024, .integer), .text("Nhận thức số"), .number(0.8, .general)],
            ])
        let workbook = folder.appendingPathComponent("bac-ninh.xlsx")
        try Data(WorkbookWriter.bytes([cover, data])).write(to: workbook)
        let imported = try E2E.run(["import", workbook.path, "--lang", "vi"], database: database)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stderr.contains("ghi chú: trang tính đầu 'Bìa' không có dòng tiêu đề; giá trị được đọc từ trang tính 'Số liệu'"),
            "\(imported.stderr)")
        let stored = try HistoryStore(path: database).observations(year: 2024)
        #expect(stored.map(\.indicatorID) == ["awareness"] && stored.map(\.value) == [0.8])

        // No sheet with a header: the error, and the sheets with the option that picks one.
        let coversOnly = folder.appendingPathComponent("covers.xlsx")
        try Data(WorkbookWriter.bytes([cover, Worksheet(name: "Ghi chú", rows: [[.text("—")]])])).write(to: coversOnly)
        let refused = try E2E.run(["validate", coversOnly.path], database: database)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("its sheets are 'Bìa', 'Ghi chú'; name the sheet of values with --sheet NAME"), "\(refused.stdout)")
        #expect(refused.stdout.contains("the header has no 'province' column"), "\(refused.stdout)")
    }
}

/// Commune data imported as if it were provinces: the names that are communes say which options
/// read them.
struct CommuneHintTests {
    @Test func aCommuneNameAmongTheProvincesNamesTheOptionsThatReadIt() throws {
        let folder = try WorkbookSheetTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("xa.csv")
        try "province,year,indicator,value\nPhường Kinh Bắc,2024,awareness,0.5\nKhông Có,2024,awareness,0.5\n".write(
            to: file, atomically: true, encoding: .utf8)
        let run = try EndToEndTests.run(["validate", file.path], database: folder.appendingPathComponent("db").path)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains("'Kinh Bắc' is a commune or ward of Bắc Ninh: import commune data with --units communes --parent 24"),
            "\(run.stdout)")
        // A name that is no commune either gets no such hint.
        let other = try #require(run.stdout.split(separator: "\n").first { $0.contains("Không Có") })
        #expect(!other.contains("--units communes"))
    }
}

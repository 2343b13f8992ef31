import Foundation
import ZIPFoundation

/// The committed workbooks (made by Scripts/make-xlsx-fixtures.py) and workbooks made on the fly.
enum WorkbookFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("dtiTests/Fixtures/xlsx")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// A workbook with one sheet whose XML is `sheet`, and any extra entries, zipped here.
    static func workbook(sheet: String, extra: [(String, [UInt8])] = []) throws -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        var parts: [(String, [UInt8])] = [
            (
                "_rels/.rels",
                Array(
                    #"<Relationships xmlns="\#(package)"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
                        .utf8)
            ),
            (
                "xl/workbook.xml",
                Array(
                    #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                        .utf8)
            ),
            (
                "xl/_rels/workbook.xml.rels",
                Array(
                    #"<Relationships xmlns="\#(package)"><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
                        .utf8)
            ),
            ("xl/worksheets/sheet1.xml", Array(sheet.utf8)),
        ]
        parts += extra
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](try require(archive.data))
    }

    static func sheetXML(_ rows: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\#(rows)</sheetData></worksheet>"#
    }
}

/// `#require` outside a test: a nil here is a broken fixture.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw FixtureError.missing }
    return value
}

private enum FixtureError: Error { case missing }

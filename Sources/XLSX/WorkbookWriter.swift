import Foundation
import ZIPFoundation

/// Writes sheets as an .xlsx workbook: the smallest set of parts Excel, LibreOffice and openpyxl
/// open without complaint, text as inline strings, numbers as numbers. The same sheets give the
/// same bytes: entries in a fixed order with a fixed date, and no document properties that would
/// carry the time or the user.
public enum WorkbookWriter {
    /// Why a workbook is not written: what dti would refuse to read back, or Excel to open.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case tooManyRows(sheet: String, rows: Int, limit: Int)
        case partTooLarge(part: String, bytes: Int, limit: Int)
        case cellTooLong(sheet: String, cell: String, characters: Int)

        public var description: String {
            switch self {
            case let .tooManyRows(sheet, rows, limit):
                "sheet '\(sheet)' would have \(rows) rows, more than the \(limit) dti reads from one sheet"
            case let .partTooLarge(part, bytes, limit):
                "the workbook's part '\(part)' would be \(bytes >> 20) MiB, more than the \(limit >> 20) MiB dti reads back (it would be taken for a ZIP bomb)"
            case let .cellTooLong(sheet, cell, characters):
                "cell \(cell) of sheet '\(sheet)' would hold \(characters) characters, more than the \(WorkbookWriter.maxCellCharacters) a cell of Excel holds"
            }
        }
    }

    /// The longest text a cell holds in Excel (UTF-16 code units).
    public static let maxCellCharacters = 32_767

    /// The workbook's bytes; refused when dti could not read it back within `limits`, or a cell is
    /// longer than Excel holds.
    public static func bytes(_ sheets: [Worksheet], limits: XLSXLimits = .standard) throws -> [UInt8] {
        let names = uniqueNames(sheets.map(\.name))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(names, hidden: sheets.map(\.isHidden))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            if sheet.rows.count > limits.maxRows { throw Refusal.tooManyRows(sheet: names[index], rows: sheet.rows.count, limit: limits.maxRows) }
            for (rowIndex, row) in sheet.rows.enumerated() {
                for (column, cell) in row.enumerated() {
                    guard case let .text(text) = cell, text.utf16.count > maxCellCharacters else { continue }
                    throw Refusal.cellTooLong(
                        sheet: names[index], cell: CellReference(row: rowIndex + 1, column: column + 1).description, characters: text.utf16.count)
                }
            }
            let part = ("xl/worksheets/sheet\(index + 1).xml", SheetXML.write(sheet, isSelected: index == 0))
            if part.1.utf8.count > limits.maxPartBytes {
                throw Refusal.partTooLarge(part: part.0, bytes: part.1.utf8.count, limit: limits.maxPartBytes)
            }
            parts.append(part)
        }
        let total = parts.reduce(0) { $0 + $1.1.utf8.count }
        if total > limits.maxTotalBytes { throw Refusal.partTooLarge(part: "all parts", bytes: total, limit: limits.maxTotalBytes) }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// 1 January 2000, 00:00 UTC: every entry's date, so the bytes do not depend on when they were written.
    private static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    /// Names made valid (no `[]:*?/\`, at most 31 characters, not empty) and unique, ignoring case.
    static func uniqueNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            var cleaned = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
            if cleaned.trimmingCharacters(in: .whitespaces).isEmpty { cleaned = "Sheet" }
            var candidate = cleaned
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = String(cleaned.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        var text = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        text += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        text += #"<Default Extension="xml" ContentType="application/xml"/>"#
        text +=
            #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        text += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in 1..<(sheetCount + 1) {
            text +=
                #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return text + "</Types>"
    }

    private static let rootRelationships =
        header + #"<Relationships xmlns="\#(packageRelationshipNamespace)">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private static func workbook(_ names: [String], hidden: [Bool]) -> String {
        var text = header + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        text += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, name) in names.enumerated() {
            let state = hidden[index] ? #" state="hidden""# : ""
            text += #"<sheet name="\#(XMLText.escaped(name))" sheetId="\#(index + 1)"\#(state) r:id="rId\#(index + 1)"/>"#
        }
        return text + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var text = header + #"<Relationships xmlns="\#(packageRelationshipNamespace)">"#
        for index in 1..<(sheetCount + 1) {
            text += #"<Relationship Id="rId\#(index)" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        text += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
        return text + "</Relationships>"
    }

    /// Styles by index: 0 plain, 1 bold and wrapped (headers), 2 `0.0000`, 3 `0`.
    private static let styles =
        header + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0000"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">"#
        + #"<alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}

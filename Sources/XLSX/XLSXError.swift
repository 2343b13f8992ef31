/// Why a workbook cannot be read at all, in one sentence a user can act on. Problems with single
/// cells are not errors here: they are values (`CellValue.formulaWithoutValue`, `.error`) that the
/// reader of the data judges where they are.
public enum XLSXError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are an OLE compound file: an Excel 97–2003 `.xls`, or a password-protected
    /// workbook (Office encrypts an .xlsx into that container).
    case compoundFile(encrypted: Bool)
    /// Not a ZIP archive at all.
    case notAWorkbook
    /// An OpenDocument file: a LibreOffice Calc spreadsheet (.ods), or another OpenDocument kind.
    case openDocument(spreadsheet: Bool)
    /// A ZIP archive that cannot be read (truncated, damaged, a checksum that does not match).
    case damaged(detail: String)
    /// An entry whose name climbs out of the archive (`../`) or is absolute.
    case unsafeEntryName(String)
    /// A part inflates to more than a limit allows.
    case tooLarge(part: String, limit: Int)
    /// More entries than a workbook has.
    case tooManyEntries(count: Int, limit: Int)
    /// A part that a workbook must have is absent.
    case missingPart(String)
    /// A part is not well-formed XML.
    case malformedPart(part: String, line: Int?, message: String)
    /// A part declares a DOCTYPE or entities, which no spreadsheet program writes.
    case declaresDTD(part: String)
    /// A sheet uses a row beyond the limit.
    case tooManyRows(sheet: String, row: Int, limit: Int)
    /// `--sheet` names a sheet the workbook does not have.
    case noSuchSheet(String, available: [String])
    /// The workbook lists no sheet.
    case noSheets

    public var description: String {
        switch self {
        case .compoundFile(true):
            "the workbook is password-protected (encrypted); save a copy without a password as an Excel Workbook (.xlsx) and read that"
        case .openDocument(true):
            "this is an OpenDocument spreadsheet (.ods, LibreOffice Calc's own format), which dti does not read; in LibreOffice choose File › Save As › Excel 2007–365 (.xlsx), or Text CSV (UTF-8), and read that"
        case .openDocument(false):
            "this is an OpenDocument file (a text or presentation from LibreOffice), not a spreadsheet; give the data as an Excel Workbook (.xlsx) or CSV UTF-8"
        case .compoundFile(false):
            "this is an Excel 97–2003 workbook (.xls), which dti does not read; save it as an Excel Workbook (.xlsx) or as CSV UTF-8"
        case .notAWorkbook:
            "this is not an Excel workbook (.xlsx is a ZIP archive, and this file is not one); save it as an Excel Workbook (.xlsx) or as CSV UTF-8"
        case let .damaged(detail):
            "the workbook is damaged and cannot be read (\(detail)); open it in Excel or LibreOffice, save it again and retry"
        case let .unsafeEntryName(name):
            "the workbook holds an entry named '\(name)', which points outside the archive; no spreadsheet program writes that, so the file is refused"
        case let .tooLarge(part, limit):
            "the workbook's part '\(part)' inflates to more than \(limit >> 20) MiB, more than dti reads (a ZIP bomb, or a sheet far larger than DTI data); split the data into smaller workbooks"
        case let .tooManyEntries(count, limit):
            "the workbook holds \(count) entries, more than the \(limit) a workbook needs; it is refused"
        case let .missingPart(part):
            "the workbook has no '\(part)'; it is not a complete .xlsx: open it in Excel or LibreOffice and save it again"
        case let .malformedPart(part, line, message):
            "the workbook's part '\(part)'\(line.map { " (line \($0))" } ?? "") is not well-formed XML: \(message)"
        case let .declaresDTD(part):
            "the workbook's part '\(part)' declares a DOCTYPE or entities, which no spreadsheet program writes; dti reads no DTDs or entities, so the file is refused"
        case let .tooManyRows(sheet, row, limit):
            "sheet '\(sheet)' uses row \(row), beyond the \(limit) rows dti reads from one sheet; delete the empty rows below the data, or split it"
        case let .noSuchSheet(name, available):
            "the workbook has no sheet named '\(name)'; its sheets are \(available.map { "'\($0)'" }.joined(separator: ", "))"
        case .noSheets:
            "the workbook has no sheets"
        }
    }
}

/// An .xlsx workbook opened for reading: its sheet names in tab order, and each sheet's cells on
/// demand. Everything is read from memory; nothing is written anywhere, so an entry's name is
/// never used as a path (names that would climb out are refused all the same).
public final class Workbook {
    /// The sheet names, in tab order.
    public let sheetNames: [String]

    private let package: WorkbookPackage
    private let sheetParts: [String]
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let uses1904: Bool
    private let limits: XLSXLimits

    /// Opens the workbook in `bytes`.
    public init(bytes: [UInt8], limits: XLSXLimits = .standard) throws(XLSXError) {
        let package = try WorkbookPackage(bytes: bytes, limits: limits)
        guard let rootRelationships = try package.bytes(of: "_rels/.rels") else { throw .missingPart("_rels/.rels") }
        let documentPart =
            try WorkbookParts.relationships(rootRelationships, part: "_rels/.rels", base: "")
            .first { $0.type == "officeDocument" }?.target ?? "xl/workbook.xml"
        guard let workbookBytes = try package.bytes(of: documentPart) else { throw .missingPart(documentPart) }
        let listing = try WorkbookParts.sheets(workbookBytes, part: documentPart)
        let relationshipsPart = WorkbookParts.relationshipsPart(of: documentPart)
        guard let relationshipBytes = try package.bytes(of: relationshipsPart) else { throw .missingPart(relationshipsPart) }
        let relationships = try WorkbookParts.relationships(
            relationshipBytes, part: relationshipsPart, base: WorkbookParts.folder(of: documentPart))

        var names: [String] = []
        var parts: [String] = []
        for sheet in listing.sheets {
            // Chart sheets and dialog sheets hold no cells: only worksheets are listed.
            guard let relationship = relationships.first(where: { $0.id == sheet.relationshipID }), relationship.type == "worksheet"
            else { continue }
            names.append(sheet.name)
            parts.append(relationship.target)
        }
        guard !names.isEmpty else { throw .noSheets }

        let sharedStringsPart = relationships.first { $0.type == "sharedStrings" }?.target
        let stylesPart = relationships.first { $0.type == "styles" }?.target
        self.sharedStrings =
            try sharedStringsPart.flatMap { part throws(XLSXError) in
                try package.bytes(of: part).map { bytes throws(XLSXError) in try WorkbookParts.sharedStrings(bytes, part: part) }
            } ?? []
        self.dateStyles =
            try stylesPart.flatMap { part throws(XLSXError) in
                try package.bytes(of: part).map { bytes throws(XLSXError) in try WorkbookParts.dateStyles(bytes, part: part) }
            } ?? []
        self.package = package
        self.sheetNames = names
        self.sheetParts = parts
        self.uses1904 = listing.uses1904
        self.limits = limits
    }

    /// Reads the sheet called `name` (matched exactly, else ignoring case), or the first sheet.
    public func sheet(named name: String? = nil) throws(XLSXError) -> Sheet {
        let index: Int
        if let name {
            guard let found = sheetNames.firstIndex(of: name) ?? sheetNames.firstIndex(where: { $0.lowercased() == name.lowercased() })
            else { throw .noSuchSheet(name, available: sheetNames) }
            index = found
        } else {
            index = 0
        }
        let part = sheetParts[index]
        guard let bytes = try package.bytes(of: part) else { throw .missingPart(part) }
        let parser = SheetParser(
            name: sheetNames[index], part: part, sharedStrings: sharedStrings, dateStyles: dateStyles, uses1904: uses1904,
            maxRows: limits.maxRows)
        return try parser.parse(bytes)
    }
}

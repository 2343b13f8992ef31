import DTICore

/// The reference data of an Indicators folder: the editions, the catalogue of each framework they
/// use, the unit registry, the XML Schema of data files and the tile layout. Read through a
/// closure, so the command line (built-in data or a folder), tests, fuzzing and benchmarks load
/// them the same way while ingest itself opens no file.
public struct IndicatorFolder: Sendable {
    public let editions: EditionTable
    /// Catalogues by framework id, for the frameworks the editions use.
    public let catalogues: [String: IndicatorCatalogue]
    public let registry: UnitRegistry
    /// The XML Schema (XSD) of data files, when the folder has it.
    public let xmlSchema: String?
    /// Tile-map positions by unit set and code, when the folder has them.
    public let tiles: [String: [String: (column: Int, row: Int)]]

    /// Loads the folder; `read(path, isOptional)` gives the text of `path` (relative to the folder)
    /// and the name to cite in messages, or `nil` for an optional file that is absent. A
    /// framework whose catalogue is absent is left out (`edition` says so when it is needed).
    public init(read: (_ path: String, _ isOptional: Bool) throws -> (text: String, file: String)?) throws {
        func required(_ path: String) throws -> (text: String, file: String) {
            guard let source = try read(path, false) else { throw IndicatorFolderError.missing(path) }
            return source
        }
        let editionsFile = try required("editions.csv")
        let national = try EditionTableLoader.load(editionsFile.text, file: editionsFile.file)
        let unitSetEditions = try read("unit-set-editions.csv", true).map {
            try EditionTableLoader.load($0.text, file: $0.file, oneYearPerLine: false)
        }
        editions = EditionTable(national.editions, unitSetEditions: unitSetEditions?.editions ?? [])
        var catalogues: [String: IndicatorCatalogue] = [:]
        for framework in Set((editions.editions + editions.unitSetEditions).map(\.framework)).sorted() {
            guard let catalogue = try read("\(framework).yaml", true) else { continue }
            catalogues[framework] = try CatalogueLoader.load(catalogue.text, sourceName: catalogue.file)
        }
        self.catalogues = catalogues
        xmlSchema = try read("schema/dti-data-1.xsd", true)?.text
        tiles = try read("units/tiles.csv", true).map { try TileLayoutLoader.load($0.text, file: $0.file) } ?? [:]
        registry = try UnitRegistryLoader.load(
            UnitRegistryLoader.Sources(
                provinces63: try required("units/provinces-63.csv"), provinces34: try required("units/provinces-34.csv"),
                regions: try required("units/regions-6.csv"), aliases: try read("units/aliases.csv", true)))
    }

    /// The context for reading data files with these reference data.
    public func context(year: Int? = nil, decimal: DecimalMark? = nil, sheet: String? = nil) -> IngestContext {
        IngestContext(
            editions: editions, catalogues: catalogues, registry: registry, year: year, decimal: decimal, xmlSchema: xmlSchema, sheet: sheet)
    }
}

/// A required reference file is absent.
public enum IndicatorFolderError: Error, Sendable, Hashable, CustomStringConvertible, WordedError {
    case missing(String)

    public var description: String { wording.text(.en) }

    public var wording: Wording {
        switch self {
        case let .missing(path): Messages.Ingest.referenceDataMissing(path: path)
        }
    }
}

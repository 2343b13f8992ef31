import DTICore
import DTIIngest
import Foundation

/// Editions, catalogues and units: the built-in data, or an Indicators folder that overrides them.
struct ReferenceData {
    let files: IndicatorFiles
    let editions: EditionTable
    let catalogues: [String: IndicatorCatalogue]
    let registry: UnitRegistry
    /// The XML Schema of data files, if the data have it.
    let xmlSchema: String?
    /// Tile-map positions by unit set and code (`units/tiles.csv`).
    let tiles: [String: [String: (column: Int, row: Int)]]

    /// Loads everything; `cataloguePath` replaces the catalogue of the same framework id.
    init(options: DataOptions) throws {
        let files = try IndicatorFiles.locate(option: options.indicatorsPath)
        func source(_ path: String) throws -> (text: String, file: String) { (try files.read(path), files.name(of: path)) }
        func optional(_ path: String) throws -> (text: String, file: String)? { files.exists(path) ? try source(path) : nil }

        let editionsFile = try source("editions.csv")
        let editions = try EditionTableLoader.load(editionsFile.text, file: editionsFile.file)
        var catalogues: [String: IndicatorCatalogue] = [:]
        for framework in Set(editions.editions.map(\.framework)).sorted() {
            guard let catalogue = try optional("\(framework).yaml") else { continue }
            catalogues[framework] = try CatalogueLoader.load(catalogue.text, sourceName: catalogue.file)
        }
        if let override = options.cataloguePath {
            let loaded = catalogues
            let catalogue = try CatalogueLoader.load(try TextFiles.read(override), sourceName: override, base: { loaded[$0] })
            catalogues[catalogue.framework] = catalogue
        }
        self.xmlSchema = try optional("schema/dti-data-1.xsd")?.text
        self.tiles = try optional("units/tiles.csv").map { try TileLayoutLoader.load($0.text, file: $0.file) } ?? [:]
        self.registry = try UnitRegistryLoader.load(
            UnitRegistryLoader.Sources(
                provinces63: try source("units/provinces-63.csv"), provinces34: try source("units/provinces-34.csv"),
                regions: try source("units/regions-6.csv"), aliases: try optional("units/aliases.csv")))
        self.files = files
        self.editions = editions
        self.catalogues = catalogues
    }

    /// The boundaries of a unit set (`maps/<id>.geojson`), or nil when the data have none: read
    /// only by the commands that draw maps, so ranking does not pay for parsing them.
    func map(for unitSetID: String) throws -> UnitMap? {
        let path = "maps/\(unitSetID).geojson"
        guard files.exists(path) else { return nil }
        return try GeoJSONMapLoader.load(try files.read(path), file: files.name(of: path))
    }

    /// The edition of `year` and its catalogue.
    func edition(_ year: Int) throws -> (Edition, IndicatorCatalogue) {
        let edition = try editions.edition(for: year)
        guard let catalogue = catalogues[edition.framework] else {
            throw CatalogueError.unknownFramework(edition.framework, year: year, known: catalogues.keys.sorted())
        }
        return (edition, catalogue)
    }

    func ingestContext(year: Int?, decimal: DecimalMark? = nil, sheet: String? = nil) -> IngestContext {
        IngestContext(
            editions: editions, catalogues: catalogues, registry: registry, year: year, decimal: decimal, xmlSchema: xmlSchema,
            sheet: sheet)
    }
}

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
        // A required file that is absent is read anyway, so the folder's own message names it.
        let folder = try IndicatorFolder { path, isOptional in
            isOptional && !files.exists(path) ? nil : (try files.read(path), files.name(of: path))
        }
        var catalogues = folder.catalogues
        if let override = options.cataloguePath {
            let loaded = catalogues
            let catalogue = try CatalogueLoader.load(try TextFiles.read(override), sourceName: override, base: { loaded[$0] })
            catalogues[catalogue.framework] = catalogue
        }
        self.files = files
        self.editions = folder.editions
        self.catalogues = catalogues
        self.registry = folder.registry
        self.xmlSchema = folder.xmlSchema
        self.tiles = folder.tiles
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

import DTICore
import DTIIngest
import Foundation

/// Editions, catalogues and units, loaded from the Indicators folder at run time.
struct ReferenceData {
    let folder: URL
    let editions: EditionTable
    let catalogues: [String: IndicatorCatalogue]
    let registry: UnitRegistry
    /// The XML Schema of data files, if the Indicators folder has it.
    let xmlSchema: String?
    /// Tile-map positions by unit set and code (`units/tiles.csv`).
    let tiles: [String: [String: (column: Int, row: Int)]]

    /// Loads everything; `cataloguePath` replaces the catalogue of the same framework id.
    init(options: DataOptions) throws {
        let folder = try Paths.indicators(option: options.indicatorsPath)
        func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
        func source(_ name: String) throws -> (text: String, file: String) { (try TextFiles.read(file(name)), file(name)) }

        let editions = try EditionTableLoader.load(try TextFiles.read(file("editions.csv")), file: file("editions.csv"))
        var catalogues: [String: IndicatorCatalogue] = [:]
        for framework in Set(editions.editions.map(\.framework)).sorted() {
            let path = file("\(framework).yaml")
            guard FileManager.default.fileExists(atPath: path) else { continue }
            catalogues[framework] = try CatalogueLoader.load(try TextFiles.read(path), sourceName: path)
        }
        if let override = options.cataloguePath {
            let loaded = catalogues
            let catalogue = try CatalogueLoader.load(try TextFiles.read(override), sourceName: override, base: { loaded[$0] })
            catalogues[catalogue.framework] = catalogue
        }
        let schemaPath = file("schema/dti-data-1.xsd")
        self.xmlSchema = FileManager.default.fileExists(atPath: schemaPath) ? try TextFiles.read(schemaPath) : nil
        let tilesPath = file("units/tiles.csv")
        self.tiles =
            FileManager.default.fileExists(atPath: tilesPath)
            ? try TileLayoutLoader.load(try TextFiles.read(tilesPath), file: tilesPath) : [:]
        let aliasesPath = file("units/aliases.csv")
        self.registry = try UnitRegistryLoader.load(
            UnitRegistryLoader.Sources(
                provinces63: try source("units/provinces-63.csv"), provinces34: try source("units/provinces-34.csv"),
                regions: try source("units/regions-6.csv"),
                aliases: FileManager.default.fileExists(atPath: aliasesPath) ? try source("units/aliases.csv") : nil))
        self.folder = folder
        self.editions = editions
        self.catalogues = catalogues
    }

    /// The edition of `year` and its catalogue.
    func edition(_ year: Int) throws -> (Edition, IndicatorCatalogue) {
        let edition = try editions.edition(for: year)
        guard let catalogue = catalogues[edition.framework] else {
            throw CatalogueError.unknownFramework(edition.framework, year: year, known: catalogues.keys.sorted())
        }
        return (edition, catalogue)
    }

    func ingestContext(year: Int?, decimal: DecimalMark? = nil) -> IngestContext {
        IngestContext(
            editions: editions, catalogues: catalogues, registry: registry, year: year, decimal: decimal, xmlSchema: xmlSchema)
    }
}

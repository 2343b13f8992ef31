import DTICore
import DTIIngest
import Foundation

/// Editions, catalogues and units: the built-in data, or an Indicators folder that overrides them,
/// with the unit set a command chose (`--units`, `--parent`) joined to the registry once, when
/// they are loaded.
///
/// A value: nothing in it changes as it is queried. The communes and unit files are read only
/// when chosen, so ranking provinces does not pay for reading 3,321 communes.
public struct ReferenceData: Sendable {
    public let files: IndicatorFiles
    public let editions: EditionTable
    public let catalogues: [String: IndicatorCatalogue]
    /// The unit sets: the provinces, and the chosen set with the whole set it narrows.
    public let registry: UnitRegistry
    /// The XML Schema of data files, if the data have it.
    public let xmlSchema: String?
    /// Tile-map positions by unit set and code (`units/tiles.csv`).
    public let tiles: [String: [String: (column: Int, row: Int)]]
    /// The unit set chosen with `units` (narrowed to `parent`), or `nil` for each edition's own.
    public let chosenUnitSet: UnitSet?
    /// The unit file read, by the id of its set: a set whose identity is checked against the
    /// units recorded with its stored values.
    public let unitFilePaths: [String: String]
    /// Where notes for the user go (a former province's name resolved, a unit file that grew).
    public let notes: NoteSink

    /// Loads the reference data (`indicatorsPath`, `$DTI_INDICATORS`, or the built-in data;
    /// `cataloguePath` replaces the catalogue of the same framework id) and the units `units`
    /// names: `63`, `34`, `communes` or a unit file, narrowed to the units of `parent`.
    /// `$DTI_INDICATORS` is read from `environment` (the process's own by default).
    public init(
        indicatorsPath: String? = nil, cataloguePath: String? = nil, units: String? = nil, parent: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment, notes: NoteSink = NoteSink()
    ) throws {
        let files = try IndicatorFiles.locate(option: indicatorsPath, environment: environment)
        // A required file that is absent is read anyway, so the folder's own message names it.
        let folder = try IndicatorFolder { path, isOptional in
            isOptional && !files.exists(path) ? nil : (try files.read(path), files.name(of: path))
        }
        var catalogues = folder.catalogues
        var editions = folder.editions
        if let override = cataloguePath {
            let loaded = catalogues
            let catalogue = try CatalogueLoader.load(try TextFiles.read(override), sourceName: override, base: { loaded[$0] })
            catalogues[catalogue.framework] = catalogue
            // A framework no edition uses is the user's own for a year without one (2025 before
            // the ministry publishes its framework), scored in the units in force after the last edition.
            let last = editions.editions.last?.unitSet ?? UnitSet.provinces34ID
            editions = editions.scoringUnframedYears(with: catalogue.framework, laterUnitSet: folder.registry.latestSuccessor(of: last))
        }
        self.files = files
        self.editions = editions
        self.catalogues = catalogues
        self.xmlSchema = folder.xmlSchema
        self.tiles = folder.tiles
        self.notes = notes
        let choice = try UnitSetChoice.load(units: units, parent: parent, files: files, registry: folder.registry, tiles: folder.tiles, notes: notes)
        self.registry = choice.registry
        self.chosenUnitSet = choice.chosen
        self.unitFilePaths = choice.unitFilePaths
    }

    /// The boundaries of a unit set (`maps/<id>.geojson`), or nil when the data have none: read
    /// only by the commands that draw maps, so ranking does not pay for parsing them. The whole
    /// communes set has no file of its own: its map is every province's (`maps/communes-NN.geojson`).
    public func map(for unitSetID: String) throws -> UnitMap? {
        if let map = try files.map("maps/\(unitSetID).geojson") { return map }
        guard unitSetID == UnitSet.communesID else { return nil }
        let parts = try files.paths().filter { $0.hasPrefix("maps/\(UnitSet.communesID)-") && $0.hasSuffix(".geojson") }
        return try UnitMap(joining: parts.compactMap { try files.map($0) })
    }

    /// The edition of `year` and its catalogue: the year's own, or the one for the units of
    /// `unitSet` (its own line in editions.csv, else the year's framework applied to its units).
    public func edition(_ year: Int, unitSet: UnitSet? = nil) throws -> (Edition, IndicatorCatalogue) {
        let edition = try unitSet.map { set throws(CatalogueError) in try editions.edition(for: year, unitSet: set) } ?? editions.edition(for: year)
        guard let catalogue = catalogues[edition.framework] else {
            throw CatalogueError.unknownFramework(edition.framework, year: year, known: catalogues.keys.sorted())
        }
        return (edition, catalogue)
    }

    public func ingestContext(year: Int?, decimal: DecimalMark? = nil, sheet: String? = nil, unitSet: UnitSet? = nil) -> IngestContext {
        var context = IngestContext(
            editions: editions, catalogues: catalogues, registry: registry, year: year, decimal: decimal, xmlSchema: xmlSchema,
            sheet: sheet, unitSet: unitSet)
        if unitSet == nil, files.exists(UnitSetChoice.communesFile) {
            let files = files
            let registry = registry
            context.communes = {
                guard let text = try? files.read(UnitSetChoice.communesFile) else { return nil }
                return try? UnitFileLoader.load(
                    text, file: files.name(of: UnitSetChoice.communesFile), id: UnitSet.communesID, label: "communes", registry: registry,
                    officialSpelling: true)
            }
        }
        return context
    }

    /// The set with this id among the loaded ones.
    public func unitSet(id: String) -> UnitSet? { registry.unitSet(id) }

    /// The set with this id, or an error naming the sets the reference data have.
    public func requiredUnitSet(id: String) throws -> UnitSet {
        guard let set = unitSet(id: id) else { throw ScoringError.unknownUnitSet(id, known: Array(registry.unitSets.keys)) }
        return set
    }
}

/// Where a workflow's notes for the user go: the command line prints them on standard error,
/// a test or a benchmark collects or drops them. The library itself never prints.
public struct NoteSink: Sendable {
    private let write: @Sendable (Wording) -> Void

    /// A sink that hands each note, in both languages, to `write`; by default, notes are dropped.
    public init(_ write: @escaping @Sendable (Wording) -> Void = { _ in }) {
        self.write = write
    }

    /// Passes on one note (one line, without `note: `).
    public func callAsFunction(_ note: Wording) { write(note) }
}

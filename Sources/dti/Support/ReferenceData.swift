import ArgumentParser
import DTICore
import DTIIngest
import Foundation

/// Editions, catalogues and units: the built-in data, or an Indicators folder that overrides them.
///
/// A class, because unit sets beyond the provinces (the communes, a unit file) join the registry
/// when a command first asks for them: ranking provinces does not pay for reading 3,321 communes.
final class ReferenceData {
    let files: IndicatorFiles
    let editions: EditionTable
    let catalogues: [String: IndicatorCatalogue]
    private(set) var registry: UnitRegistry
    /// The XML Schema of data files, if the data have it.
    let xmlSchema: String?
    /// Tile-map positions by unit set and code (`units/tiles.csv`).
    let tiles: [String: [String: (column: Int, row: Int)]]
    /// The unit files read, by the id of their set: sets whose identity is checked against the
    /// units recorded with their stored values.
    private(set) var unitFilePaths: [String: String] = [:]

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

    /// The edition of `year` and its catalogue: the year's own, or the one for the units of
    /// `unitSet` (its own line in editions.csv, else the year's framework applied to its units).
    func edition(_ year: Int, unitSet: UnitSet? = nil) throws -> (Edition, IndicatorCatalogue) {
        let edition = try unitSet.map { set throws(CatalogueError) in try editions.edition(for: year, unitSet: set) } ?? editions.edition(for: year)
        guard let catalogue = catalogues[edition.framework] else {
            throw CatalogueError.unknownFramework(edition.framework, year: year, known: catalogues.keys.sorted())
        }
        return (edition, catalogue)
    }

    func ingestContext(year: Int?, decimal: DecimalMark? = nil, sheet: String? = nil, unitSet: UnitSet? = nil) -> IngestContext {
        IngestContext(
            editions: editions, catalogues: catalogues, registry: registry, year: year, decimal: decimal, xmlSchema: xmlSchema,
            sheet: sheet, unitSet: unitSet)
    }

    /// The id of the built-in set of the 3,321 communes and wards of 1 July 2025.
    static let communesID = "communes"
    static let communesFile = "units/communes-3321.csv"

    /// The set with this id, reading the built-in communes the first time they are asked for.
    func unitSet(id: String) throws -> UnitSet? {
        if let set = registry.unitSet(id) { return set }
        guard id == Self.communesID, files.exists(Self.communesFile) else { return nil }
        let set = try UnitFileLoader.load(
            try files.read(Self.communesFile), file: files.name(of: Self.communesFile), id: Self.communesID,
            label: "3,321 communes and wards (from 1 July 2025)", labelVI: "3.321 xã, phường (từ 1/7/2025)", registry: registry)
        registry = registry.adding(set)
        return set
    }

    /// The set with this id, or an error naming the sets the reference data have.
    func requiredUnitSet(id: String) throws -> UnitSet {
        guard let set = try unitSet(id: id) else { throw ScoringError.unknownUnitSet(id, known: Array(registry.unitSets.keys)) }
        return set
    }

    /// The set `--units` and `--parent` choose (added to the registry), or `nil` for each
    /// edition's own set.
    func unitSet(_ options: UnitSetOptions) throws -> UnitSet? {
        guard let name = options.units else { return nil }
        let set: UnitSet
        switch name {
        case "63": set = try requiredUnitSet(id: UnitRegistryLoader.provinces63)
        case "34": set = try requiredUnitSet(id: UnitRegistryLoader.units34)
        case Self.communesID:
            guard let communes = try unitSet(id: Self.communesID) else {
                throw invalidOption("'--units communes' needs units/communes-3321.csv, which these reference data lack.")
            }
            set = communes
        default:
            set = try loadUnitFile(name)
        }
        guard let parentName = options.parent else { return set }
        guard let parents = set.parentSetID.flatMap(registry.unitSet) else {
            throw invalidOption("'--parent' needs units with a parent province; \(set.label) have none.")
        }
        let parent = try ResultLoader.units([parentName], in: parents, registry: registry)[0]
        guard let narrowed = set.narrowed(toParent: parent) else {
            throw invalidOption("\(parent.name) (\(parent.code)) has no units among the \(set.label).")
        }
        registry = registry.adding(narrowed)
        return narrowed
    }

    /// The ids the reference data use for sets, maps and tiles: a unit file may not take one, nor
    /// one of their narrowings (`communes-24`), or it would get the built-in set's map or values.
    func reservedIDs() throws -> Set<String> {
        var ids = Set(registry.unitSets.keys).union([Self.communesID]).union(tiles.keys)
        for path in try files.paths() where path.hasPrefix("maps/") && path.hasSuffix(".geojson") {
            ids.insert(String(path.dropFirst("maps/".count).dropLast(".geojson".count)))
        }
        return ids
    }

    /// The largest unit file read: the country's 3,321 communes take 160 KB, so 4 MiB is room for
    /// about 100,000 units; a larger file is refused before it is read (50 MB once took 70 s).
    static let maxUnitFileBytes = 4 << 20

    /// A unit file (`code,name,parent`): its id is the file's name without the extension, so
    /// values imported with it are found again by naming the same file.
    private func loadUnitFile(_ path: String) throws -> UnitSet {
        guard path.contains(".") || path.contains("/") else {
            throw invalidOption("'--units' must be 63, 34, communes or a unit file (CSV code,name,parent), got '\(path)'.")
        }
        try TextFiles.requireRegularFile(path)
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if base.isEmpty || base.contains(":") || base.unicodeScalars.contains(where: UnsafeCharacters.contains) {
            throw invalidOption(
                "the unit file '\(path)' needs a plain name: its name without the extension is the set's id, which may not be empty or hold ':' or control characters."
            )
        }
        let reserved = try reservedIDs()
        if let taken = reserved.sorted().first(where: { base == $0 || base.hasPrefix($0 + "-") }) {
            throw invalidOption(
                "the unit file '\(path)' needs another name: its name, '\(base)', \(base == taken ? "is" : "begins with") '\(taken)', an id of the built-in data (a set, a map or its narrowing to one province)."
            )
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Self.maxUnitFileBytes {
            throw CLIError.tooLargeUnitFile(path: path, bytes: size, limit: Self.maxUnitFileBytes)
        }
        let text = try TextFiles.read(path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let set: UnitSet
        do {
            set = try UnitFileLoader.load(
                text, file: path, id: base, label: "units of \(name)", labelVI: "đơn vị trong \(name)", registry: registry)
        } catch {
            DiagnosticPrinter.print(error.diagnostics, files: 1)
            throw ExitCode.failure
        }
        registry = registry.adding(set)
        unitFilePaths[set.id] = path
        return set
    }
}

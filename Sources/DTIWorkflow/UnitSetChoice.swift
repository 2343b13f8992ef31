import DTICore
import DTIIngest
import Foundation

/// The unit set `--units` and `--parent` choose, read and joined to the provinces' registry once,
/// when the reference data are loaded.
public enum UnitSetChoice {
    /// The largest unit file read: the country's 3,321 communes take 160 KB, so 4 MiB is room for
    /// about 100,000 units; a larger file is refused before it is read (50 MB once took 70 s).
    public static let maxUnitFileBytes = 4 << 20

    /// The built-in communes file.
    public static let communesFile = "units/communes-3321.csv"

    /// The registry with the chosen set (and the whole set it narrows) added, and the set.
    public static func load(
        units: String?, parent: String?, files: IndicatorFiles, registry provinces: UnitRegistry,
        tiles: [String: [String: (column: Int, row: Int)]], notes: NoteSink
    ) throws -> (registry: UnitRegistry, chosen: UnitSet?, unitFilePaths: [String: String]) {
        guard let units else { return (provinces, nil, [:]) }
        var registry = provinces
        var unitFilePaths: [String: String] = [:]
        let set: UnitSet
        switch units {
        case "63", "34":
            let id = units == "63" ? UnitSet.provinces63ID : UnitSet.provinces34ID
            guard let found = registry.unitSet(id) else { throw ScoringError.unknownUnitSet(id, known: Array(registry.unitSets.keys)) }
            set = found
        case UnitSet.communesID:
            guard files.exists(communesFile) else {
                throw WorkflowError.invalidOption(
                    Messages.Workflow.unitsCommunesNeedsWhichThese(communesFile: communesFile))
            }
            set = try UnitFileLoader.load(
                try files.read(communesFile), file: files.name(of: communesFile), id: UnitSet.communesID,
                label: Messages.Workflow.communesLabel.text(.en), labelVI: Messages.Workflow.communesLabel.text(.vi), registry: registry,
                officialSpelling: true)
            registry = registry.adding(set)
        default:
            set = try loadUnitFile(units, files: files, registry: registry, tiles: tiles)
            registry = registry.adding(set)
            unitFilePaths[set.id] = units
        }
        guard let parentName = parent else { return (registry, set, unitFilePaths) }
        guard let parents = set.parentSetID.flatMap(registry.unitSet) else {
            throw WorkflowError.invalidOption(
                Messages.Workflow.parentNeedsUnitsWithParent(labelWording: set.labelWording))
        }
        let found = try UnitNames.units([parentName], in: parents, registry: registry, notes: notes)[0]
        guard let narrowed = set.narrowed(toParent: found) else {
            throw WorkflowError.invalidOption(
                Messages.Workflow.hasNoUnitsAmong(foundName: found.name, foundCode: found.code, labelWording: set.labelWording))
        }
        return (registry.adding(narrowed), narrowed, unitFilePaths)
    }

    /// The ids the reference data use for sets, maps and tiles: a unit file may not take one, nor
    /// one of their narrowings (`communes-24`), or it would get the built-in set's map or values.
    public static func reservedIDs(files: IndicatorFiles, registry: UnitRegistry, tiles: [String: [String: (column: Int, row: Int)]]) throws
        -> Set<String>
    {
        var ids = Set(registry.unitSets.keys).union([UnitSet.communesID]).union(tiles.keys)
        for path in try files.paths() where path.hasPrefix("maps/") && path.hasSuffix(".geojson") {
            ids.insert(String(path.dropFirst("maps/".count).dropLast(".geojson".count)))
        }
        return ids
    }

    /// A unit file (`code,name,parent`): its id is the file's name without the extension, so
    /// values imported with it are found again by naming the same file.
    private static func loadUnitFile(
        _ path: String, files: IndicatorFiles, registry: UnitRegistry, tiles: [String: [String: (column: Int, row: Int)]]
    ) throws -> UnitSet {
        guard path.contains(".") || path.contains("/") else {
            throw WorkflowError.invalidOption(
                Messages.Workflow.unitsMustBe6334(path: path))
        }
        try TextFiles.requireRegularFile(path)
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if base.isEmpty || base.contains(":") || base.unicodeScalars.contains(where: UnsafeCharacters.contains) {
            throw WorkflowError.invalidOption(
                Messages.Workflow.unitFileNeedsPlainName(path: path))
        }
        let reserved = try reservedIDs(files: files, registry: registry, tiles: tiles)
        if let taken = reserved.sorted().first(where: { base == $0 || base.hasPrefix($0 + "-") }) {
            throw WorkflowError.invalidOption(
                base == taken
                    ? Messages.Workflow.unitFileNameIsAnID(path: path, base: base, taken: taken)
                    : Messages.Workflow.unitFileNameBeginsWithID(path: path, base: base, taken: taken))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxUnitFileBytes {
            throw WorkflowError.tooLargeUnitFile(path: path, bytes: size, limit: maxUnitFileBytes)
        }
        let text = try TextFiles.read(path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        do {
            return try UnitFileLoader.load(
                text, file: path, id: base, label: Messages.Workflow.unitFileLabel(name: name).text(.en),
                labelVI: Messages.Workflow.unitFileLabel(name: name).text(.vi), registry: registry)
        } catch {
            throw WorkflowError.invalidInput(diagnostics: error.diagnostics, files: 1)
        }
    }
}

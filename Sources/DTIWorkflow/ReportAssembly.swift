import DTIAnalysis
import DTICore
import DTIReport

/// What a report set shows, gathered from the history around one scored edition: the edition
/// before it, the history and the back-cast of merged units, each scored by the same method (so no
/// change compares two methods), the tile grid and the map, the files the values came from, the
/// parents of communes, and the names given for compared units.
public enum ReportAssembly {
    /// The input of `ReportPages` for `result` (already scored by `method`), whose values came as
    /// `observations`; `named` are the units asked for comparison with the names each stands for.
    /// An earlier edition that `method` cannot score (another framework's indicators) is left out.
    public static func input(
        result: EditionResult, observations: [Observation], method: Scenario, loader: ResultLoader, reference: ReferenceData,
        named: [(unit: AdministrativeUnit, names: [String])], language: ReportLanguage, date: String?
    ) throws -> ReportInput {
        func rescored(_ edition: EditionResult) -> EditionResult? { method.isOfficial ? edition : try? method.apply(to: edition) }
        var sources: [String: (sha: String?, count: Int)] = [:]
        for observation in observations {
            let key = observation.provenance.file
            sources[key] = (observation.provenance.sha256, (sources[key]?.count ?? 0) + 1)
        }
        let year = result.edition.year
        var input = ReportInput(
            result: result, previous: try loader.previous(before: year, unitSet: result.unitSet).flatMap(rescored),
            history: try loader.history(in: result.unitSet).compactMap(rescored),
            tiles: reference.tiles[result.unitSet.id] ?? [:],
            sources: sources.keys.sorted().map { ($0, sources[$0]?.sha, sources[$0]?.count ?? 0) }, language: language, date: date,
            backCast: try loader.backCast(before: year, unitSet: result.unitSet).compactMap(rescored),
            map: try reference.map(for: result.unitSet.id))
        input.parents = result.unitSet.parentSetID.flatMap(reference.registry.unitSet)
        // The names a compared unit was asked by, when they are not simply its own: two former
        // provinces that are one unit now, or one that is part of another (Vĩnh Phúc in Phú Thọ).
        input.comparedNames = Dictionary(
            named.filter { found in found.names.count > 1 || found.names.contains { TextFolding.fold($0) != TextFolding.fold(found.unit.name) } }
                .map { ($0.unit.code, $0.names) }, uniquingKeysWith: { $1 })
        return input
    }
}

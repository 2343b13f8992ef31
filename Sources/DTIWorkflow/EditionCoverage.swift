import DTICore
import DTIStorage

/// What the files give of each edition, said before anything is stored: a file whose rows span
/// several editions (one row of a 2024 workbook typed 2023 lands in 2023), and the units an
/// edition's files give no value at all (a province whose rows were deleted is otherwise never
/// mentioned, and ranks last without a word).
public enum EditionCoverage {
    /// Most units named one by one; beyond, one line names the first and counts the rest.
    public static let namedUnits = 10

    public static func diagnostics(_ staging: ObservationStaging, registry: UnitRegistry, chosen: UnitSet?) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Files spanning editions: one note each, every edition with its count and first place;
        // an edition with a handful of rows in a file that is otherwise another's (under a tenth
        // of its values: one row of a 2024 file typed 2023) is a warning naming those rows.
        let byFile = Dictionary(grouping: try staging.editionsByFile(), by: \.file)
        for file in byFile.keys.sorted() {
            guard let editions = byFile[file], editions.count > 1,
                let smallest = editions.min(by: { ($0.count, $0.year) < ($1.count, $1.year) }),
                let largest = editions.max(by: { ($0.count, -$0.year) < ($1.count, -$1.year) })
            else { continue }
            let strays = editions.filter { $0.year != largest.year && $0.count * 10 <= largest.count }
            if !strays.isEmpty {
                let lines = try strayLines(staging, file: file, years: Set(strays.map(\.year)))
                for stray in strays {
                    let places = lines[stray.year] ?? []
                    let listed = places.prefix(10).map(String.init).joined(separator: ", ") + (places.count > 10 ? ", …" : "")
                    let onSheet = stray.first.sheet != nil
                    let placesWording =
                        places.count == 1
                        ? (onSheet ? Messages.Workflow.sheetRow(lines: listed) : Messages.Workflow.fileLine(lines: listed))
                        : (onSheet ? Messages.Workflow.sheetRows(lines: listed) : Messages.Workflow.fileLines(lines: listed))
                    diagnostics.append(
                        Diagnostic(
                            .warning, "file.stray-edition",
                            stray.count == 1
                                ? Messages.Workflow.strayValueOne(
                                    year: stray.year, largestYear: largest.year, largestCount: GroupedCount(largest.count), places: placesWording)
                                : Messages.Workflow.strayValues(
                                    count: stray.count, year: stray.year, largestYear: largest.year, largestCount: GroupedCount(largest.count),
                                    places: placesWording),
                            hint: Messages.Workflow.checkYearOfThoseRows(largestYear: largest.year),
                            at: stray.first.lineLocation))
                }
                if editions.count - strays.count < 2 { continue }
            }
            let listed = editions.map { edition in
                let line = String(edition.first.line)
                let place = edition.first.sheet == nil ? Messages.Workflow.fileLine(lines: line) : Messages.Workflow.sheetRow(lines: line)
                return edition.count == 1
                    ? Messages.Workflow.editionValueFrom(year: edition.year, place: place)
                    : Messages.Workflow.editionValuesFrom(year: edition.year, count: GroupedCount(edition.count), place: place)
            }
            diagnostics.append(
                Diagnostic(
                    .note, "file.several-editions",
                    Messages.Workflow.fileGivesSeveralEditions(
                        count: editions.count, listed: listed.dropFirst().reduce(listed[0]) { $0.appending("; ", $1) }),
                    hint: Messages.Workflow.fileIsUsuallyOneEdition(smallestYear: smallest.year),
                    at: smallest.first.lineLocation))
        }
        // Units without a value, edition by edition.
        for setID in staging.unitSetIDs.sorted() {
            guard let set = chosen.flatMap({ $0.dataSetID == setID ? $0 : nil }) ?? registry.unitSet(setID) else { continue }
            for year in staging.years.sorted() {
                let given = try staging.unitCodes(year: year, unitSetID: setID)
                guard !given.isEmpty, let file = try staging.firstFile(year: year, unitSetID: setID) else { continue }
                diagnostics += coverage(of: set, year: year, given: given, file: file)
            }
        }
        return diagnostics
    }

    /// The lines (or sheet rows) of `file` that give values of `years`, each once, in order.
    static func strayLines(_ staging: ObservationStaging, file: String, years: Set<Int>) throws -> [Int: [Int]] {
        var lines: [Int: [Int]] = [:]
        try staging.forEachBatch { (batch: [Observation]) throws(StorageError) in
            for observation in batch where years.contains(observation.year) && observation.provenance.file == file {
                if lines[observation.year]?.last != observation.provenance.line {
                    lines[observation.year, default: []].append(observation.provenance.line)
                }
            }
        }
        return lines.mapValues { Array(Set($0)).sorted() }
    }

    /// When the files give most units (at least half: a file meant to be whole, such as a filled
    /// national template), a warning for each unit they leave out (`--strict` makes it an error).
    /// Files that give a few (one province's own file) are partial by design and get nothing: a
    /// ranking of an edition with fewer than half the units says so itself.
    public static func coverage(of set: UnitSet, year: Int, given: Set<String>, file: String) -> [Diagnostic] {
        let missing = set.units.filter { !given.contains($0.code) }
        let present = set.units.count - missing.count
        guard !missing.isEmpty, present * 2 >= set.units.count else { return [] }
        let place = SourceLocation(file: file)
        let hint = Messages.Workflow.fillInItsRowsOr
        if missing.count <= namedUnits {
            return missing.map { unit in
                Diagnostic(
                    .warning, "coverage.unit-missing",
                    Messages.Workflow.noValuesForInThese(unitName: unit.name, unitCode: unit.code, year: year), hint: hint, at: place)
            }
        }
        let named = missing.prefix(namedUnits).map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        return [
            Diagnostic(
                .warning, "coverage.units-missing",
                Messages.Workflow.unitsMissingAndMore(
                    missing: missing.count, total: set.units.count, noun: set.unitNoun, year: year, named: named, more: missing.count - namedUnits),
                hint: Messages.Workflow.fillInTheirRowsOr,
                at: place)
        ]
    }
}

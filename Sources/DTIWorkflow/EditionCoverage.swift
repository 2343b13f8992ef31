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
                    let word = stray.first.sheet == nil ? ("line", "dòng") : ("row", "hàng")
                    let listed = places.prefix(10).map(String.init).joined(separator: ", ") + (places.count > 10 ? ", …" : "")
                    diagnostics.append(
                        Diagnostic(
                            .warning, "file.stray-edition",
                            Wording(
                                "\(stray.count) value\(stray.count == 1 ? " is" : "s are") for \(stray.year) in a file of \(largest.year) values (\(DiagnosticBudget.grouped(largest.count))): \(word.0)\(places.count == 1 ? "" : "s") \(listed)",
                                vi:
                                    "\(stray.count) giá trị thuộc năm \(stray.year) trong một tệp giá trị năm \(largest.year) (\(DiagnosticBudget.grouped(largest.count, separator: "."))): \(word.1) \(listed)"
                            ),
                            hint: Messages.Workflow.checkYearOfThoseRows(largestYear: largest.year),
                            at: stray.first.lineLocation))
                }
                if editions.count - strays.count < 2 { continue }
            }
            let listed = editions.map { edition in
                let place = edition.first.sheet == nil ? "line \(edition.first.line)" : "row \(edition.first.line)"
                return "\(edition.year): \(DiagnosticBudget.grouped(edition.count)) value\(edition.count == 1 ? "" : "s") (from \(place))"
            }
            let listedVI = editions.map { edition in
                let place = edition.first.sheet == nil ? "dòng \(edition.first.line)" : "hàng \(edition.first.line)"
                return "\(edition.year): \(DiagnosticBudget.grouped(edition.count, separator: ".")) giá trị (từ \(place))"
            }
            diagnostics.append(
                Diagnostic(
                    .note, "file.several-editions",
                    Wording(
                        "the file gives values for \(editions.count) editions: \(listed.joined(separator: "; "))",
                        vi: "tệp có giá trị của \(editions.count) kỳ đánh giá: \(listedVI.joined(separator: "; "))"),
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
                Wording(
                    "\(missing.count) of the \(set.units.count) units have no values for \(year) in these files: \(named) and \(missing.count - namedUnits) more",
                    vi:
                        "\(missing.count) trong \(set.units.count) \(set.unitNoun.text(.vi)) không có giá trị năm \(year) trong các tệp này: \(named) và \(missing.count - namedUnits) đơn vị khác"
                ),
                hint: Messages.Workflow.fillInTheirRowsOr,
                at: place)
        ]
    }
}

import DTICore

/// Reads `Indicators/editions.csv`: which framework and unit set each edition uses.
public enum EditionTableLoader {
    /// Parses `year,framework,unit_set,published`: one line per year (`oneYearPerLine`, the
    /// national editions), or one per year and unit set (`unit-set-editions.csv`).
    public static func load(_ text: String, file: String, oneYearPerLine: Bool = true) throws -> EditionTable {
        let table = try ReferenceTable(text, file: file, required: ["year", "framework", "unit_set"])
        var editions: [Edition] = []
        for row in table.rows {
            guard let year = Int(table.value("year", in: row)) else {
                throw IngestError.malformedTable(
                    file: file, line: row.line, detail: Messages.Ingest.tableYearNotWhole(year: table.value("year", in: row)))
            }
            if editions.contains(where: { $0.year == year && (oneYearPerLine || $0.unitSet == table.value("unit_set", in: row)) }) {
                throw IngestError.malformedTable(file: file, line: row.line, detail: Messages.Ingest.tableYearTwice(year: year))
            }
            let published = table.value("published", in: row)
            editions.append(
                Edition(
                    year: year, framework: table.value("framework", in: row), unitSet: table.value("unit_set", in: row),
                    published: published.isEmpty ? nil : published))
        }
        return EditionTable(editions)
    }
}

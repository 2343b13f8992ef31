import DTICore

/// A CSV reference table (units, regions, editions) read by column name.
///
/// Reference tables ship with the tool, so a problem in one is thrown rather than collected.
struct ReferenceTable {
    let file: String
    let columns: [String: Int]
    let rows: [CSVRecord]

    init(_ text: String, file: String, required: [String]) throws {
        let records: [CSVRecord]
        do {
            records = try CSVTable.parse(text).filter { !$0.isBlank }
        } catch {
            throw IngestError.malformedTable(file: file, line: error.line, detail: error.message)
        }
        guard let header = records.first else {
            throw IngestError.malformedTable(file: file, line: 1, detail: Messages.Ingest.tableEmpty)
        }
        var columns: [String: Int] = [:]
        for (index, field) in header.fields.enumerated() { columns[field.text.trimmingWhitespace()] = index }
        for name in required where columns[name] == nil {
            throw IngestError.malformedTable(file: file, line: header.line, detail: Messages.Ingest.tableMissingColumn(name: name))
        }
        self.file = file
        self.columns = columns
        self.rows = Array(records.dropFirst())
    }

    /// The trimmed cell of `column` in `row`, `""` when absent.
    func value(_ column: String, in row: CSVRecord) -> String {
        guard let index = columns[column], index < row.fields.count else { return "" }
        return row.fields[index].text.trimmingWhitespace()
    }
}

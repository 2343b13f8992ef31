import DTICore

/// Reads indicator values from CSV: parses the text (delimiter `,`, `;` or tab, taken from the
/// header line) and hands the rows to `TabularObservationReader`, which knows the layouts.
public enum CSVObservationReader {
    /// Reads `text` (the decoded contents of `file`).
    public static func read(_ text: String, file: String, sha256: String? = nil, context: IngestContext) -> IngestResult {
        let records: [CSVRecord]
        do {
            records = try CSVTable.parse(text, delimiter: CSVTable.detectDelimiter(in: text)).filter { !$0.isBlank }
        } catch {
            return IngestResult(diagnostics: [
                Diagnostic(.error, error.message, hint: error.hint, at: SourceLocation(file: file, line: error.line, column: error.column))
            ])
        }
        let rows = records.map { record in
            TableRow(line: record.line, cells: record.fields.map { SourceCell($0.text, line: $0.line, column: $0.column) })
        }
        return TabularObservationReader.read(rows, file: file, sha256: sha256, context: context)
    }
}

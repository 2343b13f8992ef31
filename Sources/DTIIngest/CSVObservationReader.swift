import DTICore

/// Reads indicator values from CSV: parses the text (delimiter `,`, `;` or tab, taken from the
/// header line) and hands the rows to `TabularObservationReader`'s table, which knows the layouts.
///
/// A file is read twice, a record at a time: first to check its text, fingerprint it, learn its
/// header and decide its decimal mark from all its value cells; then to check its values a batch
/// of rows at a time and hand them on. Memory holds a batch, never the file.
public enum CSVObservationReader {
    /// Reads `text` (the decoded contents of `file`) whole.
    public static func read(_ text: String, file: String, sha256: String? = nil, context: IngestContext) -> IngestResult {
        var result = IngestResult()
        do {
            result.diagnostics = try stream(
                ByteArraySource(Array(text.utf8)), file: file, sha256: sha256, fingerprint: false, context: context
            ) { result.observations += $0 }
        } catch {
            // An array source and this sink never fail.
        }
        return result
    }

    /// Reads the UTF-8 text `source` of `file`, gives the values that pass to `sink` a batch at a
    /// time, in file order, and returns every problem, in file order. The file's fingerprint is
    /// taken on the way unless `fingerprint` is false, when it is `sha256` (the fingerprint of
    /// bytes that were not these, as a UTF-16 file's). Throws only what the source or the sink throws.
    /// `fastPath` false reads even a plain long file with the full reader (tests compare the two).
    public static func stream<Source: ByteSource>(
        _ source: Source, file: String, sha256 knownSHA256: String? = nil, fingerprint: Bool = true, context: IngestContext,
        fastPath: Bool = true, sink: ([Observation]) throws -> Void
    ) throws -> [Diagnostic] {
        func located(_ error: CSVTable.SyntaxError) -> [Diagnostic] {
            [Diagnostic(.error, error.key, error.message, hint: error.hint, at: SourceLocation(file: file, line: error.line, column: error.column))]
        }

        // A plain long file (a national commune file) the fast way, when nothing in it needs the
        // full reader: the same values, and no diagnostics, from its bytes.
        var source = source
        if fingerprint, fastPath, let done = try PlainLongCSV.stream(&source, file: file, context: context, sink: sink) { return done }

        // First pass: text, fingerprint, header, decimal mark, row count.
        var checked = CheckedTextSource(source, file: file)
        var header: TableRow?
        var rowCount = 0
        var evidence = DecimalEvidence()
        var delimiter: UInt8
        do {
            var reader = CSVRecordReader(checked)
            var table: TabularObservationReader.Table?
            while let record = try reader.next() {
                guard !record.isBlank else { continue }
                let row = Self.row(record)
                if header == nil, Self.isTitleRow(record) { continue }
                guard header != nil else {
                    header = row
                    var scratch = DiagnosticBudget()
                    table = TabularObservationReader.table(header: row, rowCount: nil, file: file, context: context, budget: &scratch)
                    continue
                }
                rowCount += 1
                guard context.decimal == nil, let table else { continue }
                for raw in table.raws(of: row, report: { _, _, _, _, _, _ in }) { evidence.add(raw.value) }
            }
            delimiter = reader.delimiter
            checked = reader.source
        } catch let failure as TextDecoding.Failure {
            return [failure.diagnostic]
        } catch let error as CSVTable.SyntaxError {
            return located(error)
        }
        let sha256 = fingerprint ? checked.sha256 : knownSHA256

        var budget = DiagnosticBudget()
        guard
            let table = TabularObservationReader.table(header: header, rowCount: rowCount, file: file, context: context, budget: &budget)
        else {
            return TabularObservationReader.inFileOrder(budget.diagnostics)
        }

        // Second pass: the values, a batch at a time.
        var base = checked.base
        try base.rewind()
        var reader = CSVRecordReader(base, delimiter: delimiter)
        var builder = ObservationBuilder(file: file, sha256: sha256, context: context, mark: evidence.mark, isTemplate: table.isTemplate)
        var batch: [RawObservation] = []
        var headerPassed = false
        func flush() throws {
            let observations = builder.build(batch, budget: &budget)
            batch.removeAll(keepingCapacity: true)
            if !observations.isEmpty { try sink(observations) }
        }
        do {
            while let record = try reader.next() {
                guard !record.isBlank else { continue }
                guard headerPassed else {
                    if Self.isTitleRow(record) { continue }
                    headerPassed = true
                    continue
                }
                batch += table.raws(of: Self.row(record)) { severity, key, message, hint, line, column in
                    budget.add(Diagnostic(severity, key, message, hint: hint, at: SourceLocation(file: file, line: line, column: column)))
                }
                if batch.count >= TabularObservationReader.batchSize { try flush() }
            }
        } catch let error as CSVTable.SyntaxError {
            // The first pass read the same bytes without this error: the file changed in between.
            return located(error)
        }
        try flush()
        budget.add(contentsOf: builder.templateDiagnostics())
        return TabularObservationReader.inFileOrder(budget.diagnostics)
    }

    /// A row above the header that only a spreadsheet's title makes: text in its first cell and
    /// every other cell empty (`dti template`'s workbook saved as CSV has two). No header is one.
    static func isTitleRow(_ record: CSVRecord) -> Bool {
        record.fields.count >= 2 && !record.fields[0].text.trimmingWhitespace().isEmpty
            && record.fields.dropFirst().allSatisfy { $0.text.trimmingWhitespace().isEmpty }
    }

    private static func row(_ record: CSVRecord) -> TableRow {
        TableRow(line: record.line, cells: record.fields.map { SourceCell($0.text, line: $0.line, column: $0.column) })
    }
}

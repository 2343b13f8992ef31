import DTICore

/// Reads the long CSV format (`province,year,indicator,value[,source,note,status]`): one value per
/// row, as documented in Documentation/DataFormats.md.
///
/// Every row is checked and every problem is returned with its line and column; rows with
/// errors are left out of the observations.
public enum LongCSVReader {
    /// The columns the format knows.
    public enum Column: String, CaseIterable, Sendable {
        case province, year, indicator, value, source, note, status
    }

    /// Reads `text` (the contents of `file`).
    public static func read(_ text: String, file: String, context: IngestContext) -> IngestResult {
        var result = IngestResult()
        func report(_ severity: Diagnostic.Severity, _ message: String, hint: String? = nil, line: Int?, column: Int? = nil) {
            result.diagnostics.append(Diagnostic(severity, message, hint: hint, at: SourceLocation(file: file, line: line, column: column)))
        }

        let records: [CSVRecord]
        do {
            records = try CSVTable.parse(text).filter { !$0.isBlank }
        } catch {
            report(.error, error.message, hint: "close the quote with \"", line: error.line, column: error.column)
            return result
        }
        guard let header = records.first else {
            report(.error, "the file has no header", hint: "start with the line province,year,indicator,value", line: nil)
            return result
        }
        guard let columns = readHeader(header, file: file, hasYearOption: context.year != nil, into: &result.diagnostics) else {
            return result
        }

        var matchers: [String: UnitMatcher] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                report(
                    .error, "this row has \(record.fields.count) cells but the header has \(header.fields.count)",
                    hint: "check for a missing or extra '\(",")' or an unquoted comma in a name", line: record.line)
                continue
            }
            func cell(_ column: Column) -> CSVField? { columns[column].map { record.fields[$0] } }
            func text(_ column: Column) -> String { cell(column)?.text.trimmingWhitespace() ?? "" }

            // Edition.
            let year: Int
            if let yearCell = cell(.year) {
                guard let parsed = Int(text(.year)) else {
                    report(.error, "year '\(text(.year))' is not a whole number", hint: "write the edition year, e.g. 2022", line: yearCell.line, column: yearCell.column)
                    continue
                }
                if let expected = context.year, parsed != expected {
                    report(.error, "year \(parsed) differs from --year \(expected)", hint: "fix the row or drop --year", line: yearCell.line, column: yearCell.column)
                    continue
                }
                year = parsed
            } else if let expected = context.year {
                year = expected
            } else {
                continue
            }
            let yearPlace = cell(.year) ?? record.fields[0]
            guard let edition = try? context.editions.edition(for: year),
                let catalogue = context.catalogues[edition.framework],
                let unitSet = context.registry.unitSet(edition.unitSet)
            else {
                let known = context.editions.editions.map { String($0.year) }.joined(separator: ", ")
                report(.error, "no DTI framework is known for the year \(year)", hint: "editions with a framework: \(known)", line: yearPlace.line, column: yearPlace.column)
                continue
            }

            // Unit.
            let provinceCell = cell(.province) ?? record.fields[0]
            let matcher = matchers[unitSet.id] ?? UnitMatcher(unitSet)
            matchers[unitSet.id] = matcher
            let unit: AdministrativeUnit
            switch matcher.match(text(.province)) {
            case let .success(found):
                unit = found
            case let .failure(failure):
                report(.error, "\(failure)", line: provinceCell.line, column: provinceCell.column)
                continue
            }

            // Entry.
            let indicatorCell = cell(.indicator) ?? record.fields[0]
            let indicatorID = text(.indicator)
            guard let entry = catalogue.node(indicatorID) ?? catalogue.node(indicatorID.lowercased()) else {
                let suggestions = EditDistance.closest(to: indicatorID.lowercased(), among: catalogue.reportableNodes.map(\.id))
                report(
                    .error, "unknown indicator '\(indicatorID)' for \(year) (framework \(catalogue.framework))",
                    hint: suggestions.isEmpty ? "run 'dti catalogue --year \(year)' for the ids" : "did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?",
                    line: indicatorCell.line, column: indicatorCell.column)
                continue
            }
            if entry.kind == .index {
                report(
                    .error, "'\(entry.id)' is computed from the indicators and cannot be given",
                    hint: "give the main-indicator values instead", line: indicatorCell.line, column: indicatorCell.column)
                continue
            }

            // Value.
            let valueCell = cell(.value) ?? record.fields[0]
            let valueText = text(.value)
            if valueText.isEmpty {
                report(.note, "no value for \(entry.id) of \(unit.name): left missing (it will earn 0 points and be flagged)", line: valueCell.line, column: valueCell.column)
                continue
            }
            guard let value = PlainNumber.parse(valueText) else {
                let hint = valueText.contains(",") ? "the long format uses '.' as the decimal point, e.g. 0.8253" : "write a number such as 0.8253"
                report(.error, "value '\(valueText)' is not a number", hint: hint, line: valueCell.line, column: valueCell.column)
                continue
            }
            guard (0...1).contains(value) else {
                report(
                    .error, "value \(valueText) for \(entry.id) is outside [0, 1]",
                    hint: "give the share of maximum points (points ÷ \(formatPoints(entry.points))), not the points", line: valueCell.line, column: valueCell.column)
                continue
            }

            // Provenance.
            var status: DataStatus?
            if let statusCell = cell(.status), !text(.status).isEmpty {
                guard let parsed = DataStatus(rawValue: text(.status).lowercased()) else {
                    report(.error, "status '\(text(.status))' is not one of official, provisional, synthetic", line: statusCell.line, column: statusCell.column)
                    continue
                }
                status = parsed
            }
            let source = text(.source)
            let note = text(.note)
            result.observations.append(Observation(
                year: year, unitCode: unit.code, indicatorID: entry.id, value: value,
                provenance: Provenance(
                    file: file, line: record.line, source: source.isEmpty ? nil : source, note: note.isEmpty ? nil : note,
                    status: status)))
        }
        return result
    }

    private static func readHeader(
        _ header: CSVRecord, file: String, hasYearOption: Bool, into diagnostics: inout [Diagnostic]
    ) -> [Column: Int]? {
        var columns: [Column: Int] = [:]
        var isUsable = true
        for (index, field) in header.fields.enumerated() {
            let name = field.text.trimmingWhitespace().lowercased()
            let location = SourceLocation(file: file, line: field.line, column: field.column)
            guard let column = Column(rawValue: name) else {
                let suggestions = EditDistance.closest(to: name, among: Column.allCases.map(\.rawValue))
                diagnostics.append(Diagnostic(
                    .warning, "column '\(field.text)' is not part of the format and is ignored",
                    hint: suggestions.first.map { "did you mean '\($0)'?" }, at: location))
                continue
            }
            if columns[column] != nil {
                diagnostics.append(Diagnostic(.error, "column '\(name)' appears twice", at: location))
                isUsable = false
            }
            columns[column] = index
        }
        var required: [Column] = [.province, .indicator, .value]
        if !hasYearOption { required.insert(.year, at: 1) }
        for column in required where columns[column] == nil {
            diagnostics.append(Diagnostic(
                .error, "the header has no '\(column.rawValue)' column",
                hint: column == .year ? "add it, or give the edition with --year" : "the header must be province,year,indicator,value",
                at: SourceLocation(file: file, line: header.line, column: 1)))
            isUsable = false
        }
        return isUsable ? columns : nil
    }

    private static func formatPoints(_ points: Double) -> String {
        points == points.rounded() ? String(Int(points)) : String(points)
    }
}

/// Plain decimal numbers only: digits, an optional `.` fraction and exponent. Rejects `nan`,
/// `inf`, hexadecimal and locale forms that `Double(_:)` would otherwise accept or misread.
public enum PlainNumber {
    /// The value of `text`, or `nil` when it is not a plain finite number.
    public static func parse(_ text: String) -> Double? {
        var sawDigit = false
        var index = text.startIndex
        func advance(while predicate: (Character) -> Bool) {
            while index < text.endIndex, predicate(text[index]) {
                if text[index].isASCIIDigit { sawDigit = true }
                index = text.index(after: index)
            }
        }
        if index < text.endIndex, text[index] == "-" || text[index] == "+" { index = text.index(after: index) }
        advance(while: \.isASCIIDigit)
        if index < text.endIndex, text[index] == "." {
            index = text.index(after: index)
            advance(while: \.isASCIIDigit)
        }
        guard sawDigit else { return nil }
        if index < text.endIndex, text[index] == "e" || text[index] == "E" {
            index = text.index(after: index)
            if index < text.endIndex, text[index] == "-" || text[index] == "+" { index = text.index(after: index) }
            let exponentStart = index
            advance(while: \.isASCIIDigit)
            guard index > exponentStart else { return nil }
        }
        guard index == text.endIndex, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

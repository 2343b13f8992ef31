import DTICore

/// One field of a CSV file, with where it starts (1-based line and column, in characters).
public struct CSVField: Sendable, Hashable {
    /// The unquoted text.
    public var text: String
    /// Line where the field starts.
    public var line: Int
    /// Column where the field starts.
    public var column: Int
}

/// One record (row) of a CSV file.
public struct CSVRecord: Sendable, Hashable {
    /// Line where the record starts.
    public var line: Int
    /// The fields in order.
    public var fields: [CSVField]

    /// Whether every field is empty (a blank line, or a row of empty cells as Excel writes).
    public var isBlank: Bool { fields.allSatisfy { $0.text.trimmingWhitespace().isEmpty } }
}

/// An RFC 4180 CSV reader that remembers where every field is, so diagnostics can point at a cell.
///
/// Accepts a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with doubled quotes,
/// delimiters and line breaks inside quotes. Lines starting with `#` before the header are comments
/// (used to mark sample files as synthetic); after the header every line is data, so a cell such as
/// Excel's `#N/A` is read and judged, never skipped. A quote inside an unquoted field, or text after
/// a closing quote, is an error rather than a silently joined value.
public enum CSVTable {
    /// A structural problem that makes the rest of the file unreadable.
    public struct SyntaxError: Error, Sendable, Hashable {
        /// What is wrong.
        public var message: String
        /// Where.
        public var line: Int
        /// Column.
        public var column: Int
        /// How to fix it.
        public var hint: String = "close the quote with \""
    }

    /// The delimiter of the first record that is not a comment: whichever of `,` `;` and tab
    /// appears most outside quotes (`,` when none does).
    public static func detectDelimiter(in text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        var atLineStart = true
        var inComment = false
        for character in text {
            if atLineStart {
                atLineStart = false
                inComment = character == "#"
            }
            if character == "\n" || character == "\r\n" || character == "\r" {
                if !inQuotes {
                    if !inComment, counts.values.contains(where: { $0 > 0 }) { break }
                    atLineStart = true
                    continue
                }
            }
            if inComment { continue }
            if character == "\"" { inQuotes.toggle() }
            if !inQuotes, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        let best = counts.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key != "," }
        return best.map { $0.value > 0 ? $0.key : "," } ?? ","
    }

    /// The longest cell read, in characters: no value, name or note comes near it, and a file with
    /// such a cell is not a table of values (a 10 MB line, a binary file that happens to decode).
    public static let maxFieldCharacters = 65_536
    /// The most cells in one row (as many columns as a spreadsheet has).
    public static let maxFields = 16_384

    private static func tooLong(line: Int, column: Int) -> SyntaxError {
        SyntaxError(
            message: "a cell longer than \(maxFieldCharacters) characters, more than dti reads", line: line, column: column,
            hint: "this is not a table of values: check that this is the file you meant")
    }

    /// The records of `text`, or the first syntax error (an unterminated quote, a cell or row
    /// beyond the limits).
    public static func parse(_ text: String, delimiter: Character = ",") throws(SyntaxError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [CSVField] = []
        var field = ""
        var fieldLength = 0
        var fieldLine = 1
        var fieldColumn = 1
        var recordLine = 1
        var line = 1
        var column = 1
        var inQuotes = false
        var quoteOpenedAt = (line: 1, column: 1)
        var atRecordStart = true
        var inComment = false
        var headerSeen = false
        var afterClosingQuote = false

        var characters = text.makeIterator()
        var pending: Character? = nil
        if text.first == "\u{FEFF}" { _ = characters.next() }

        func endField() throws(SyntaxError) {
            guard fields.count < maxFields else {
                throw SyntaxError(
                    message: "this row has more than \(maxFields) cells, more than dti reads", line: fieldLine, column: fieldColumn,
                    hint: "check the delimiter; DTI data have a few dozen columns")
            }
            fields.append(CSVField(text: field, line: fieldLine, column: fieldColumn))
            field = ""
            fieldLength = 0
        }
        func endRecord() throws(SyntaxError) {
            try endField()
            let record = CSVRecord(line: recordLine, fields: fields)
            if !record.isBlank { headerSeen = true }
            records.append(record)
            fields = []
            afterClosingQuote = false
        }

        while let character = pending ?? characters.next() {
            pending = nil
            if inComment {
                if character == "\n" || character == "\r\n" || character == "\r" {
                    inComment = false
                    atRecordStart = true
                    line += 1
                    column = 1
                }
                continue
            }
            if atRecordStart {
                atRecordStart = false
                recordLine = line
                fieldLine = line
                fieldColumn = column
                if character == "#", !headerSeen {
                    inComment = true
                    continue
                }
            }
            if inQuotes {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                    column += 1
                    pending = next
                    continue
                }
                field.append(character)
                fieldLength += 1
                if fieldLength > maxFieldCharacters { throw tooLong(line: fieldLine, column: fieldColumn) }
                if character == "\n" || character == "\r\n" || character == "\r" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            }
            switch character {
            case "\"" where !afterClosingQuote && field.allSatisfy(\.isSpaceOrTab):
                // Spaces before an opening quote (`a, "b"`) are layout, not part of the value.
                field = ""
                inQuotes = true
                quoteOpenedAt = (line, column)
                column += 1
            case "\"" where !afterClosingQuote:
                throw SyntaxError(
                    message: "a quote (\") inside an unquoted field", line: line, column: column,
                    hint: "put the whole field in quotes and double the quotes inside it, e.g. \"Bắc \"\"Ninh\"\"\"")
            case delimiter:
                try endField()
                afterClosingQuote = false
                column += 1
                fieldLine = line
                fieldColumn = column
            case "\n", "\r\n", "\r":
                try endRecord()
                line += 1
                column = 1
                atRecordStart = true
            default:
                if afterClosingQuote {
                    // Spaces after a closing quote are layout; anything else would be joined silently.
                    if character.isSpaceOrTab {
                        column += 1
                        continue
                    }
                    throw SyntaxError(
                        message: "text after the closing quote of a field", line: line, column: column,
                        hint: "put the whole field in quotes and double the quotes inside it, e.g. \"Bắc \"\"Ninh\"\"\"")
                }
                field.append(character)
                fieldLength += 1
                if fieldLength > maxFieldCharacters { throw tooLong(line: fieldLine, column: fieldColumn) }
                column += 1
            }
        }
        if inQuotes {
            throw SyntaxError(
                message: "a quoted field is never closed", line: quoteOpenedAt.line, column: quoteOpenedAt.column)
        }
        if !atRecordStart && !inComment { try endRecord() }
        return records
    }
}

extension Character {
    /// A space or a tab: layout around quoted CSV fields.
    fileprivate var isSpaceOrTab: Bool { self == " " || self == "\t" }
}

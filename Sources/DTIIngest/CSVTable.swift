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

/// An RFC 4180 CSV dialect that remembers where every field is, so diagnostics can point at a cell.
///
/// Accepts a UTF-8 byte-order mark, CRLF, LF or CR line ends, quoted fields with doubled quotes,
/// delimiters and line breaks inside quotes. Lines starting with `#` before the header are comments
/// (used to mark sample files as synthetic); after the header every line is data, so a cell such as
/// Excel's `#N/A` is read and judged, never skipped. A quote inside an unquoted field, or text after
/// a closing quote, is an error rather than a silently joined value. `CSVRecordReader` reads it a
/// record at a time; `parse` reads a whole text.
public enum CSVTable {
    /// A structural problem that makes the rest of the file unreadable.
    public struct SyntaxError: Error, Sendable, Hashable {
        /// The kind of problem (`csv.…`).
        public var key: String
        /// What is wrong.
        public var message: Wording
        /// Where.
        public var line: Int
        /// Column.
        public var column: Int
        /// How to fix it.
        public var hint: Wording = Messages.Ingest.closeQuoteWith
    }

    /// The longest cell read, in characters: no value, name or note comes near it, and a file with
    /// such a cell is not a table of values (a 10 MB line, a binary file that happens to decode).
    public static let maxFieldCharacters = 65_536
    /// The most cells in one row (as many columns as a spreadsheet has).
    public static let maxFields = 16_384

    /// The records of `text`, or the first syntax error (an unterminated quote, a cell or row
    /// beyond the limits).
    public static func parse(_ text: String, delimiter: Character = ",") throws(SyntaxError) -> [CSVRecord] {
        var reader = CSVRecordReader(ByteArraySource(Array(text.utf8)), delimiter: delimiter.asciiValue ?? UInt8(ascii: ","))
        var records: [CSVRecord] = []
        do {
            while let record = try reader.next() { records.append(record) }
        } catch let error as SyntaxError {
            throw error
        } catch {
            // An array source never fails.
        }
        return records
    }
}

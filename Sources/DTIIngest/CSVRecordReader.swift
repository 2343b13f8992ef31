import DTICore

/// Reads CSV records one at a time from a `ByteSource`, holding only the bytes of the record being
/// read (and the rest of the chunk it came in), so a file of millions of rows is read in bounded
/// memory. The dialect is `CSVTable`'s.
///
/// Works on UTF-8 bytes, which are checked before they get here (`TextCheck`); columns are
/// counted in characters, as an editor shows them.
public struct CSVRecordReader<Source: ByteSource> {
    /// The source, as far as it has been read.
    public private(set) var source: Source
    private var buffer: [UInt8] = []
    /// The first byte of `buffer` not yet read as a record.
    private var start = 0
    private var sourceEnded = false
    /// The line `buffer[start]` is on.
    private var line = 1
    private var headerSeen = false
    private var started = false
    private let chunkSize: Int
    /// The field delimiter, decided from the first record when not given.
    public private(set) var delimiter: UInt8

    /// A reader of `source`; the delimiter is `,` `;` or tab, whichever the first record that is not
    /// a comment uses most outside quotes, unless `delimiter` is given.
    /// `chunkSize` is how many bytes are asked of the source at a time.
    public init(_ source: Source, delimiter: UInt8? = nil, chunkSize: Int = 1 << 20) {
        self.source = source
        self.delimiter = delimiter ?? 0
        self.chunkSize = max(chunkSize, 4)
    }

    /// The next record (blank ones included), or `nil` at the end. Throws `CSVTable.SyntaxError`,
    /// or what the source throws.
    public mutating func next() throws -> CSVRecord? {
        if !started { try begin() }
        while true {
            if start >= buffer.count {
                if sourceEnded { return nil }
                try fill(atLeast: chunkSize)
                continue
            }
            let scanned = try buffer.withUnsafeBufferPointer { bytes in
                try Self.scan(
                    bytes, from: start, line: line, isEnd: sourceEnded, delimiter: delimiter, commentsAllowed: !headerSeen)
            }
            guard let scanned else {
                // The record goes past what is buffered: read as much again, so a long record is
                // scanned a bounded number of times, not once per chunk.
                try fill(atLeast: max(chunkSize, buffer.count - start))
                continue
            }
            start = scanned.end
            line = scanned.nextLine
            guard let record = scanned.record else { continue }
            if !record.isBlank { headerSeen = true }
            return record
        }
    }

    /// Reads the first chunk, passes a byte-order mark and decides the delimiter.
    private mutating func begin() throws {
        started = true
        while buffer.count < 3, !sourceEnded { try fill(atLeast: chunkSize) }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard delimiter == 0 else { return }
        // The first record that is not a comment decides; a first line of megabytes decides from
        // what the first 4 MiB show.
        while !sourceEnded, buffer.count < 4 << 20, Self.detectDelimiter(buffer[start...]) == nil {
            try fill(atLeast: max(chunkSize, buffer.count))
        }
        delimiter = Self.detectDelimiter(buffer[start...]) ?? Self.delimiterFromCounts(buffer[start...])
    }

    /// Appends at least `count` more bytes (fewer at the end), first dropping those already read.
    private mutating func fill(atLeast count: Int) throws {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        var wanted = count
        while wanted > 0 {
            let read = try source.read(into: &buffer, maximum: wanted)
            if read == 0 {
                sourceEnded = true
                return
            }
            wanted -= read
        }
    }

    // MARK: - Delimiter

    private static var candidates: [UInt8] { [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")] }

    /// The delimiter of the first line outside a comment with any candidate on it, or `nil` if no
    /// such line ends within `bytes`.
    static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8? {
        var counts = [0, 0, 0]
        var inQuotes = false
        var atLineStart = true
        var inComment = false
        for byte in bytes {
            if atLineStart {
                atLineStart = false
                inComment = byte == UInt8(ascii: "#")
            }
            if byte == 0x0A || byte == 0x0D, !inQuotes {
                if !inComment, counts.contains(where: { $0 > 0 }) { return best(counts) }
                atLineStart = true
                continue
            }
            if inComment { continue }
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes, let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        return nil
    }

    /// The delimiter from what `bytes` hold when no line of it ends: `,` unless `;` or tab appear more.
    static func delimiterFromCounts(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts = [0, 0, 0]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes, let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        return best(counts)
    }

    private static func best(_ counts: [Int]) -> UInt8 {
        // Ties go to the comma.
        var bestIndex = 0
        for index in 1..<counts.count where counts[index] > counts[bestIndex] { bestIndex = index }
        return candidates[bestIndex]
    }

    // MARK: - Scanning

    /// What scanning from a record's start found.
    struct Scanned {
        /// The record, or `nil` for a comment line.
        var record: CSVRecord?
        /// The first byte after it (and its line end).
        var end: Int
        /// The line that byte is on.
        var nextLine: Int
    }

    /// Scans one record (or comment line) starting at `from`; `nil` when it does not end within
    /// `bytes` and more may come (`isEnd` false).
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, line startLine: Int, isEnd: Bool, delimiter: UInt8, commentsAllowed: Bool
    ) throws(CSVTable.SyntaxError) -> Scanned? {
        let count = bytes.count
        let quote = UInt8(ascii: "\"")
        let newline: UInt8 = 0x0A
        let carriageReturn: UInt8 = 0x0D
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        func isLayout(_ byte: UInt8) -> Bool { (byte == space || byte == tab) && byte != delimiter }

        var line = startLine
        var columns = ColumnCounter(lineStart: from)

        /// After a line end at `index` (CR, LF or CRLF): the next byte, or `nil` when a CR ends the
        /// buffer and an LF may follow.
        func afterLineEnd(_ index: Int) -> Int? {
            guard bytes[index] == carriageReturn else { return index + 1 }
            if index + 1 < count { return bytes[index + 1] == newline ? index + 2 : index + 1 }
            return isEnd ? index + 1 : nil
        }

        if commentsAllowed, from < count, bytes[from] == UInt8(ascii: "#") {
            var index = from
            while index < count, bytes[index] != newline, bytes[index] != carriageReturn { index += 1 }
            if index == count { return isEnd ? Scanned(record: nil, end: count, nextLine: line) : nil }
            guard let next = afterLineEnd(index) else { return nil }
            return Scanned(record: nil, end: next, nextLine: line + 1)
        }

        var fields: [CSVField] = []
        var index = from
        while true {
            // One field starts at `index`.
            let fieldLine = line
            let fieldColumn = columns.column(at: index, in: bytes)
            guard fields.count < CSVTable.maxFields else {
                throw CSVTable.SyntaxError(
                    key: "csv.too-many-cells",
                    message: Messages.Ingest.thisRowHasMoreThan(maxFields: CSVTable.maxFields), line: fieldLine,
                    column: fieldColumn,
                    hint: Messages.Ingest.checkDelimiterDTIDataHave)
            }
            var probe = index
            while probe < count, isLayout(bytes[probe]) { probe += 1 }
            var text: String
            var stop: Int
            if probe < count, bytes[probe] == quote {
                let openedAt = (line: line, column: columns.column(at: probe, in: bytes))
                var unquoted: [UInt8] = []
                var characters = 0
                var cursor = probe + 1
                scanning: while true {
                    guard cursor < count else {
                        if isEnd {
                            throw CSVTable.SyntaxError(
                                key: "csv.unclosed-quote",
                                message: Messages.Ingest.quotedFieldIsNeverClosed,
                                line: openedAt.line, column: openedAt.column)
                        }
                        return nil
                    }
                    let byte = bytes[cursor]
                    if byte == quote {
                        guard cursor + 1 < count else {
                            if isEnd {
                                cursor += 1
                                break scanning
                            }
                            return nil
                        }
                        if bytes[cursor + 1] == quote {
                            unquoted.append(quote)
                            characters += 1
                            cursor += 2
                            continue
                        }
                        cursor += 1
                        break scanning
                    }
                    if byte == newline || byte == carriageReturn {
                        guard let next = afterLineEnd(cursor) else { return nil }
                        unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<next]))
                        characters += 1
                        line += 1
                        columns = ColumnCounter(lineStart: next)
                        cursor = next
                    } else {
                        unquoted.append(byte)
                        if byte & 0xC0 != 0x80 { characters += 1 }
                        cursor += 1
                    }
                    if characters > CSVTable.maxFieldCharacters { throw tooLong(line: fieldLine, column: fieldColumn) }
                }
                // Spaces after the closing quote are layout; anything else would be joined silently.
                while cursor < count, isLayout(bytes[cursor]) { cursor += 1 }
                if cursor < count, bytes[cursor] != delimiter, bytes[cursor] != newline, bytes[cursor] != carriageReturn {
                    throw CSVTable.SyntaxError(
                        key: "csv.text-after-quote",
                        message: Messages.Ingest.textAfterClosingQuoteOf, line: line,
                        column: columns.column(at: cursor, in: bytes),
                        hint: Messages.Ingest.putWholeFieldInQuotes)
                }
                if cursor == count, !isEnd { return nil }
                text = String(decoding: unquoted, as: UTF8.self)
                stop = cursor
            } else {
                var cursor = index
                var characters = 0
                while cursor < count {
                    let byte = bytes[cursor]
                    if byte == delimiter || byte == newline || byte == carriageReturn { break }
                    if byte == quote {
                        throw CSVTable.SyntaxError(
                            key: "csv.stray-quote",
                            message: Messages.Ingest.quoteInsideUnquotedField,
                            line: line, column: columns.column(at: cursor, in: bytes),
                            hint: Messages.Ingest.putWholeFieldInQuotes)
                    }
                    if byte & 0xC0 != 0x80 {
                        characters += 1
                        if characters > CSVTable.maxFieldCharacters { throw tooLong(line: fieldLine, column: fieldColumn) }
                    }
                    cursor += 1
                }
                if cursor == count, !isEnd { return nil }
                text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<cursor]), as: UTF8.self)
                stop = cursor
            }
            fields.append(CSVField(text: text, line: fieldLine, column: fieldColumn))
            if stop == count {
                return Scanned(record: CSVRecord(line: startLine, fields: fields), end: count, nextLine: line)
            }
            if bytes[stop] == delimiter {
                index = stop + 1
                continue
            }
            guard let next = afterLineEnd(stop) else { return nil }
            return Scanned(record: CSVRecord(line: startLine, fields: fields), end: next, nextLine: line + 1)
        }
    }

    private static func tooLong(line: Int, column: Int) -> CSVTable.SyntaxError {
        CSVTable.SyntaxError(
            key: "csv.cell-too-long",
            message: Messages.Ingest.cellLongerThanCharactersMore(maxFieldCharacters: CSVTable.maxFieldCharacters), line: line, column: column,
            hint: Messages.Ingest.thisIsNotTableOf)
    }
}

/// Counts columns in characters along one line, from where it was last asked, so that a line of
/// many fields is counted once, not once per field.
struct ColumnCounter {
    private var index: Int
    private var column = 1

    init(lineStart: Int) {
        index = lineStart
    }

    /// The 1-based column of the byte at `target` (at or after the last one asked).
    mutating func column(at target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard target > index else { return column }
        let segment = UnsafeBufferPointer(rebasing: bytes[index..<target])
        if segment.allSatisfy({ $0 < 0x80 }) {
            column += segment.count
        } else {
            column += String(decoding: segment, as: UTF8.self).count
        }
        index = target
        return column
    }
}

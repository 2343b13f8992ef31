import DTICore

/// Bytes → text for data files: UTF-8 with or without a byte-order mark, and UTF-16 with a
/// byte-order mark (what Excel writes as "Unicode text"). Anything else is refused with the place
/// of the first bad byte rather than read as mojibake.
public enum TextDecoding {
    /// The encoding found.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
    }

    /// Decoded text and the encoding it was in.
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: Encoding
    }

    /// Why a file could not be decoded, as a diagnostic naming the place.
    public struct Failure: Error, Sendable {
        public var diagnostic: Diagnostic
    }

    /// The text of `bytes`, or a diagnostic naming the first undecodable place of `file`.
    /// A NUL character is refused: no text file holds one, and C-string APIs (SQLite's, the
    /// The error of a NUL character at `place`: the file is binary or damaged.
    static func nulCharacter(at place: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "text.nul",
            Messages.Ingest.fileHoldsNULCharacterSo,
            hint: Messages.Ingest.saveItAgainAsCSV,
            at: place)
    }

    /// The error of the first byte at `place` that is not UTF-8.
    static func notUTF8(at place: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "text.not-utf8",
            Messages.Ingest.fileIsNotValidUTF,
            hint: Messages.Ingest.saveItAsUTF8,
            at: place)
    }

    /// terminal's) would silently cut a value at it.
    public static func decode(_ bytes: [UInt8], file: String) -> Result<Decoded, Failure> {
        switch decodeAnyText(bytes, file: file) {
        case let .success(decoded):
            if let place = firstNUL(in: decoded.text) {
                return .failure(Failure(diagnostic: nulCharacter(at: SourceLocation(file: file, line: place.line, column: place.column))))
            }
            return .success(decoded)
        case let .failure(failure):
            return .failure(failure)
        }
    }

    /// Line and column of the first NUL, if any.
    static func firstNUL(in text: String) -> (line: Int, column: Int)? {
        guard text.utf8.contains(0) else { return nil }
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\0" { return (line, column) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    private static func decodeAnyText(_ bytes: [UInt8], file: String) -> Result<Decoded, Failure> {
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false, file: file) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true, file: file) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return .success(Decoded(text: text, encoding: .utf8)) }
        // Find the first bad byte for the message: decode the longest valid prefix line by line.
        var line = 1
        var column = 1
        var iterator = body.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        return .failure(Failure(diagnostic: notUTF8(at: SourceLocation(file: file, line: line, column: column))))
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, file: String) -> Result<Decoded, Failure> {
        guard bytes.count % 2 == 0 else {
            return .failure(
                Failure(
                    diagnostic: Diagnostic(
                        .error, "text.utf16-odd",
                        Messages.Ingest.fileStartsWithUTF16,
                        hint: Messages.Ingest.fileIsTruncatedOrNot,
                        at: SourceLocation(file: file))))
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            return .failure(
                Failure(
                    diagnostic: Diagnostic(
                        .error, "text.utf16-invalid",
                        Messages.Ingest.fileHasUTF16Byte,
                        hint: Messages.Ingest.saveItAgainAsUnicode,
                        at: SourceLocation(file: file))))
        }
        return .success(Decoded(text: text, encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian))
    }
}

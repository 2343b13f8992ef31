import DTICore

/// A `ByteSource` of UTF-8 text that checks the bytes as they pass: valid UTF-8, no NUL, and the
/// file's SHA-256, so a file read in chunks is checked and fingerprinted in one pass without being
/// held whole. A problem is thrown as `TextDecoding.Failure`, naming the line and column (in
/// characters) of the first bad byte, as `TextDecoding.decode` names it for a whole file.
public struct CheckedTextSource<Base: ByteSource>: ByteSource {
    /// The source checked.
    public private(set) var base: Base
    private let file: String
    private var hasher = SHA256()
    /// Bytes of a character cut by the end of the last chunk.
    private var carry: [UInt8] = []
    private var line = 1
    private var column = 1
    private var atStart = true
    private var ended = false

    /// Checks the text of `file` read from `base`.
    public init(_ base: Base, file: String) {
        self.base = base
        self.file = file
    }

    /// The SHA-256 of every byte read, once the source has been read to its end.
    public var sha256: String? { ended ? hasher.hexDigest() : nil }

    public mutating func read(into buffer: inout [UInt8], maximum: Int) throws -> Int {
        let before = buffer.count
        let count = try base.read(into: &buffer, maximum: maximum)
        guard count > 0 else {
            if !carry.isEmpty { throw failure(at: (line, column)) }
            ended = true
            return 0
        }
        hasher.update(buffer[before...])
        var bytes = carry
        bytes += buffer[before...]
        if atStart {
            atStart = false
            // A byte-order mark is not a character of the first line.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        }
        carry = try check(bytes)
        return count
    }

    public mutating func rewind() throws {
        try base.rewind()
        self = CheckedTextSource(base, file: file)
    }

    /// Checks `bytes` and returns the tail of a character they cut off.
    private mutating func check(_ bytes: [UInt8]) throws -> [UInt8] {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 {
                    throw TextDecoding.Failure(diagnostic: TextDecoding.nulCharacter(at: SourceLocation(file: file, line: line, column: column)))
                }
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
                continue
            }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                secondRange = 0xA0...0xBF
            case 0xED:
                length = 3
                secondRange = 0x80...0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0:
                length = 4
                secondRange = 0x90...0xBF
            case 0xF4:
                length = 4
                secondRange = 0x80...0x8F
            case 0xF1...0xF3: length = 4
            default: throw failure(at: (line, column))
            }
            let available = min(length, count - index)
            for offset in 1..<max(available, 1) {
                let next = bytes[index + offset]
                let valid = offset == 1 ? secondRange.contains(next) : (0x80...0xBF).contains(next)
                if !valid { throw failure(at: (line, column)) }
            }
            if available < length { return Array(bytes[index...]) }
            column += 1
            index += length
        }
        return []
    }

    private func failure(at place: (line: Int, column: Int)) -> TextDecoding.Failure {
        TextDecoding.Failure(diagnostic: TextDecoding.notUTF8(at: SourceLocation(file: file, line: place.line, column: place.column)))
    }
}

import DTICore

/// A small JSON parser for the reference data's map files (GeoJSON), so that DTIIngest stays free
/// of Foundation. Numbers are read as `Double`; errors carry the line and column.
public enum JSONNode: Sendable, Equatable {
    case object([(String, JSONNode)])
    case array([JSONNode])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public static func == (a: JSONNode, b: JSONNode) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(x), .array(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.bool(x), .bool(y)): x == y
        case (.null, .null): true
        default: false
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONNode? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var string: String? { if case let .string(text) = self { text } else { nil } }
    public var number: Double? { if case let .number(value) = self { value } else { nil } }
    public var array: [JSONNode]? { if case let .array(items) = self { items } else { nil } }
}

/// Parses JSON text (RFC 8259) into a `JSONNode`.
public struct JSONReader {
    private let bytes: [UInt8]
    private var index = 0
    private let file: String
    /// Nesting deeper than this is refused rather than risking the stack.
    static let maximumDepth = 64

    public static func parse(_ text: String, file: String) throws -> JSONNode {
        var reader = JSONReader(bytes: Array(text.utf8), file: file)
        reader.skipSpace()
        let node = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == reader.bytes.count else { throw reader.error(Messages.Ingest.jsonTextAfterEnd) }
        return node
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func error(_ detail: Wording) -> IngestError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return .malformedJSON(file: file, line: line, column: column, detail: detail)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func expect(_ literal: String, _ node: JSONNode) throws -> JSONNode {
        for byte in literal.utf8 {
            guard current == byte else { throw error(Messages.Ingest.jsonExpectedLiteral(literal: literal)) }
            index += 1
        }
        return node
    }

    private mutating func value(depth: Int) throws -> JSONNode {
        guard depth < Self.maximumDepth else { throw error(Messages.Ingest.jsonTooDeep(depth: Self.maximumDepth)) }
        switch current {
        case UInt8(ascii: "{"):
            index += 1
            var members: [(String, JSONNode)] = []
            skipSpace()
            if current == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else { throw error(Messages.Ingest.jsonExpectedName) }
                let key = try string()
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw error(Messages.Ingest.jsonExpectedColon) }
                index += 1
                skipSpace()
                members.append((key, try value(depth: depth + 1)))
                skipSpace()
                if current == UInt8(ascii: ",") {
                    index += 1
                } else if current == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                } else {
                    throw error(Messages.Ingest.jsonExpectedObjectEnd)
                }
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONNode] = []
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                if current == UInt8(ascii: ",") {
                    index += 1
                } else if current == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                } else {
                    throw error(Messages.Ingest.jsonExpectedArrayEnd)
                }
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case .some(let byte) where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): return .number(try number())
        case .some: throw error(Messages.Ingest.jsonExpectedValue)
        case .none: throw error(Messages.Ingest.jsonEndsEarly)
        }
    }

    private mutating func number() throws -> Double {
        let start = index
        let allowed = Set("+-.eE0123456789".utf8)
        while let byte = current, allowed.contains(byte) { index += 1 }
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else {
            index = start
            throw error(Messages.Ingest.jsonBadNumber)
        }
        return value
    }

    private mutating func string() throws -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ end: Int, into scalars: inout String.UnicodeScalarView) {
            scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
        }
        while let byte = current {
            if byte == UInt8(ascii: "\"") {
                flush(index, into: &scalars)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw error(Messages.Ingest.jsonControlCharacter) }
            if byte == UInt8(ascii: "\\") {
                flush(index, into: &scalars)
                index += 1
                guard let escaped = current else { break }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), current == UInt8(ascii: "\\") {
                        index += 1
                        guard current == UInt8(ascii: "u") else { throw error(Messages.Ingest.jsonLoneSurrogate) }
                        index += 1
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error(Messages.Ingest.jsonInvalidUnicodeEscape) }
                    scalars.append(scalar)
                default: throw error(Messages.Ingest.jsonInvalidEscape)
                }
                run = index
                continue
            }
            index += 1
        }
        throw error(Messages.Ingest.jsonStringNotClosed)
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw error(Messages.Ingest.jsonUnicodeEscapeDigits)
        }
        index += 4
        return code
    }
}

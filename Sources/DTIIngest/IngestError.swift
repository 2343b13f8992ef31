import DTICore

/// Input that cannot be read at all. Everything else is a `Diagnostic`.
public enum IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The YAML is not well-formed.
    case malformedYAML(file: String, detail: String)
    /// A reference table (units, editions) is missing a column or is malformed.
    case malformedTable(file: String, line: Int, detail: String)
    /// A JSON file (a map) is not well-formed (with where), or not of the expected shape (the
    /// detail names the feature).
    case malformedJSON(file: String, line: Int?, column: Int?, detail: String)

    public var description: String {
        switch self {
        case let .malformedYAML(file, detail): "\(file): not valid YAML: \(detail)"
        case let .malformedTable(file, line, detail): "\(file):\(line): \(detail)"
        case let .malformedJSON(file, line, column, detail): "\(SourceLocation(file: file, line: line, column: column)): \(detail)"
        }
    }
}

extension IngestError: WordedError {
    /// The frame in Vietnamese; the detail is the parser's own (Yams, the table reader), as it says it.
    public var wording: Wording {
        let vietnamese =
            switch self {
            case let .malformedYAML(file, detail): "\(file): không phải YAML hợp lệ (chi tiết của trình đọc YAML): \(detail)"
            case let .malformedTable(file, line, detail): "\(file):\(line): bảng không hợp lệ: \(detail)"
            case let .malformedJSON(file, line, column, detail):
                "\(SourceLocation(file: file, line: line, column: column)): JSON không hợp lệ: \(detail)"
            }
        return Wording(description, vi: vietnamese)
    }
}

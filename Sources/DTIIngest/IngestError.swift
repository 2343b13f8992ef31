import DTICore

/// Input that cannot be read at all. Everything else is a `Diagnostic`.
public enum IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The YAML is not well-formed.
    case malformedYAML(file: String, detail: String)
    /// A reference table (units, editions) is missing a column or is malformed.
    case malformedTable(file: String, line: Int, detail: Wording)
    /// A JSON file (a map) is not well-formed (with where), or not of the expected shape (the
    /// detail names the feature).
    case malformedJSON(file: String, line: Int?, column: Int?, detail: Wording)

    public var description: String { wording.text(.en) }
}

extension IngestError: WordedError {
    /// The frame and detail in every language; a YAML detail is the parser's own (Yams), as it says it.
    public var wording: Wording {
        switch self {
        case let .malformedYAML(file, detail): Messages.Ingest.malformedYAML(file: file, detail: detail)
        case let .malformedTable(file, line, detail): Messages.Ingest.malformedTable(place: "\(file):\(line)", detail: detail)
        case let .malformedJSON(file, line, column, detail):
            Messages.Ingest.malformedJSON(place: SourceLocation(file: file, line: line, column: column), detail: detail)
        }
    }
}

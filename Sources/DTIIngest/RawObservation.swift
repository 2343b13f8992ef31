import DTICore

/// A cell of input text and where it starts, whatever the file format.
public struct SourceCell: Sendable, Hashable {
    /// The text, unquoted.
    public var text: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, when known (XML reports lines only).
    public var column: Int?
    /// The number a workbook cell holds, exactly; `text` is then only how messages show it.
    /// A typed number has no decimal mark to guess, so it is read as it is.
    public var number: Double?

    /// Creates a cell.
    public init(_ text: String, line: Int, column: Int?, number: Double? = nil) {
        self.text = text
        self.line = line
        self.column = column
        self.number = number
    }

    /// The cell's trimmed text.
    public var trimmed: String { text.trimmingWhitespace() }
}

/// One value as a file states it, before any check: what every reader (long CSV, wide CSV, XML)
/// produces, so that the content rules live in one place (`ObservationBuilder`).
public struct RawObservation: Sendable, Hashable {
    /// The edition, or `nil` when the file has none (then `--year` gives it).
    public var year: SourceCell?
    /// The province name or code.
    public var province: SourceCell
    /// The catalogue entry id.
    public var indicator: SourceCell
    /// The value as written.
    public var value: SourceCell
    /// Optional provenance cells.
    public var source: SourceCell?
    public var note: SourceCell?
    public var status: SourceCell?

    /// Creates a raw observation.
    public init(
        year: SourceCell?, province: SourceCell, indicator: SourceCell, value: SourceCell,
        source: SourceCell? = nil, note: SourceCell? = nil, status: SourceCell? = nil
    ) {
        self.year = year
        self.province = province
        self.indicator = indicator
        self.value = value
        self.source = source
        self.note = note
        self.status = status
    }
}

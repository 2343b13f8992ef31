/// Tallies which decimal mark a file's value cells prove, cell by cell, so the mark of a file read
/// in batches is decided from all its cells before any value is fixed (`NumberReading`).
public struct DecimalEvidence: Sendable {
    private var commas = 0
    private var points = 0

    /// No cells yet.
    public init() {}

    /// Counts what `cell` proves. A workbook's typed number has no decimal mark and proves nothing.
    public mutating func add(_ cell: SourceCell) {
        guard cell.number == nil else { return }
        add(NumberReading.analyse(cell.text))
    }

    /// Counts what one analysed cell proves.
    public mutating func add(_ analysis: NumberReading.Analysis) {
        switch analysis.evidence {
        case .comma: commas += 1
        case .point: points += 1
        case nil: break
        }
    }

    /// The mark more cells prove; `nil` on a tie (including none).
    public var mark: DecimalMark? {
        if commas == points { return nil }
        return commas > points ? .comma : .point
    }
}

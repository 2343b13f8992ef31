/// Results that differ from a scored one in a few figures: a new table each time, since a table
/// never changes once built.
extension EditionResult {
    /// This result with the flags `added` gives each row appended to its own (imputed values),
    /// and `imputation` named.
    public func addingFlags(_ added: (ResultRow) -> [UnitFlag], imputation: String?) -> EditionResult {
        var builder = ResultColumns.Builder(entryIDs: table.entryIDs, rankedIDs: table.rankedIDs, capacity: table.count)
        for row in 0..<table.count {
            builder.append(copying: row, of: table)
            builder.addFlags(added(ResultRow(table: table, index: row)), row: row)
        }
        var result = EditionResult(
            edition: edition, catalogue: catalogue, unitSet: unitSet, table: builder.finish(), imputation: imputation, customMethod: customMethod)
        result.dataNotices = dataNotices
        return result
    }

    /// This result with the index's value and rank of the units `scored` names (by code)
    /// replaced, scored by the method `customMethod` describes; every other figure as it was.
    public func replacingIndex(_ scored: [String: (score: Double, rank: Int)], customMethod: String) -> EditionResult {
        var builder = ResultColumns.Builder(entryIDs: table.entryIDs, rankedIDs: table.rankedIDs, capacity: table.count)
        let indexID = catalogue.index.id
        let valueColumn = table.column(of: indexID)
        let rankColumn = table.rankColumn(of: indexID)
        for row in 0..<table.count {
            builder.append(copying: row, of: table)
            guard let figures = scored[table.units[row].code] else { continue }
            if let valueColumn { builder.setValue(figures.score, row: row, column: valueColumn) }
            if let rankColumn { builder.setRank(figures.rank, row: row, column: rankColumn) }
        }
        var result = EditionResult(
            edition: edition, catalogue: catalogue, unitSet: unitSet, table: builder.finish(), imputation: imputation, customMethod: customMethod)
        result.dataNotices = dataNotices
        return result
    }
}

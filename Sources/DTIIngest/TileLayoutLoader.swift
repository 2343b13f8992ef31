import DTICore

/// Reads `Indicators/units/tiles.csv` (`unit_set,code,column,row`): where each unit's tile sits on
/// the report's tile map. Kept as data so that a new unit set gets a map without code changes.
public enum TileLayoutLoader {
    public static func load(_ text: String, file: String) throws -> [String: [String: (column: Int, row: Int)]] {
        let table = try ReferenceTable(text, file: file, required: ["unit_set", "code", "column", "row"])
        var layout: [String: [String: (column: Int, row: Int)]] = [:]
        for row in table.rows {
            guard let column = Int(table.value("column", in: row)), let line = Int(table.value("row", in: row)) else {
                throw IngestError.malformedTable(file: file, line: row.line, detail: Messages.Ingest.tableTileNotWhole)
            }
            layout[table.value("unit_set", in: row), default: [:]][table.value("code", in: row)] = (column, line)
        }
        return layout
    }
}

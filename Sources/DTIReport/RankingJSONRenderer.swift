import DTICore

/// A ranking as one JSON object at full precision: the documented contract of
/// `dti rank --format json` (Documentation/DataFormats.md).
public struct RankingJSONRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The JSON text, ending with a newline.
    public func render(_ view: RankingView) -> String {
        makeDocument(view).serialized() + "\n"
    }

    /// The document as a value.
    public func makeDocument(_ view: RankingView) -> JSONValue {
        let result = view.result
        let catalogue = result.catalogue
        let table = result.table
        // Each entry's id and columns resolved once, not per row (the catalogue's pillars and
        // indicators are filtered from its nodes each time they are asked for).
        let headline = ([catalogue.index] + catalogue.pillars).map { (id: $0.id, column: table.column(of: $0.id)) }
        let ranked = ([catalogue.index] + catalogue.pillars + catalogue.indicators).map { (id: $0.id, column: table.rankColumn(of: $0.id)) }
        let indicators = catalogue.indicators.map { (id: $0.id, column: table.column(of: $0.id)) }
        let orderColumn = table.rankColumn(of: view.entry.id)
        let rows = view.rows.map { row -> JSONValue in
            let index = row.index
            var pairs: [(String, JSONValue)] = [
                ("rank", orderColumn.flatMap { table.rank(index, $0) }.map(JSONValue.integer) ?? .null),
                ("code", .string(row.unit.code)),
                ("name", .string(row.unit.name)),
            ]
            for entry in headline {
                pairs.append((entry.id, entry.column.flatMap { table.value(index, $0) }.map(JSONValue.number) ?? .null))
            }
            pairs.append(
                ("ranks", .object(ranked.compactMap { entry in entry.column.flatMap { table.rank(index, $0) }.map { (entry.id, .integer($0)) } })))
            pairs.append(
                (
                    "indicators",
                    .object(indicators.compactMap { entry in entry.column.flatMap { table.value(index, $0) }.map { (entry.id, .number($0)) } })
                ))
            pairs.append(("flags", .array(row.flags.map(Self.flag))))
            pairs.append(("status", row.status.map { .string($0.rawValue) } ?? .null))
            return .object(pairs)
        }
        return .object([
            ("year", .integer(result.edition.year)),
            ("framework", .string(catalogue.framework)),
            ("provisional", .bool(catalogue.isProvisional)),
            ("units", .integer(result.unitSet.count)),
            ("unitSet", .string(result.unitSet.id)),
            ("rankedBy", .string(view.entry.id)),
            ("synthetic", .bool(result.containsSyntheticData)),
            ("notices", .array(result.notices.map { .object([("code", .string($0.code)), ("message", .string($0.message))]) })),
            ("rows", .array(rows)),
        ])
    }

    private static func flag(_ flag: UnitFlag) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("code", .string(flag.code))]
        if let id = flag.indicatorID { pairs.append(("indicator", .string(id))) }
        switch flag {
        case let .memberMissingValue(_, code, _): pairs.append(("member", .string(code)))
        case let .merged(codes, _): pairs.append(("members", .array(codes.map(JSONValue.string))))
        case let .imputed(_, method): pairs.append(("method", .string(method)))
        case let .ownValues(unitSetID): pairs.append(("unitSet", .string(unitSetID)))
        case .missingValue, .noData, .componentsOverridden: break
        }
        pairs.append(("message", .string(flag.message)))
        return .object(pairs)
    }
}

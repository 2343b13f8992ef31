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
        let rows = view.rows.map { row -> JSONValue in
            var pairs: [(String, JSONValue)] = [
                ("rank", row.ranks[view.entry.id].map(JSONValue.integer) ?? .null),
                ("code", .string(row.unit.code)),
                ("name", .string(row.unit.name)),
            ]
            for entry in [catalogue.index] + catalogue.pillars {
                pairs.append((entry.id, row.values[entry.id].map(JSONValue.number) ?? .null))
            }
            let rankedEntries = [catalogue.index] + catalogue.pillars + catalogue.indicators
            pairs.append(("ranks", .object(rankedEntries.compactMap { entry in row.ranks[entry.id].map { (entry.id, .integer($0)) } })))
            pairs.append(("indicators", .object(catalogue.indicators.compactMap { entry in row.values[entry.id].map { (entry.id, .number($0)) } })))
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

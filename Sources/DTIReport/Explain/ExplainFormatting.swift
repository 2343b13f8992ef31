import DTICore

extension ReportLanguage {
    /// A signed figure from whole units of `1/scale`, e.g. `+15,0` (tenths) or `−0,0100` (keys).
    func signed(_ units: Int64, decimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let sign = units == 0 ? "±" : units > 0 ? "+" : "−"
        return sign + PublishedPrecision.format(Double(units.magnitude) / Double(scale), decimals: decimals, decimalSeparator: decimalMark)
    }

    /// `0,6512 → 0,7057 (+0,0545) · hạng 20 → 16 (▲4)`.
    func movement(from before: Double?, to after: Double?, rank rankBefore: Int?, to rankAfter: Int?, label: String) -> String {
        let change = before.flatMap { before in after.map { $0 - before } }
        let rankChange = rankBefore.flatMap { before in rankAfter.map { before - $0 } }
        return "DTI \(number(before)) → \(number(after)) (\(self.change(change))) · \(label) \(rankBefore.map(String.init) ?? "–") → "
            + "\(rankAfter.map(String.init) ?? "–") (\(self.rankChange(rankChange)))"
    }
}

extension JSONValue {
    /// `{"code": …, "name": …}` of a unit.
    static func unit(_ unit: AdministrativeUnit) -> JSONValue { .object([("code", .string(unit.code)), ("name", .string(unit.name))]) }

    /// A number, or `null`.
    static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    /// An integer, or `null`.
    static func integer(_ value: Int?) -> JSONValue { value.map(JSONValue.integer) ?? .null }

    /// The notices of a result, as the ranking JSON gives them.
    static func notices(_ notices: [Notice]) -> JSONValue {
        .array(notices.map { .object([("code", .string($0.code)), ("message", .string($0.message))]) })
    }
}

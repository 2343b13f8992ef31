import DTICore

/// The language of a report: every label and the number format follow it. It is the core's
/// `Language`, so diagnostics and pages are asked in the same words.
public typealias ReportLanguage = Language

extension Language {
    /// All labels of this language.
    public var strings: ReportStrings { ReportStrings.byLanguage[column] }

    /// `0,8002` in Vietnamese text, `0.8002` in English: values rounded for display only, at the
    /// published precision, so shown values match the ranking's ties.
    public func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        return PublishedPrecision.format(value, decimalSeparator: decimalMark)
    }

    /// A chart label rounded to `decimals` places, e.g. `0,81` for 0.8099 (rounded, never cut).
    public func number(_ value: Double, decimals: Int) -> String {
        PublishedPrecision.format(value, decimals: decimals, decimalSeparator: decimalMark)
    }

    /// A signed figure for a reader (a skewness, a Sobol estimate): `−0,04` with the typographic
    /// minus in Vietnamese, as the explain tables write a change; `-0.04` in English, which
    /// scripts reading the terminal have always seen.
    public func figure(_ value: Double, decimals: Int) -> String { Figure(value, decimals: decimals).text(self) }

    /// Points with one decimal, e.g. `42,5`.
    public func points(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10)\(decimalMark)\(tenths.magnitude % 10)"
    }

    /// A signed change, `+0,0123` / `−0.0123` / `±0.0000`, or `–` when unknown.
    public func change(_ value: Double?) -> String {
        guard let value else { return "–" }
        let key = PublishedPrecision.key(value)
        let sign = key == 0 ? "±" : key > 0 ? "+" : "−"
        return sign + PublishedPrecision.format(abs(value), decimalSeparator: decimalMark)
    }

    /// A rank movement: `▲3`, `▼2`, `=`, or `–`.
    public func rankChange(_ value: Int?) -> String {
        guard let value else { return "–" }
        return value > 0 ? "▲\(value)" : value < 0 ? "▼\(-value)" : "="
    }

    /// A whole number with thousands grouped as the language writes them: `10.000` or `10,000`.
    public func count(_ value: Int) -> String { NumberText.grouped(value, separator: groupSeparator) }

    /// A unit's name in this language (Vietnamese names keep their diacritics in both).
    public func name(of node: CatalogueNode) -> String { text(en: node.nameEN, vi: node.nameVI) }

    /// The catalogue's title in this language (English pages use `title_en` when given).
    public func title(of catalogue: IndicatorCatalogue) -> String { text(en: catalogue.titleEN ?? catalogue.title, vi: catalogue.title) }
}

/// How much of a unit's index each part of the index and each of their components makes up.
///
/// The index is the points-weighted mean of its parts (main indicators, or pillars in 2020):
/// `index = Σ pᵢ·vᵢ / Σ pᵢ`, so each part holds `pᵢ·vᵢ / Σ pᵢ` of it, and these shares add up to
/// the index exactly. A main indicator derived from components holds `p_c·s_c / Σ pᵢ` per component
/// (components' points add up to their indicator's). Explanations are differences of shares.
public struct IndexShares: Sendable {
    /// The catalogue.
    public let catalogue: IndicatorCatalogue
    /// The parts of the index, in declaration order.
    public let parts: [CatalogueNode]
    /// The sum of the parts' points.
    public let totalPoints: Double

    /// The shares of `catalogue`'s index.
    public init(_ catalogue: IndicatorCatalogue) {
        self.catalogue = catalogue
        parts = catalogue.mergeLevel
        totalPoints = parts.reduce(0) { $0 + $1.points }
    }

    /// The share of the index that part `id` makes up in `row` (0 for a part without a value).
    public func share(of id: String, in row: ResultRow) -> Double {
        guard totalPoints > 0, let part = catalogue.node(id) else { return 0 }
        return part.points * (row.values[id] ?? 0) / totalPoints
    }

    /// The shares of the components of part `id` in `row`, when that part's value is the one its
    /// components give (not a value given directly that overrides them); `nil` otherwise.
    public func componentShares(of id: String, in row: ResultRow) -> [String: Double]? {
        let components = catalogue.components(of: id)
        let componentPoints = components.reduce(0) { $0 + $1.points }
        guard totalPoints > 0, componentPoints > 0, let value = row.values[id] else { return nil }
        var derived = 0.0
        var shares: [String: Double] = [:]
        for component in components {
            guard let share = row.values[component.id] else { return nil }
            derived += component.points * share
            shares[component.id] = component.points * share / totalPoints
        }
        guard abs(derived / componentPoints - value) <= 1e-12,
            !row.flags.contains(.componentsOverridden(indicatorID: id))
        else { return nil }
        return shares
    }
}

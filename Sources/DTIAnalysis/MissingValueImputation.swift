import DTICore

/// `dti rank --impute`: values for the main indicators a unit lacks, by a method other than the
/// official one (0 points), so an analyst can see what a treatment of missing values changes.
/// The result is never the official ranking, and every output says so.
public enum MissingValueImputation {
    /// One imputed value.
    public struct Imputed: Sendable, Hashable {
        public var unitCode: String
        public var elementID: String
        public var value: Double
    }

    /// The values `method` gives the main indicators (pillars for 2020) that the ranked units of
    /// `result` lack; `result` is scored in its edition's own unit set. A main indicator counts
    /// as lacking when neither it nor any of its components was given.
    public static func values(for result: EditionResult, method: Imputation) -> [Imputed] {
        guard method != .zero else { return [] }
        let rows = result.rows.filter(\.isRanked)
        var imputed: [Imputed] = []
        for element in result.catalogue.mergeLevel where element.points > 0 {
            let given = rows.filter { !$0.isMissing(element.id) }.compactMap { row in
                row.values[element.id].map { (region: row.unit.regionID, value: $0) }
            }
            for row in rows where row.isMissing(element.id) {
                if let value = method.value(region: row.unit.regionID, given: given) {
                    imputed.append(Imputed(unitCode: row.unit.code, elementID: element.id, value: value))
                }
            }
        }
        return imputed
    }
}

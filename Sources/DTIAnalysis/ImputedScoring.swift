import DTICore

/// Why values could not be imputed.
public enum ImputationRefusal: Error, WordedError, CustomStringConvertible {
    /// Some units of a merged set are scored from values of their own.
    case ownValues

    public var wording: Wording {
        Messages.Analysis.imputeWorksInEditionS
    }

    public var description: String { wording.text(.en) }
}

/// Scoring with missing main indicators imputed: the official score, or, with an imputation
/// other than `zero`, the edition scored again with each unit's missing values filled in.
public enum ImputedScoring {
    /// Scores one edition's values given as columns (of `edition`'s year and own set, or the set
    /// `unitSetID` when the values are keyed there): the columnar path when nothing is imputed.
    public static func score(
        columns values: EditionColumns, edition: Edition, catalogue: IndicatorCatalogue, registry: UnitRegistry, unitSetID: String,
        storedIn storedSetID: String, impute: Imputation, own: EditionColumns? = nil
    ) throws -> EditionResult {
        guard impute != .zero else {
            return try EditionScoring.score(
                columns: values, edition: edition, catalogue: catalogue, registry: registry, in: unitSetID, own: own)
        }
        // Imputation works in the edition's own set, where values stored for the merged set's
        // own units have no place: refused rather than silently left out.
        if let own, own.count > 0 { throw ImputationRefusal.ownValues }
        return try score(
            values.observations(year: edition.year, unitSetID: storedSetID), edition: edition, catalogue: catalogue, registry: registry,
            unitSetID: unitSetID, impute: impute)
    }

    /// Scores the edition; with an imputation other than `zero`, the main indicators a unit lacks are
    /// imputed in the edition's own unit set first, and each row with an imputed value is flagged.
    public static func score(
        _ observations: [Observation], edition: Edition, catalogue: IndicatorCatalogue, registry: UnitRegistry, unitSetID: String,
        impute: Imputation
    ) throws -> EditionResult {
        let official = try EditionScoring.score(observations, edition: edition, catalogue: catalogue, registry: registry, in: unitSetID)
        guard impute != .zero else { return official }
        let own = try EditionScoring.score(observations, edition: edition, catalogue: catalogue, registry: registry, in: edition.unitSet)
        let imputed = MissingValueImputation.values(for: own, method: impute)
        let added = imputed.map { value in
            Observation(
                year: edition.year, unitCode: value.unitCode, indicatorID: value.elementID, value: value.value,
                provenance: Provenance(file: "imputed (\(impute.rawValue))", line: 0))
        }
        let rescored = try EditionScoring.score(observations + added, edition: edition, catalogue: catalogue, registry: registry, in: unitSetID)
        var byUnit: [String: [UnitFlag]] = [:]
        for value in imputed { byUnit[value.unitCode, default: []].append(.imputed(indicatorID: value.elementID, method: impute.rawValue)) }
        return rescored.addingFlags(
            { row in
                let members = row.unit.memberCodes.isEmpty ? [row.unit.code] : row.unit.memberCodes
                return members.flatMap { byUnit[$0] ?? [] }
            }, imputation: impute.rawValue)
    }
}

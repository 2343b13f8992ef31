extension EditionResult {
    /// The result as an edition of its own unit set: each ranked unit's values at the merge level
    /// (main indicators; pillars for 2020) as observations of that set, and the edition moved to
    /// it. For a set formed by merger (the 34 from the 63's 2024 values), scoring these again
    /// gives the same scores as the merge rule did, so a what-if or a target for a merged unit
    /// changes the unit's own values rather than one of its former provinces'.
    public func asOwnEdition() -> (edition: Edition, observations: [Observation]) {
        let edition = Edition(year: self.edition.year, framework: self.edition.framework, unitSet: unitSet.id, published: self.edition.published)
        var observations: [Observation] = []
        for row in rows where row.isRanked {
            for node in catalogue.mergeLevel {
                guard let value = row.values[node.id], !row.isMissing(node.id) else { continue }
                observations.append(
                    Observation(
                        unitSetID: unitSet.id, year: edition.year, unitCode: row.unit.code, indicatorID: node.id, value: value,
                        provenance: Provenance(file: "merged \(self.edition.unitSet) values", line: 0, status: row.status)))
            }
        }
        return (edition, observations)
    }
}

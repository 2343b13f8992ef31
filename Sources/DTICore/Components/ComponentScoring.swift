/// Turns raw component values (counts, shares, yes/no) into the share of each component's points
/// earned, so that the scoring plan can combine them like any other part:
/// main indicator = Σ points earned ÷ Σ points of its components.
///
/// `relative_to_best` needs every unit's value, so this runs over a whole edition at once.
public enum ComponentScoring {
    /// `observations` with each component's raw value replaced by the share of its points earned
    /// (in [0, 1]); other observations are returned unchanged.
    public static func pointShares(_ observations: [Observation], catalogue: IndicatorCatalogue) -> [Observation] {
        guard catalogue.hasComponents else { return observations }
        var best: [String: Double] = [:]
        for observation in observations where catalogue.node(observation.indicatorID)?.kind == .component {
            best[observation.indicatorID] = max(best[observation.indicatorID] ?? -.infinity, observation.value)
        }
        return observations.map { observation in
            guard let node = catalogue.node(observation.indicatorID), node.kind == .component,
                let scoring = node.scoring
            else { return observation }
            var scored = observation
            let earned = scoring.rule.points(
                for: observation.value, maximum: node.points, best: best[node.id] ?? observation.value)
            scored.value = node.points > 0 ? earned / node.points : 0
            return scored
        }
    }

    /// Points earned by each component of `indicatorID` for one unit, from raw values keyed by
    /// component id; `best` holds each component's best value in the edition.
    public static func breakdown(
        of indicatorID: String, rawValues: [String: Double], best: [String: Double], catalogue: IndicatorCatalogue
    ) -> [(component: CatalogueNode, earned: Double?)] {
        catalogue.components(of: indicatorID).map { node in
            guard let value = rawValues[node.id], let scoring = node.scoring else { return (node, nil) }
            return (node, scoring.rule.points(for: value, maximum: node.points, best: best[node.id] ?? value))
        }
    }
}

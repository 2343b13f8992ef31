/// "did you mean 'a' or 'b'?" in both languages, for every lookup that suggests near names.
public enum Suggestions {
    /// The closing question of a refused option value, in both languages: " Did you mean 'x'?" /
    /// " Có phải là 'x'?" for the known name nearest `given` (`shown` says how to write a known
    /// name in each language, e.g. a region's English and Vietnamese names), or nothing when none
    /// is near. Every option that suggests a name asks through this, so no language is left out.
    public static func sentence(
        for given: String, among known: [String], shown: (String) -> Wording = { Wording.same($0) }
    ) -> Wording {
        guard let nearest = EditDistance.closest(to: given, among: known).first else { return Wording.same("") }
        let name = shown(nearest)
        return Messages.Core.didYouMean2(name: name)
    }

    /// The question for already quoted `candidates`.
    public static func didYouMean(_ candidates: [String]) -> Wording {
        Messages.Core.didYouMeanAmong(candidates: Wording.list(candidates, or: true))
    }
}

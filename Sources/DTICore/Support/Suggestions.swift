/// "did you mean 'a' or 'b'?" in both languages, for every lookup that suggests near names.
public enum Suggestions {
    /// The question for already quoted `candidates`.
    public static func didYouMean(_ candidates: [String]) -> Wording {
        Wording(
            "did you mean \(candidates.joined(separator: " or "))?", vi: "có phải là \(candidates.joined(separator: " hoặc "))?")
    }
}

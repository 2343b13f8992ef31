/// Levenshtein distance, for "did you mean …?" suggestions.
public enum EditDistance {
    /// The number of single-character edits that turn `a` into `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        let source = Array(a)
        let target = Array(b)
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for i in 1...source.count {
            current[0] = i
            for j in 1...target.count {
                let substitution = previous[j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[target.count]
    }

    /// Up to `limit` candidates closest to `text`, nearest first, ties in the given order; only
    /// candidates within roughly a third of the text's length are offered.
    public static func closest(to text: String, among candidates: [String], limit: Int = 3) -> [String] {
        let budget = max(2, text.count / 3)
        let length = text.count
        let scored = candidates.enumerated().compactMap { index, candidate -> (Int, Int, String)? in
            let isPrefix = !text.isEmpty && candidate.hasPrefix(text)
            // The distance is at least the difference in length: a candidate far longer or
            // shorter is out of the budget without the quadratic comparison (a 40 KB cell
            // against every indicator id took seconds).
            guard isPrefix || abs(candidate.count - length) <= budget else { return nil }
            let distance = between(text, candidate)
            guard distance <= budget || isPrefix else { return nil }
            return (isPrefix ? 0 : distance, index, candidate)
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
    }
}

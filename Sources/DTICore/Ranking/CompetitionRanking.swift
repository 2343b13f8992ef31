/// Standard competition ranking ("1, 2, 2, 4") at published precision, as the ministry ranks.
///
/// Values equal when rounded to four decimals share a rank and the next rank is skipped: in 2021
/// two provinces both scored 0.4880 and both ranked 12th, and the next was 14th.
public enum CompetitionRanking {
    /// The rank of each keyed value: 1 + the number of values strictly greater at 4 decimals.
    public static func ranks<Key: Hashable>(_ values: [(key: Key, value: Double)]) -> [Key: Int] {
        let sortedKeys = values.map { PublishedPrecision.key($0.value) }.sorted(by: >)
        var rankByRounded: [Int64: Int] = [:]
        for (offset, rounded) in sortedKeys.enumerated() where rankByRounded[rounded] == nil {
            rankByRounded[rounded] = offset + 1
        }
        var result: [Key: Int] = [:]
        for entry in values {
            result[entry.key] = rankByRounded[PublishedPrecision.key(entry.value)]
        }
        return result
    }
}

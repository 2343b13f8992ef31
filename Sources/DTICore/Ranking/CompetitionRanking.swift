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

    /// The rank of each of `values`, in their order: the same ranks as `ranks(_:)`, from one sort
    /// of integer keys and a binary search per value, without a dictionary.
    public static func ranks(of values: [Double]) -> [Int] {
        let keys = values.map(PublishedPrecision.key)
        let descending = keys.sorted(by: >)
        return keys.map { key in
            // 1 + how many keys are greater: the first position of `key` in the descending order.
            var low = 0
            var high = descending.count
            while low < high {
                let middle = (low + high) / 2
                if descending[middle] > key { low = middle + 1 } else { high = middle }
            }
            return low + 1
        }
    }
}

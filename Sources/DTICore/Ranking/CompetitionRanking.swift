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
    /// of integers holding each value's key above its position (no comparison closure, no
    /// search), then one walk down from the greatest.
    public static func ranks(of values: [Double]) -> [Int] {
        let count = values.count
        guard count > 0 else { return [] }
        let keys = values.map(PublishedPrecision.key)
        let indexBits = Int.bitWidth - (count - 1).leadingZeroBitCount
        let bound = Int64(1) << (62 - indexBits)
        // Keys too far from zero to share 64 bits with a position (no score is) take the general path.
        guard keys.allSatisfy({ $0 > -bound && $0 < bound }) else { return ranksBySearch(keys) }
        var packed = [UInt64](repeating: 0, count: count)
        for (index, key) in keys.enumerated() { packed[index] = UInt64(key + bound) << UInt64(indexBits) | UInt64(index) }
        RadixSort.sort(&packed)
        let mask = (UInt64(1) << UInt64(indexBits)) - 1
        var ranks = [Int](repeating: 0, count: count)
        var previous = UInt64.max
        var rank = 0
        for (offset, element) in packed.reversed().enumerated() {
            let key = element >> UInt64(indexBits)
            if key != previous {
                rank = offset + 1
                previous = key
            }
            ranks[Int(element & mask)] = rank
        }
        return ranks
    }

    /// `ranks(of:)` for any keys: 1 + how many keys are greater, by binary search in one sort.
    static func ranksBySearch(_ keys: [Int64]) -> [Int] {
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

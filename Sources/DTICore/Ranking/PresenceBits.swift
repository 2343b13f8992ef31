/// One bit per slot of a flat table: whether the slot holds a value. A missing value is then no
/// `Optional` in every slot, and a table of 10,000 units × 111 entries keeps its presence in
/// 139 KB.
public struct PresenceBits: Sendable, Hashable {
    @usableFromInline var words: [UInt64]

    /// `count` bits, all clear.
    public init(count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// Room for at least `count` bits, the new ones clear.
    public mutating func extend(to count: Int) {
        let needed = (count + 63) / 64
        if needed > words.count { words.append(contentsOf: repeatElement(0, count: needed - words.count)) }
    }

    /// Puts the bits of `other` from bit `start`, a multiple of 64, keeping those before it.
    public mutating func append(_ other: PresenceBits, at start: Int) {
        precondition(start % 64 == 0, "bits are joined at a whole word")
        words.removeSubrange(min(words.count, start / 64)...)
        words += other.words
    }

    /// Whether the bit at `index` is set.
    @inlinable public subscript(index: Int) -> Bool {
        get { bit(index) }
        set { set(index, newValue) }
    }

    @inlinable func bit(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    @inlinable mutating func set(_ index: Int, _ isSet: Bool) {
        if isSet { words[index >> 6] |= 1 << UInt64(index & 63) } else { words[index >> 6] &= ~(1 << UInt64(index & 63)) }
    }
}

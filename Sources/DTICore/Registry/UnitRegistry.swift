/// Every unit set the tool knows, and how merged sets were formed.
public struct UnitRegistry: Sendable {
    /// The sets by id.
    public let unitSets: [String: UnitSet]

    /// Creates a registry.
    public init(_ unitSets: [UnitSet]) {
        self.unitSets = Dictionary(unitSets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// This registry with `unitSet` added (replacing a set of the same id): a set read from a
    /// unit file, or one narrowed to a parent, for the commands that use it.
    public func adding(_ unitSet: UnitSet) -> UnitRegistry {
        var sets = unitSets
        sets[unitSet.id] = unitSet
        return UnitRegistry(Array(sets.values))
    }

    /// The set with this id.
    public func unitSet(_ id: String) -> UnitSet? { unitSets[id] }

    /// The set in force after every merger that followed `id` (vn34 for vn63): the end of the
    /// chain of sets formed from it.
    public func latestSuccessor(of id: String) -> String {
        var current = id
        var seen: Set<String> = [id]
        while let next = unitSets.values.filter({ $0.predecessorID == current }).map(\.id).min(), seen.insert(next).inserted {
            current = next
        }
        return current
    }

    /// For a set formed by merger, the member codes in `source` of each unit in `target`,
    /// or `nil` when `target` was not formed from `source`.
    public func crosswalk(from source: String, to target: String) -> [String: [String]]? {
        if source == target, let set = unitSets[source] {
            return Dictionary(uniqueKeysWithValues: set.units.map { ($0.code, [$0.code]) })
        }
        guard let set = unitSets[target], set.predecessorID == source else { return nil }
        return Dictionary(uniqueKeysWithValues: set.units.map { ($0.code, $0.memberCodes) })
    }
}

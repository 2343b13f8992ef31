/// The elements `0..<count` joined pair by pair into sets (union–find with path halving). A set
/// is named by its smallest element, so the sets and their names do not depend on the order of
/// the joins: a map's groups of parts and a ranking's groups of uncertain units come out the same
/// however the pairs are visited.
public struct DisjointSets: Sendable {
    private var parent: [Int]

    public init(count: Int) { parent = Array(0..<count) }

    /// The smallest element of `element`'s set.
    public mutating func root(_ element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    /// Joins the sets of `a` and `b`.
    public mutating func join(_ a: Int, _ b: Int) {
        let (ra, rb) = (root(a), root(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}

extension IndicatorCatalogue {
    /// The entry `text` names, as people write it in a header, an `indicator` cell or an option:
    /// its id (as written, then in lower case), its Vietnamese or English name as written, then
    /// its name or id with diacritics and case folded ("an toan thong tin mang"). A folded name
    /// that fits two entries names neither.
    public func entry(named text: String) -> CatalogueNode? {
        if let found = node(text) ?? node(text.lowercased()) { return found }
        let trimmed = text.trimmingWhitespace()
        if let position = positionsByName[trimmed] { return nodes[position] }
        guard let positions = positionsByFoldedName[TextFolding.fold(trimmed)], positions.count == 1 else { return nil }
        return nodes[positions[0]]
    }

    /// The entries nearest to `text` by id or by folded Vietnamese or English name, for "did you
    /// mean": at most `limit`, nearest first, the index left out.
    public func suggestions(for text: String, limit: Int = 3) -> [CatalogueNode] {
        let candidates = positionsByFoldedName.keys.sorted()
        let near = EditDistance.closest(to: TextFolding.fold(text), among: candidates, limit: limit * 2)
        var seen: Set<String> = []
        var found: [CatalogueNode] = []
        for key in near {
            for position in positionsByFoldedName[key] ?? [] where nodes[position].kind != .index && seen.insert(nodes[position].id).inserted {
                found.append(nodes[position])
            }
        }
        return Array(found.prefix(limit))
    }
}

extension IndicatorCatalogue {
    /// The entries a file gives values for: those no other entry counts in (the main indicators,
    /// or their components where the catalogue has them; the pillars of 2020). A template lists
    /// one row for each, for each unit.
    public var givenEntries: [CatalogueNode] {
        reportableNodes.filter { parts(of: $0.id).isEmpty }
    }
}

extension IndicatorCatalogue {
    /// Tolerance for "points add up": catalogue points are whole or half numbers, so anything
    /// beyond floating-point noise is a real mismatch.
    static let pointsTolerance = 1e-9

    /// Every structural problem of a set of entries: duplicate ids, references to unknown
    /// aggregates, kinds that cannot nest, points that do not add up, cycles, and entries that
    /// reach nothing.
    static func problems(in nodes: [CatalogueNode], sourceName: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func report(_ message: String, hint: String? = nil, at node: CatalogueNode?) {
            problems.append(Diagnostic(.error, message, hint: hint, at: node?.location ?? SourceLocation(file: sourceName)))
        }
        func reportComponent(_ message: String, _ hint: String?, _ node: CatalogueNode?) { report(message, hint: hint, at: node) }

        var byID: [String: CatalogueNode] = [:]
        for node in nodes {
            if node.id.isEmpty || !node.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                report("entry id '\(node.id)' must be non-empty ASCII letters, digits, '_' or '-'", at: node)
            }
            if let first = byID[node.id] {
                let firstPlace = first.location.flatMap(\.line).map { " (first declared on line \($0))" } ?? ""
                report("duplicate id '\(node.id)'\(firstPlace)", hint: "give each entry its own id", at: node)
            } else {
                byID[node.id] = node
            }
            for name in [node.nameVI, node.nameEN] {
                if let scalar = UnsafeCharacters.first(in: name) {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    report(
                        "the name of '\(node.id)' holds the control or direction character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)",
                        hint: "delete it: names are shown on terminals and in reports, where it would act instead of being read", at: node)
                }
            }
            if !node.points.isFinite || node.points < 0 {
                report("entry '\(node.id)' has points \(node.points); points must be a number ≥ 0", at: node)
            }
        }

        let indexes = nodes.filter { $0.kind == .index }
        if indexes.count != 1 {
            report("a catalogue needs exactly one index entry, found \(indexes.count)", at: indexes.dropFirst().first)
        }

        let aggregates = nodes.filter { $0.kind != .component }.map(\.id)
        for node in nodes {
            if node.kind == .index, !node.countsIn.isEmpty {
                report("the index '\(node.id)' cannot count in another entry", at: node)
            }
            for parent in Set(node.countsIn) where node.countsIn.filter({ $0 == parent }).count > 1 {
                report("entry '\(node.id)' lists '\(parent)' more than once in counts_in", hint: "list each aggregate once", at: node)
            }
            for parent in node.countsIn {
                guard let target = byID[parent] else {
                    let noun = node.kind == .component ? "main indicator" : "pillar or index"
                    let suggestions = EditDistance.closest(to: parent, among: aggregates)
                    report(
                        "entry '\(node.id)' counts in unknown \(noun) '\(parent)'",
                        hint: suggestions.isEmpty
                            ? "declare '\(parent)' or remove it" : "did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?",
                        at: node)
                    continue
                }
                if target.kind == .component {
                    report("entry '\(node.id)' counts in '\(parent)', which is a component; components are leaves", at: node)
                }
            }
        }

        checkComponents(nodes, byID: byID, report: reportComponent)
        problems += cycleProblems(nodes, byID: byID, sourceName: sourceName)
        guard !problems.contains(where: { $0.message.contains("cycle") }) else { return problems }

        // Points: every aggregate's declared points equal the sum of its parts' points.
        var sums: [String: Double] = [:]
        var hasParts: Set<String> = []
        for node in nodes {
            for parent in Set(node.countsIn) where byID[parent] != nil {
                sums[parent, default: 0] += node.points
                hasParts.insert(parent)
            }
        }
        for node in nodes where hasParts.contains(node.id) {
            let sum = sums[node.id] ?? 0
            if abs(sum - node.points) > pointsTolerance {
                report(
                    "the points of the entries counting in '\(node.id)' add up to \(NumberText.exact(sum)), but '\(node.id)' declares \(NumberText.exact(node.points))",
                    hint: "correct the points of '\(node.id)' or of its parts", at: node)
            }
            if node.points == 0, sum == 0 {
                report("'\(node.id)' has parts but no points to weigh them by", at: node)
            }
        }
        if let index = indexes.first, !hasParts.contains(index.id) {
            report("no entry counts in the index '\(index.id)'", hint: "list '\(index.id)' under counts_in of its parts", at: index)
        }
        return problems
    }

    /// Components are leaves under exactly one main indicator and carry a valid rule; no other
    /// kind carries one.
    private static func checkComponents(
        _ nodes: [CatalogueNode], byID: [String: CatalogueNode],
        report: (String, String?, CatalogueNode?) -> Void
    ) {
        for node in nodes {
            guard node.kind == .component else {
                if node.scoring != nil {
                    report("'\(node.id)' is a \(node.kind.rawValue) and cannot have a rule", "only components have rules", node)
                }
                continue
            }
            if node.countsIn.count != 1 {
                report(
                    "component '\(node.id)' counts in \(node.countsIn.count) entries; a component counts in exactly one main indicator",
                    "set counts_in to its main indicator", node)
            } else if let parent = byID[node.countsIn[0]], parent.kind != .indicator {
                report(
                    "component '\(node.id)' counts in '\(parent.id)', which is a \(parent.kind.rawValue); components belong to a main indicator",
                    nil, node)
            }
            guard let scoring = node.scoring else {
                report(
                    "component '\(node.id)' has no rule",
                    "add 'rule:' (\(ComponentRule.names.joined(separator: ", ")))", node)
                continue
            }
            if let problem = scoring.rule.problem(maximum: node.points) {
                report("component '\(node.id)': \(problem)", nil, node)
            }
            if !scoring.measure.defaultRange.contains(scoring.range.lowerBound)
                || !scoring.measure.defaultRange.contains(scoring.range.upperBound)
            {
                report(
                    "component '\(node.id)': range \(scoring.range.lowerBound)…\(scoring.range.upperBound) does not fit a \(scoring.measure.rawValue)",
                    nil, node)
            }
        }
    }

    /// A problem for every entry that can reach itself through `countsIn`.
    private static func cycleProblems(_ nodes: [CatalogueNode], byID: [String: CatalogueNode], sourceName: String) -> [Diagnostic] {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var problems: [Diagnostic] = []
        var path: [String] = []

        func visit(_ id: String) {
            if marks[id] == .done { return }
            if marks[id] == .visiting {
                let start = path.firstIndex(of: id) ?? 0
                let cycle = (path[start...] + [id]).joined(separator: " → ")
                let node = byID[id]
                problems.append(
                    Diagnostic(
                        .error, "entry '\(id)' is part of a cycle: \(cycle)",
                        hint: "an entry cannot count, directly or indirectly, in itself",
                        at: node?.location ?? SourceLocation(file: sourceName)))
                return
            }
            marks[id] = .visiting
            path.append(id)
            for parent in byID[id]?.countsIn ?? [] where byID[parent] != nil { visit(parent) }
            path.removeLast()
            marks[id] = .done
        }
        for node in nodes { visit(node.id) }
        return problems
    }
}

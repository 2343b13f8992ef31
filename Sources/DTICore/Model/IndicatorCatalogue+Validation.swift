extension IndicatorCatalogue {
    /// Tolerance for "points add up": catalogue points are whole or half numbers, so anything
    /// beyond floating-point noise is a real mismatch.
    static let pointsTolerance = 1e-9

    /// Every structural problem of a set of entries: duplicate ids, references to unknown
    /// aggregates, kinds that cannot nest, points that do not add up, cycles, and entries that
    /// reach nothing.
    static func problems(in nodes: [CatalogueNode], sourceName: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func report(_ key: String, _ message: Wording, hint: Wording? = nil, at node: CatalogueNode?) {
            problems.append(Diagnostic(.error, "catalogue." + key, message, hint: hint, at: node?.location ?? SourceLocation(file: sourceName)))
        }
        func reportComponent(_ key: String, _ message: Wording, _ hint: Wording?, _ node: CatalogueNode?) {
            report(key, message, hint: hint, at: node)
        }

        var byID: [String: CatalogueNode] = [:]
        for node in nodes {
            if node.id.isEmpty || !node.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                report(
                    "id-invalid",
                    Messages.Core.entryIdMustBeNon(nodeID: node.id), at: node)
            }
            if let first = byID[node.id] {
                let line = first.location.flatMap(\.line)
                report(
                    "id-duplicate",
                    line.map { Messages.Core.duplicateIDFirstOnLine(id: node.id, line: $0) } ?? Messages.Core.duplicateID(id: node.id),
                    hint: Messages.Core.giveEachEntryItsOwn, at: node)
            } else {
                byID[node.id] = node
            }
            for name in [node.nameVI, node.nameEN] {
                if let scalar = UnsafeCharacters.first(in: name) {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    let character = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
                    report(
                        "name-control-character",
                        Messages.Core.nameOfHoldsControlOr(nodeID: node.id, character: character),
                        hint: Messages.Core.deleteItNamesAreShown, at: node)
                }
            }
            if !node.points.isFinite || node.points < 0 {
                report(
                    "points-invalid",
                    Messages.Core.entryHasPointsPointsMust(nodeID: node.id, points: node.points), at: node)
            }
        }

        let indexes = nodes.filter { $0.kind == .index }
        if indexes.count != 1 {
            report(
                "index-count",
                Messages.Core.catalogueNeedsExactlyOneIndex(indexes: indexes.count), at: indexes.dropFirst().first)
        }

        let aggregates = nodes.filter { $0.kind != .component }.map(\.id)
        for node in nodes {
            if node.kind == .index, !node.countsIn.isEmpty {
                report(
                    "index-counts-in",
                    Messages.Core.indexCannotCountInAnother(nodeID: node.id),
                    at: node)
            }
            for parent in Set(node.countsIn) where node.countsIn.filter({ $0 == parent }).count > 1 {
                report(
                    "counts-in-repeated",
                    Messages.Core.entryListsMoreThanOnce(nodeID: node.id, parent: parent),
                    hint: Messages.Core.listEachAggregateOnce, at: node)
            }
            for parent in node.countsIn {
                guard let target = byID[parent] else {
                    let noun =
                        node.kind == .component
                        ? Messages.Core.mainIndicator : Messages.Core.pillarOrIndex
                    let suggestions = EditDistance.closest(to: parent, among: aggregates)
                    report(
                        "counts-in-unknown",
                        Messages.Core.entryCountsInUnknown(nodeID: node.id, noun: noun, parent: parent),
                        hint: suggestions.isEmpty
                            ? Messages.Core.declareOrRemoveIt(parent: parent)
                            : Suggestions.didYouMean(suggestions.map { "'\($0)'" }),
                        at: node)
                    continue
                }
                if target.kind == .component {
                    report(
                        "counts-in-component",
                        Messages.Core.entryCountsInWhichIs(nodeID: node.id, parent: parent),
                        at: node)
                }
            }
        }

        checkComponents(nodes, byID: byID, report: reportComponent)
        problems += cycleProblems(nodes, byID: byID, sourceName: sourceName)
        guard !problems.contains(where: { $0.key == "catalogue.cycle" }) else { return problems }

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
                    "points-sum",
                    Messages.Core.pointsOfEntriesCountingIn(nodeID: node.id, sum: ExactNumber(sum), points: ExactNumber(node.points)),
                    hint: Messages.Core.correctPointsOfOrOf(nodeID: node.id),
                    at: node)
            }
            if node.points == 0, sum == 0 {
                report(
                    "points-zero",
                    Messages.Core.hasPartsButNoPoints(nodeID: node.id),
                    at: node)
            }
        }
        if let index = indexes.first, !hasParts.contains(index.id) {
            report(
                "index-empty",
                Messages.Core.noEntryCountsInIndex(indexID: index.id),
                hint: Messages.Core.listUnderCountsInOf(indexID: index.id), at: index)
        }
        return problems
    }

    /// Components are leaves under exactly one main indicator and carry a valid rule; no other
    /// kind carries one.
    private static func checkComponents(
        _ nodes: [CatalogueNode], byID: [String: CatalogueNode],
        report: (String, Wording, Wording?, CatalogueNode?) -> Void
    ) {
        for node in nodes {
            guard node.kind == .component else {
                if node.scoring != nil {
                    report(
                        "rule-not-component",
                        Messages.Core.isAndCannotHaveRule(nodeID: node.id, kind: node.kind.rawValue),
                        Messages.Core.onlyComponentsHaveRules, node)
                }
                continue
            }
            if node.countsIn.count != 1 {
                report(
                    "component-parents",
                    Messages.Core.componentCountsInEntriesComponent(nodeID: node.id, countsIn: node.countsIn.count),
                    Messages.Core.setCountsInToIts, node)
            } else if let parent = byID[node.countsIn[0]], parent.kind != .indicator {
                report(
                    "component-parent-kind",
                    Messages.Core.componentCountsInWhichIs(nodeID: node.id, parentID: parent.id, kind: parent.kind.rawValue),
                    nil, node)
            }
            guard let scoring = node.scoring else {
                let rules = ComponentRule.names.joined(separator: ", ")
                report(
                    "component-no-rule",
                    Messages.Core.componentHasNoRule(nodeID: node.id),
                    Messages.Core.addRule(rules: rules), node)
                continue
            }
            if let problem = scoring.rule.problem(maximum: node.points) {
                report(
                    "component-rule",
                    Messages.Core.component(nodeID: node.id, problem: problem), nil, node)
            }
            if !scoring.measure.defaultRange.contains(scoring.range.lowerBound)
                || !scoring.measure.defaultRange.contains(scoring.range.upperBound)
            {
                let range = "\(scoring.range.lowerBound)…\(scoring.range.upperBound)"
                report(
                    "component-range",
                    Messages.Core.componentRangeDoesNotFit(nodeID: node.id, range: range, measure: scoring.measure.rawValue),
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
                        .error, "catalogue.cycle",
                        Messages.Core.entryIsPartOfCycle(id: id, cycle: cycle),
                        hint: Messages.Core.entryCannotCountDirectlyOr,
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

import DTICore
import Yams

/// Typed access to a composed YAML tree that collects problems with their lines instead of
/// stopping at the first, so a user fixes a catalogue in one pass.
struct YAMLReader {
    let sourceName: String
    private(set) var problems: [Diagnostic] = []

    init(sourceName: String) { self.sourceName = sourceName }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: sourceName, line: node.mark?.line, column: node.mark?.column)
    }

    mutating func problem(_ message: Wording, at node: Node, hint: Wording? = nil) {
        problems.append(Diagnostic(.error, "catalogue.yaml", message, hint: hint, at: location(node)))
    }

    /// A mapping as an ordered list of string keys and values (keys with their nodes for marks).
    mutating func mapping(_ node: Node, what: String) -> YAMLMapping? {
        guard let mapping = node.mapping else {
            problem(Messages.Ingest.mustBeMappingOfKeys(what: what), at: node)
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else {
                problem(Messages.Ingest.keysMustBeText, at: key)
                continue
            }
            if pairs.contains(where: { $0.key == name }) {
                problem(Messages.Ingest.keyAppearsTwiceIn(name: name, what: what), at: key)
                continue
            }
            pairs.append((name, key, value))
        }
        return YAMLMapping(node: node, pairs: pairs)
    }

    mutating func rejectUnknownKeys(_ mapping: YAMLMapping, allowed: Set<String>, in what: String) {
        for pair in mapping.pairs where !allowed.contains(pair.key) {
            let suggestions = EditDistance.closest(to: pair.key, among: allowed.sorted())
            problem(
                Messages.Ingest.unknownKeyIn(key: pair.key, what: what), at: pair.keyNode,
                hint: suggestions.isEmpty
                    ? Messages.Ingest.removeIt : Messages.Ingest.didYouMean(suggestion: suggestions[0]))
        }
    }

    mutating func string(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            problem(Messages.Ingest.mustBeText(key: key), at: node)
            return nil
        }
        return scalar.string
    }

    mutating func requiredString(_ mapping: YAMLMapping, _ key: String, in what: String) -> String? {
        guard let node = mapping[key] else {
            problem(
                Messages.Ingest.hasNo(what: what, key: key), at: mapping.node,
                hint: Messages.Ingest.add(key: key))
            return nil
        }
        return string(node, key: key)
    }

    mutating func integer(_ node: Node, key: String) -> Int? {
        guard let value = node.scalar.flatMap({ Int($0.string) }) else {
            problem(Messages.Ingest.mustBeWholeNumber(key: key), at: node)
            return nil
        }
        return value
    }

    mutating func number(_ node: Node, key: String) -> Double? {
        guard let text = node.scalar?.string, let value = Double(text), value.isFinite else {
            problem(
                Messages.Ingest.mustBeNumber(key: key, value: node.scalar.map { Wording.same($0.string) } ?? Messages.Ingest.aListOrMapping), at: node
            )
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            problem(Messages.Ingest.mustBeTrueOrFalse(key: key), at: node)
            return nil
        }
    }

    mutating func sequence(_ node: Node, key: String) -> [Node]? {
        if node.scalar?.string == "" || node.scalar?.string == "~" { return [] }
        guard let sequence = node.sequence else {
            problem(Messages.Ingest.mustBeList(key: key), at: node)
            return nil
        }
        return Array(sequence)
    }

    /// A catalogue entry: `id`, `name_vi`, `name_en`, `points`, optional `counts_in`.
    mutating func entry(_ node: Node, kind: CatalogueNode.Kind, allowedKeys: Set<String>) -> CatalogueNode? {
        let what = "this \(kind.rawValue) entry"
        guard let mapping = mapping(node, what: what) else { return nil }
        rejectUnknownKeys(mapping, allowed: allowedKeys, in: what)
        let id = requiredString(mapping, "id", in: what)
        let nameVI = requiredString(mapping, "name_vi", in: "entry '\(id ?? "?")'")
        let nameEN = mapping["name_en"].flatMap { string($0, key: "name_en") } ?? nameVI
        guard let pointsNode = mapping["points"] else {
            problem(
                Messages.Ingest.entryHasNoPoints(id: id ?? "?"), at: node,
                hint: Messages.Ingest.addPoints0ForUnscored)
            return nil
        }
        let points = number(pointsNode, key: "points")
        var countsIn: [String] = []
        if let parents = mapping["counts_in"] {
            if let scalar = parents.scalar, !scalar.string.isEmpty {
                countsIn = [scalar.string]
            } else if let items = sequence(parents, key: "counts_in") {
                countsIn = items.compactMap { string($0, key: "counts_in") }
            }
        }
        // `note_en` (or the older `note`) and `note_vi`: reports show the one of their language.
        let note = (mapping["note_en"] ?? mapping["note"]).flatMap { string($0, key: "note_en") }
        let noteVI = mapping["note_vi"].flatMap { string($0, key: "note_vi") }
        let scoring = kind == .component ? componentScoring(mapping, id: id ?? "?") : nil
        guard let id, let nameVI, let nameEN, let points else { return nil }
        return CatalogueNode(
            id: id, kind: kind, nameVI: nameVI, nameEN: nameEN, points: points, countsIn: countsIn,
            scoring: scoring, note: note, noteVI: noteVI, location: location(node))
    }

    /// A component's `rule` with its parameters (`target`, `steps`), `measure` and `range`.
    private mutating func componentScoring(_ mapping: YAMLMapping, id: String) -> ComponentScoringRule? {
        guard let ruleNode = mapping["rule"] else { return nil }  // the catalogue check reports it
        guard let ruleName = string(ruleNode, key: "rule") else { return nil }
        let rule: ComponentRule
        switch ruleName {
        case "ratio":
            guard let targetNode = mapping["target"] else {
                problem(
                    Messages.Ingest.componentUsesRuleRatioBut(id: id), at: ruleNode,
                    hint: Messages.Ingest.addTarget1ForShare
                )
                return nil
            }
            guard let target = number(targetNode, key: "target") else { return nil }
            rule = .ratio(target: target)
        case "steps":
            guard let stepsNode = mapping["steps"], let items = sequence(stepsNode, key: "steps") else {
                problem(
                    Messages.Ingest.componentUsesRuleStepsBut(id: id), at: ruleNode,
                    hint: Messages.Ingest.addStepsWithAtLeast
                )
                return nil
            }
            var steps: [ComponentRule.Step] = []
            for item in items {
                guard let step = self.mapping(item, what: "a step") else { continue }
                rejectUnknownKeys(step, allowed: ["at_least", "points"], in: "a step")
                guard let atLeastNode = step["at_least"], let pointsNode = step["points"] else {
                    problem(Messages.Ingest.stepNeedsAtLeastAnd, at: item)
                    continue
                }
                if let atLeast = number(atLeastNode, key: "at_least"), let points = number(pointsNode, key: "points") {
                    steps.append(ComponentRule.Step(atLeast: atLeast, points: points))
                }
            }
            rule = .steps(steps)
        case "yes_half_no":
            rule = .yesHalfNo
        case "relative_to_best":
            rule = .relativeToBest
        default:
            let suggestions = EditDistance.closest(to: ruleName, among: ComponentRule.names)
            problem(
                Messages.Ingest.unknownRuleForComponent(ruleName: ruleName, id: id),
                at: ruleNode,
                hint: suggestions.isEmpty
                    ? Messages.Ingest.useOneOf(names: ComponentRule.names.joined(separator: ", "))
                    : Messages.Ingest.didYouMean(suggestion: suggestions[0]))
            return nil
        }
        var measure: ComponentMeasure = rule == .yesHalfNo ? .yesHalfNo : .share
        if let measureNode = mapping["measure"], let name = string(measureNode, key: "measure") {
            guard let parsed = ComponentMeasure(rawValue: name) else {
                problem(
                    Messages.Ingest.unknownMeasureForComponent(name: name, id: id),
                    at: measureNode,
                    hint: Messages.Ingest.useOneOf2(allCases: ComponentMeasure.allCases.map(\.rawValue).joined(separator: ", ")))
                return nil
            }
            measure = parsed
        }
        var range: ClosedRange<Double>?
        if let rangeNode = mapping["range"] {
            let bounds = sequence(rangeNode, key: "range")?.compactMap { number($0, key: "range") } ?? []
            guard bounds.count == 2, bounds[0] <= bounds[1] else {
                problem(
                    Messages.Ingest.rangeMustBeLowestHighest, at: rangeNode,
                    hint: Messages.Ingest.eGRange0500)
                return nil
            }
            range = bounds[0]...bounds[1]
        }
        return ComponentScoringRule(rule: rule, measure: measure, range: range)
    }
}

/// An ordered YAML mapping with string keys.
struct YAMLMapping {
    let node: Node
    let pairs: [(key: String, keyNode: Node, value: Node)]

    subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }
}

import DTICore

/// `dti explain` and the profile's "why it moved": a `ChangeExplanation` as a document and as JSON.
public struct ExplainView: Sendable {
    public let explanation: ChangeExplanation
    public let notices: [Notice]
    public let language: ReportLanguage

    public init(_ explanation: ChangeExplanation, notices: [Notice], language: ReportLanguage) {
        self.explanation = explanation
        self.notices = notices
        self.language = language
    }

    private var s: ExplainStrings { language.explainStrings }

    /// The headline: `DTI 0,6512 → 0,7057 (+0,0545) · hạng 20 → 16 (▲4)`.
    public var headline: String {
        language.movement(
            from: explanation.valueThen, to: explanation.valueNow, rank: explanation.rankThen, to: explanation.rankNow, label: s.rankMoved)
    }

    /// One line for `dti show`: the change and the two parts that moved it most.
    public var summary: String {
        let top = explanation.contributions.filter { $0.change != 0 && $0.isComparable }.prefix(2).map {
            "\(language.name(of: $0.node)) \(language.signed(Int64(($0.points * 10).rounded(.toNearestOrAwayFromZero)), decimals: 1))"
        }
        let since = "\(s.whyItMoved) (\(explanation.yearThen) → \(explanation.yearNow)): "
        return since + headline + (top.isEmpty ? "" : "; " + top.joined(separator: ", "))
    }

    /// The lines under the headline: framework change, passed, fell behind.
    public var facts: [String] {
        var lines: [String] = []
        if explanation.frameworkChanged {
            let comparable = explanation.contributions.filter(\.isComparable).count
            let names = explanation.notComparable.map { language.name(of: $0.node) }.joined(separator: ", ")
            lines.append(
                "\(s.frameworkChanged) (\(explanation.frameworkThen) → \(explanation.frameworkNow)): "
                    + "\(s.comparedParts.replacing("{count}", with: String(comparable))); \(s.notComparable): \(names.isEmpty ? s.none : names).")
        }
        func overtakes(_ list: [ChangeExplanation.Overtake]) -> String {
            guard !list.isEmpty else { return s.nobody }
            return list.map { overtake in
                // A move decided by a part that cannot be compared is not claimed.
                guard let id = overtake.decidingPartID else { return overtake.unit.name }
                let decider = explanation.contributions.first { $0.node.id == id }.map { language.name(of: $0.node) }
                return "\(overtake.unit.name) (\(s.decidedBy) \(decider ?? id))"
            }.joined(separator: ", ")
        }
        lines.append("\(s.passed): \(overtakes(explanation.passed)).")
        lines.append("\(s.fellBehind): \(overtakes(explanation.fellBehind)).")
        return lines
    }

    /// The contributions table as shown: rounded so that each column adds up to its total. Across
    /// a framework change, a part that cannot be compared shows its values but no points: what
    /// such parts gave or took together is one row of its own, the framework change's.
    public var table: AnalysisDocument.Table {
        let contributions = explanation.contributions.filter(\.isComparable)
        let incomparable = explanation.notComparable
        // The shares rounded together: the comparable parts, then the framework change's row.
        let changes = contributions.map(\.change) + (incomparable.isEmpty ? [] : [explanation.notComparableChange])
        let points = contributions.map(\.points) + (incomparable.isEmpty ? [] : [explanation.notComparablePoints])
        let totalKey = PublishedPrecision.key(explanation.change)
        let totalTenths = Int64((points.reduce(0, +) * 10).rounded(.toNearestOrAwayFromZero))
        let keys = Apportionment.rounded(changes, scale: 10_000, total: totalKey)
        let tenths = Apportionment.rounded(points, scale: 10, total: totalTenths)
        var rows: [[String]] = []
        for (index, contribution) in contributions.enumerated() {
            let name = language.name(of: contribution.node)
            rows.append(row(name, contribution, tenths: tenths[index], key: keys[index]))
            let componentKeys = Apportionment.rounded(contribution.components.map(\.change), scale: 10_000, total: keys[index])
            let componentTenths = Apportionment.rounded(contribution.components.map(\.points), scale: 10, total: tenths[index])
            for (offset, component) in contribution.components.enumerated() {
                rows.append(row("  └ " + language.name(of: component.node), component, tenths: componentTenths[offset], key: componentKeys[offset]))
            }
        }
        for contribution in incomparable {
            rows.append([
                language.name(of: contribution.node) + " (\(s.notComparable))",
                contribution.isMissingThen ? language.terminal.missing : language.number(contribution.valueThen),
                contribution.isMissingNow ? language.terminal.missing : language.number(contribution.valueNow), "", "",
            ])
        }
        if !incomparable.isEmpty, let last = keys.last, let lastTenths = tenths.last {
            let label = Messages.Report.frameworkChangePartsNotComparable.text(language)
            rows.append([label, "", "", language.signed(lastTenths, decimals: 1), language.signed(last, decimals: 4)])
        }
        rows.append([
            s.total, language.number(explanation.valueThen), language.number(explanation.valueNow),
            language.signed(totalTenths, decimals: 1), language.signed(totalKey, decimals: 4),
        ])
        return AnalysisDocument.Table(header: [s.indicator, s.then, s.now, s.points, s.dtiShare], rows: rows, numericColumns: [1, 2, 3, 4])
    }

    private func row(_ name: String, _ contribution: ChangeExplanation.Contribution, tenths: Int64, key: Int64) -> [String] {
        [
            name, contribution.isMissingThen ? language.terminal.missing : language.number(contribution.valueThen),
            contribution.isMissingNow ? language.terminal.missing : language.number(contribution.valueNow),
            language.signed(tenths, decimals: 1), language.signed(key, decimals: 4),
        ]
    }

    /// The document for the terminal, Markdown and CSV.
    public var document: AnalysisDocument {
        let title = "\(s.explainTitle): \(explanation.unit.name), \(explanation.yearThen) → \(explanation.yearNow)"
        var csvRows: [[String]] = []
        for contribution in explanation.contributions {
            csvRows.append(csvRow(contribution, parent: ""))
            csvRows += contribution.components.map { csvRow($0, parent: contribution.node.id) }
        }
        let csv = AnalysisDocument.Table(
            header: ["indicator", "parent", "previous_value", "value", "points", "change", "comparable"], rows: csvRows, numericColumns: [])
        return AnalysisDocument(
            title: title, notices: notices.map(language.text(of:)), noticeCodes: notices.map(\.code),
            blocks: [.line(headline)] + [.table(table)] + facts.map(AnalysisDocument.Block.line) + [.line(s.pointsNote)], mainTable: csv)
    }

    private func csvRow(_ contribution: ChangeExplanation.Contribution, parent: String) -> [String] {
        [
            contribution.node.id, parent, contribution.valueThen.map { String($0) } ?? "", contribution.valueNow.map { String($0) } ?? "",
            contribution.isComparable ? String(contribution.points) : "", contribution.isComparable ? String(contribution.change) : "",
            contribution.isComparable ? "true" : "false",
        ]
    }

    /// The documented JSON (Documentation/Explain.md).
    public var json: JSONValue {
        func contribution(_ item: ChangeExplanation.Contribution) -> JSONValue {
            .object([
                ("indicator", .string(item.node.id)), ("name", .string(language.name(of: item.node))),
                // A part that cannot be compared has values but no points of its own.
                ("points", item.isComparable ? .number(item.points) : .null), ("change", item.isComparable ? .number(item.change) : .null),
                ("value", .number(item.valueNow)), ("previous_value", .number(item.valueThen)),
                ("comparable", .bool(item.isComparable)), ("components", .array(item.components.map(contribution))),
            ])
        }
        func overtake(_ item: ChangeExplanation.Overtake) -> JSONValue {
            .object([
                ("code", .string(item.unit.code)), ("name", .string(item.unit.name)), ("rank", .integer(item.rankNow)),
                ("previous_rank", .integer(item.rankThen)), ("decided_by", item.decidingPartID.map(JSONValue.string) ?? .null),
            ])
        }
        return .object([
            ("unit", .unit(explanation.unit)), ("year", .integer(explanation.yearNow)), ("since", .integer(explanation.yearThen)),
            ("framework", .string(explanation.frameworkNow)), ("previous_framework", .string(explanation.frameworkThen)),
            ("dti", .number(explanation.valueNow)), ("previous_dti", .number(explanation.valueThen)), ("change", .number(explanation.change)),
            ("rank", .integer(explanation.rankNow)), ("previous_rank", .integer(explanation.rankThen)),
            ("rank_change", .integer(explanation.rankChange)),
            ("contributions", .array(explanation.contributions.map(contribution))),
            ("not_comparable", .array(explanation.notComparable.map { .string($0.node.id) })),
            ("not_comparable_change", explanation.notComparable.isEmpty ? .null : .number(explanation.notComparableChange)),
            ("passed", .array(explanation.passed.map(overtake))), ("fell_behind", .array(explanation.fellBehind.map(overtake))),
            ("notices", .notices(notices)),
        ])
    }
}

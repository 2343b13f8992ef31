import DTICore

/// `dti whatif`: a `WhatIf` as a document and as JSON.
public struct WhatIfView: Sendable {
    public let whatIf: WhatIf
    public let language: ReportLanguage
    /// What every output must say: the notices of the edition as ranked (a merged set's included).
    public let notices: [Notice]

    public init(_ whatIf: WhatIf, notices: [Notice]? = nil, language: ReportLanguage) {
        self.whatIf = whatIf
        self.language = language
        self.notices = notices ?? whatIf.after.notices
    }

    private var s: ExplainStrings { language.explainStrings }

    /// A main indicator's value as a share (`0,9500`); a component's raw value as given (`177`).
    private func display(_ value: Double?, of node: CatalogueNode) -> String {
        guard let value else { return "–" }
        return node.kind == .component ? String(value) : language.number(value)
    }

    public var document: AnalysisDocument {
        let title = "\(s.whatIfTitle): \(whatIf.unit.name), \(whatIf.after.edition.year)"
        let headline = language.movement(
            from: whatIf.previousValue, to: whatIf.value, rank: whatIf.previousRank, to: whatIf.rank, label: s.rankMoved)
        let tenths = Apportionment.rounded(whatIf.changes.map(\.points), scale: 10)
        let table = AnalysisDocument.Table(
            header: [s.indicator, s.previousValue, s.value, s.points],
            rows: whatIf.changes.enumerated().map { index, change in
                [
                    language.name(of: change.node), display(change.previousValue, of: change.node), display(change.value, of: change.node),
                    language.signed(tenths[index], decimals: 1),
                ]
            }, numericColumns: [1, 2, 3])
        let passed = whatIf.passed.map(\.name)
        let csv = AnalysisDocument.Table(
            header: ["indicator", "previous_value", "value", "points"],
            rows: whatIf.changes.map { [$0.node.id, $0.previousValue.map { String($0) } ?? "", String($0.value), String($0.points)] },
            numericColumns: [])
        return AnalysisDocument(
            title: title, notices: notices.map(language.text(of:)), noticeCodes: notices.map(\.code),
            blocks: [
                .line(headline), .table(table), .line("\(s.passed): \(passed.isEmpty ? s.nobody : passed.joined(separator: ", "))."),
                .line(s.whatIfNote),
            ], mainTable: csv)
    }

    /// The documented JSON (Documentation/Explain.md).
    public var json: JSONValue {
        .object([
            ("unit", .unit(whatIf.unit)), ("year", .integer(whatIf.after.edition.year)),
            ("dti", .number(whatIf.value)), ("rank", .integer(whatIf.rank)),
            ("previous_dti", .number(whatIf.previousValue)), ("previous_rank", .integer(whatIf.previousRank)),
            (
                "changes",
                .array(
                    whatIf.changes.map {
                        .object([
                            ("indicator", .string($0.node.id)), ("name", .string(language.name(of: $0.node))), ("value", .number($0.value)),
                            ("previous_value", .number($0.previousValue)), ("points", .number($0.points)),
                        ])
                    })
            ),
            ("passed", .array(whatIf.passed.map(JSONValue.unit))), ("notices", .notices(notices)),
        ])
    }
}

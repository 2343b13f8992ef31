import DTICore

/// `dti target`: a `RankTarget` as a document and as JSON, with the index and rank that the plan's
/// values actually give when the edition is scored again (`check`).
public struct TargetView: Sendable {
    public let target: RankTarget
    /// The edition scored again with the plan's values: the proof of the plan.
    public let check: WhatIf?
    public let notices: [Notice]
    public let year: Int
    public let language: ReportLanguage

    public init(_ target: RankTarget, check: WhatIf?, notices: [Notice], year: Int, language: ReportLanguage) {
        self.target = target
        self.check = check
        self.notices = notices
        self.year = year
        self.language = language
    }

    private var s: ExplainStrings { language.explainStrings }

    /// The index and rank after the plan, as scored again (the current ones when nothing is planned).
    public var value: Double { check?.value ?? target.currentValue }
    public var rank: Int { check?.rank ?? target.currentRank }

    public var status: String {
        if target.neededValue == nil { return "\(s.rank) \(target.targetRank): \(s.alreadyHeld) (\(s.rank) \(target.currentRank))." }
        guard target.isReachable else {
            let short = language.points(target.shortfall)
            let underCap =
                Messages.Report.withEveryIndicatorAtCap.text(language)
            return "\(s.rank) \(target.targetRank): \(s.unreachable); \(s.shortBy) \(short) \(s.points.lowercased())\(underCap)."
        }
        let needed = s.pointsNeeded.replacing("{points}", with: language.points(target.points))
        return "\(s.rank) \(target.targetRank): \(needed) → DTI ≥ \(language.number(target.neededValue))."
    }

    /// The rule the plan keeps to, stated under it: the cap, where points go first, and whether a
    /// shared rank counts.
    public var rule: String {
        let cap: String
        switch target.cap {
        case .best: cap = Messages.Report.bestValueAnyUnitReached(year: year).text(language)
        case let .value(value): cap = language.number(value)
        case .none: cap = Messages.Report.fullPoints10000.text(language)
        }
        let tie = target.allowsTie ? Messages.Report.targetRuleTie : Messages.Report.targetRuleNoTie
        return Messages.Report.targetRule(cap: cap, rank: target.targetRank, tie: tie).text(language)
    }

    public var document: AnalysisDocument {
        let title = "\(s.targetTitle): \(target.unit.name), \(year) → \(s.rank.lowercased()) \(target.targetRank)"
        let now = "DTI \(language.number(target.currentValue)) · \(s.rankMoved) \(target.currentRank)"
        var blocks: [AnalysisDocument.Block] = [.line(now), .line(status)]
        if !target.plan.isEmpty {
            let tenths = Apportionment.rounded(target.plan.map(\.points), scale: 10)
            blocks.append(
                .table(
                    AnalysisDocument.Table(
                        header: [s.plan, s.previousValue, s.value, s.points],
                        rows: target.plan.enumerated().map { index, step in
                            [
                                language.name(of: step.node), language.number(step.previousValue), language.number(step.value),
                                language.signed(tenths[index], decimals: 1),
                            ]
                        }, numericColumns: [1, 2, 3])))
            blocks.append(.line("\(s.after): DTI \(language.number(value)) · \(s.rankMoved) \(rank)"))
        }
        if target.neededValue != nil { blocks.append(.line(rule)) }
        let csv = AnalysisDocument.Table(
            header: ["indicator", "previous_value", "value", "points"],
            rows: target.plan.map { [$0.node.id, String($0.previousValue), String($0.value), String($0.points)] }, numericColumns: [])
        return AnalysisDocument(
            title: title, notices: notices.map(language.text(of:)), noticeCodes: notices.map(\.code), blocks: blocks, mainTable: csv)
    }

    private var capJSON: JSONValue {
        switch target.cap {
        case .best: .string("best")
        case let .value(value): .number(value)
        case .none: .string("none")
        }
    }

    /// The documented JSON (Documentation/Explain.md).
    public var json: JSONValue {
        .object([
            ("unit", .unit(target.unit)), ("year", .integer(year)), ("target_rank", .integer(target.targetRank)),
            ("reachable", .bool(target.isReachable)), ("dti", .number(value)), ("rank", .integer(rank)),
            ("previous_dti", .number(target.currentValue)), ("previous_rank", .integer(target.currentRank)),
            ("needed_dti", .number(target.neededValue)), ("points", .number(target.points)), ("shortfall", .number(target.shortfall)),
            ("cap", capJSON), ("tie", .bool(target.allowsTie)),
            (
                "plan",
                .array(
                    target.plan.map {
                        .object([
                            ("indicator", .string($0.node.id)), ("name", .string(language.name(of: $0.node))), ("points", .number($0.points)),
                            ("value", .number($0.value)), ("previous_value", .number($0.previousValue)),
                        ])
                    })
            ),
            ("notices", .notices(notices)),
        ])
    }
}

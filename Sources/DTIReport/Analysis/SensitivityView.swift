import DTIAnalysis
import DTICore

/// `dti sensitivity` as a document (table, Markdown, CSV) and as JSON: each unit's rank interval,
/// the groups whose order is not meaningful, what dropping each element does, and, when asked,
/// which assumption matters.
public struct SensitivityView: Sendable {
    let matrix: IndexMatrix
    let analysis: UncertaintyAnalysis
    let removeOne: RemoveOneAnalysis
    let sobol: SobolAnalysis?
    let notices: [Notice]
    let year: Int
    let language: ReportLanguage

    public init(
        matrix: IndexMatrix, analysis: UncertaintyAnalysis, removeOne: RemoveOneAnalysis, sobol: SobolAnalysis?, notices: [Notice],
        year: Int, language: ReportLanguage
    ) {
        self.matrix = matrix
        self.analysis = analysis
        self.removeOne = removeOne
        self.sobol = sobol
        self.notices = notices
        self.year = year
        self.language = language
    }

    /// Units in official order.
    private var order: [Int] {
        matrix.units.indices.sorted {
            matrix.nominalRanks[$0] != matrix.nominalRanks[$1]
                ? matrix.nominalRanks[$0] < matrix.nominalRanks[$1] : matrix.units[$0].code < matrix.units[$1].code
        }
    }

    /// Group number (1-based) of each unit in a group.
    private var groupOf: [Int: Int] {
        var result: [Int: Int] = [:]
        for (number, group) in analysis.groups.enumerated() { for unit in group { result[unit] = number + 1 } }
        return result
    }

    /// The words of the aggregation and imputation choices (English keeps the options' own
    /// spelling, `--aggregation`/`--imputation`).
    static let choices: [String: Wording] = [
        "sum": Messages.Report.choiceSum, "geometric": Messages.Report.choiceGeometric, "zero": Messages.Report.choiceZero,
        "mean": Messages.Report.choiceMean, "median": Messages.Report.choiceMedian, "region-mean": Messages.Report.choiceRegionMean,
        "official": Messages.Report.choiceOfficial,
    ]

    /// An uncertain input as a reader reads it: in Vietnamese an element's weight by the element's
    /// name ("trọng số Nhận thức số", not `weight:awareness`); English and the JSON keep the ids.
    func inputName(_ input: String) -> String {
        if input.hasPrefix("weight:") {
            let id = String(input.dropFirst("weight:".count))
            let element = Wording.name(en: id, vi: matrix.elements.first { $0.id == id }?.nameVI ?? id)
            return Messages.Report.inputWeight(element: element).text(language)
        }
        let inputs = [
            "aggregation": Messages.Report.inputAggregation, "imputation": Messages.Report.inputImputation,
            "normalisation": Messages.Report.inputNormalisation,
        ]
        return inputs[input]?.text(language) ?? input
    }

    /// What was varied, in one sentence.
    public var assumptionsSentence: String {
        let a = analysis.assumptions
        let spread = PublishedPrecision.format(a.weightSpread * 100, decimals: 0)
        let weights =
            a.weightSpread > 0
            ? (Messages.Report.eachElementSWeightRescaled(spread: spread).text(language))
            : (Messages.Report.officialWeights.text(language))
        // Choices read "cộng hoặc nhân" in Vietnamese (the English keeps the options' `sum|geometric`).
        let or = Messages.Report.choiceOr.text(language)
        let aggregation = a.aggregations.map { Self.choices[$0.rawValue]?.text(language) ?? $0.rawValue }.joined(separator: or)
        let imputation = a.imputations.map { Self.choices[$0.rawValue]?.text(language) ?? $0.rawValue }.joined(separator: or)
        let normalisation = a.normalisations.map(\.rawValue).joined(separator: "|")
        let normalised = a.normalisations == [.official] ? "" : (Messages.Report.normalisation2(normalisation: normalisation).text(language))
        return Messages.Report.runsSeedAggregationMissingValues(
            runs: GroupedCount(analysis.runs), seed: String(analysis.seed), weights: weights, aggregation: aggregation, imputation: imputation,
            normalised: normalised
        ).text(language)
    }

    private func interval(_ unit: Int) -> String {
        let i = analysis.intervals[unit]
        return i.p05 == i.p95 ? "\(i.p05)" : "\(i.p05)–\(i.p95)"
    }

    private func estimate(_ estimate: SobolAnalysis.Estimate?) -> String {
        guard let estimate else { return "—" }
        let f = { language.figure($0, decimals: 2) }
        return "\(f(estimate.value)) [\(f(estimate.low)), \(f(estimate.high))]"
    }

    /// The input with the largest total index for a unit, if its rank varies at all.
    private func mattersMost(_ unit: Int) -> String {
        guard let sobol else { return "" }
        let best = sobol.perUnit[unit].compactMap { indices in indices.total.map { (indices.input, $0.value) } }.max { $0.1 < $1.1 }
        return best.map { "\(inputName($0.0)) (\(PublishedPrecision.format($0.1, decimals: 2, decimalSeparator: language.decimalMark)))" } ?? "—"
    }

    /// The main table: one row per unit.
    private var unitTable: AnalysisDocument.Table {
        var header = language.headings(Messages.Report.sensitivityHeaders)
        if sobol != nil { header.append(Messages.Report.mattersMostST.text(language)) }
        let groups = groupOf
        let rows = order.map { unit in
            var row = [
                "\(matrix.nominalRanks[unit])", matrix.units[unit].code, matrix.units[unit].name, "\(analysis.intervals[unit].median)",
                interval(unit), groups[unit].map { "G\($0)" } ?? "",
            ]
            if sobol != nil { row.append(mattersMost(unit)) }
            return row
        }
        return AnalysisDocument.Table(header: header, rows: rows, numericColumns: [0, 3, 4])
    }

    /// The CSV table: full figures, one row per unit.
    private var csvTable: AnalysisDocument.Table {
        let groups = groupOf
        return AnalysisDocument.Table(
            header: ["code", "name", "rank", "median", "p05", "p95", "mean", "group"],
            rows: order.map { unit in
                let i = analysis.intervals[unit]
                return [
                    matrix.units[unit].code, matrix.units[unit].name, "\(i.nominal)", "\(i.median)", "\(i.p05)", "\(i.p95)",
                    NumberText.exact(i.mean), groups[unit].map(String.init) ?? "",
                ]
            }, numericColumns: [2, 3, 4, 5, 6])
    }

    public var document: AnalysisDocument {
        let title =
            Messages.Report.howSolidIsEachRank2(year: year).text(language)
        var blocks: [AnalysisDocument.Block] = [.line(assumptionsSentence), .table(unitTable)]
        let groups = analysis.groups
        if groups.isEmpty {
            blocks.append(
                .line(
                    Messages.Report.noTwoUnitsSwapPlaces.text(language)))
        } else {
            let names = groups.enumerated().map { number, group in
                "G\(number + 1): " + group.map { matrix.units[$0].name }.joined(separator: ", ")
            }
            blocks.append(
                .line(
                    (Messages.Report.orderWithinEachGroupIs.text(language))
                        + names.joined(separator: "; ")))
        }
        blocks.append(
            .line(Messages.Report.droppingEachElementOfficialMethod.text(language)))
        blocks.append(
            .table(
                AnalysisDocument.Table(
                    header: language.headings(Messages.Report.removeOneHeaders),
                    rows: removeOne.removals.map { removal in
                        let most = removal.shifts.indices.max { abs(removal.shifts[$0]) < abs(removal.shifts[$1]) }
                        let moved = most.map { unit in
                            "\(matrix.units[unit].name) (\(matrix.nominalRanks[unit]) → \(removal.ranks[unit]))"
                        }
                        // The element's Vietnamese name for a Vietnamese reader, its id otherwise.
                        let element = language.text(en: removal.elementID, vi: matrix.elements.first { $0.id == removal.elementID }?.nameVI)
                        return [
                            element,
                            PublishedPrecision.format(removal.meanAbsoluteShift, decimals: 2, decimalSeparator: language.decimalMark),
                            "\(removal.maxAbsoluteShift)", removal.maxAbsoluteShift == 0 ? "—" : moved ?? "—",
                        ]
                    }, numericColumns: [1, 2])))
        if let sobol {
            blocks.append(
                .line(
                    Messages.Report.sobolIndicesSaltelliDesignRuns(runs: GroupedCount(sobol.runs), baseRuns: sobol.baseRuns).text(language)
                ))
            blocks.append(
                .table(
                    AnalysisDocument.Table(
                        header: language.headings(Messages.Report.sobolHeaders),
                        rows: sobol.overall.map { [inputName($0.input), estimate($0.first), estimate($0.total)] }, numericColumns: [1, 2])))
        }
        return AnalysisDocument(
            title: title, notices: notices.map(language.text(of:)), noticeCodes: notices.map(\.code), blocks: blocks, mainTable: csvTable)
    }

    private func sobolJSON(_ indices: [SobolAnalysis.InputIndices]) -> JSONValue {
        func estimate(_ estimate: SobolAnalysis.Estimate?) -> JSONValue {
            guard let estimate else { return .null }
            return .object([("value", .number(estimate.value)), ("low", .number(estimate.low)), ("high", .number(estimate.high))])
        }
        return .array(indices.map { .object([("input", .string($0.input)), ("first", estimate($0.first)), ("total", estimate($0.total))]) })
    }

    /// The documented JSON: one object per unit with `code`, `name`, `rank`, `median`, `p05`, `p95`.
    public var json: JSONValue {
        let a = analysis.assumptions
        let groups = groupOf
        var pairs: [(String, JSONValue)] = [
            ("year", .integer(year)), ("runs", .integer(analysis.runs)), ("seed", .integer(Int(truncatingIfNeeded: analysis.seed))),
            (
                "assumptions",
                .object([
                    ("weight_spread", .number(a.weightSpread)), ("aggregations", .array(a.aggregations.map { .string($0.rawValue) })),
                    ("imputations", .array(a.imputations.map { .string($0.rawValue) })),
                    ("normalisations", .array(a.normalisations.map { .string($0.rawValue) })),
                ])
            ),
            (
                "units",
                .array(
                    order.map { unit in
                        let i = analysis.intervals[unit]
                        return .object([
                            ("code", .string(matrix.units[unit].code)), ("name", .string(matrix.units[unit].name)), ("rank", .integer(i.nominal)),
                            ("median", .integer(i.median)), ("p05", .integer(i.p05)), ("p95", .integer(i.p95)), ("mean", .number(i.mean)),
                            ("group", .integer(groups[unit])),
                        ])
                    })
            ),
            ("groups", .array(analysis.groups.map { .array($0.map { .string(matrix.units[$0].code) }) })),
            (
                "remove_one",
                .array(
                    removeOne.removals.map { removal in
                        .object([
                            ("element", .string(removal.elementID)), ("mean_absolute_shift", .number(removal.meanAbsoluteShift)),
                            ("max_absolute_shift", .integer(removal.maxAbsoluteShift)),
                            ("shifts", .object(order.map { (matrix.units[$0].code, .integer(removal.shifts[$0])) })),
                        ])
                    })
            ),
        ]
        if let sobol {
            pairs.append(
                (
                    "sobol",
                    .object([
                        ("runs", .integer(sobol.runs)), ("base_runs", .integer(sobol.baseRuns)), ("overall", sobolJSON(sobol.overall)),
                        (
                            "units",
                            .array(order.map { .object([("code", .string(matrix.units[$0].code)), ("indices", sobolJSON(sobol.perUnit[$0]))]) })
                        ),
                    ])
                ))
        }
        pairs.append(("notices", .notices(notices)))
        return .object(pairs)
    }

    /// Every run's sampled parameters and resulting ranks, for an auditor: one CSV row per run.
    public func runsCSV() -> String {
        var text = ""
        runsCSV { text += $0 }
        return text
    }

    /// The same CSV handed to `write` a few hundred lines at a time, so ten million runs are never
    /// held as one text.
    public func runsCSV(_ write: (String) throws -> Void) rethrows {
        let units = matrix.units
        let header =
            ["run", "aggregation", "imputation", "normalisation"] + matrix.elements.map { "weight_factor_\($0.id)" } + units.map { "rank_\($0.code)" }
        var chunk = header.map(RankingCSVRenderer.quote).joined(separator: ",") + "\n"
        for run in 0..<analysis.runs {
            let parameters = analysis.parameters[run]
            var fields = ["\(run + 1)", parameters.aggregation.rawValue, parameters.imputation.rawValue, parameters.normalisation.rawValue]
            fields += parameters.factors.map { NumberText.exact($0) }
            for unit in units.indices { fields.append(String(analysis.ranks[run * units.count + unit])) }
            chunk += fields.joined(separator: ",") + "\n"
            if chunk.utf8.count >= 1 << 16 {
                try write(chunk)
                chunk = ""
            }
        }
        if !chunk.isEmpty { try write(chunk) }
    }
}

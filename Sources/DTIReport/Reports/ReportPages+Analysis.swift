import DTIAnalysis
import DTICore

/// The parts of a report set that `--uncertainty` and `--audit` add: rank intervals on the
/// national page, and an audit page.
extension ReportPages {
    /// The header of the interval column.
    var intervalHeader: String { Messages.Report.rankInterval595.text(lang) }

    /// A unit's interval cell: `12 (9–15)`, with a dot and whisker in HTML.
    func intervalCell(_ row: ResultRow) -> ReportCell {
        guard let interval = input.uncertainty?.interval(of: row.unit.code) else { return ReportCell("–", sortValue: 999) }
        let range = interval.p05 == interval.p95 ? "\(interval.p05)" : "\(interval.p05)–\(interval.p95)"
        var cell = ReportCell("\(interval.median) (\(range))", sortValue: Double(interval.p95 - interval.p05))
        cell.interval = (interval.p05, interval.median, interval.p95, ranked.count)
        cell.note =
            Messages.Report.median90OfRunsWithin(median: interval.median, p05: interval.p05, p95: interval.p95).text(lang)
        return cell
    }

    /// The section on how solid the ranks are: a paragraph in plain language and the chart.
    func uncertaintySection() -> [ReportBlock] {
        guard let uncertainty = input.uncertainty else { return [] }
        let analysis = uncertainty.analysis
        let rows = ranked
        let intervals = rows.compactMap { uncertainty.interval(of: $0.unit.code) }
        let fixed = intervals.filter { $0.p05 == $0.p95 && $0.p05 == $0.nominal }.count
        let widest = rows.max { lhs, rhs in
            let l = uncertainty.interval(of: lhs.unit.code).map { $0.p95 - $0.p05 } ?? 0
            let r = uncertainty.interval(of: rhs.unit.code).map { $0.p95 - $0.p05 } ?? 0
            return l < r
        }
        let spread = PublishedPrecision.format(analysis.assumptions.weightSpread * 100, decimals: 0)
        let aggregations = analysis.assumptions.aggregations.contains(.geometric)
        let codes = rows.map(\.unit.code)
        let names = Dictionary(uniqueKeysWithValues: rows.map { ($0.unit.code, $0.unit.name) })
        let groups = uncertainty.groups().filter { group in group.allSatisfy { codes.contains($0) } }
        // Every group, in a table (official ranks, then the units): a sentence that listed five and
        // ended with "…" left the reader to guess the rest.
        let groupRows: [[ReportCell]] = groups.map { group in
            let ranks = group.compactMap { uncertainty.interval(of: $0)?.nominal }
            let span = ranks.min().map { low in ranks.max().map { $0 == low ? "\(low)" : "\(low)–\($0)" } ?? "\(low)" } ?? "–"
            var units = ReportCell(group.compactMap { names[$0] }.joined(separator: ", "))
            units.wraps = true
            return [ReportCell(span, sortValue: ranks.min().map(Double.init)), units]
        }
        var paragraph = Messages.Report.uncertaintyColumn(
            header: intervalHeader, runs: GroupedCount(analysis.runs), spread: spread,
            aggregations: aggregations ? Messages.Report.uncertaintyAggregations : Wording.same(""), seed: String(analysis.seed), fixed: fixed,
            units: rows.count
        ).text(lang)
        if let widest, let interval = uncertainty.interval(of: widest.unit.code), interval.p95 > interval.p05 {
            paragraph += Messages.Report.uncertaintyWidest(unit: widest.unit.name, low: interval.p05, high: interval.p95).text(lang)
        }
        paragraph +=
            (groups.isEmpty ? Messages.Report.uncertaintyNoSwaps : Messages.Report.uncertaintyGroups(count: GroupedCount(groups.count))).text(lang)
        let chart = RankIntervalChart(
            title: Messages.Report.dtiRankIntervals595(year: year).text(lang),
            rows: rows.compactMap { row in
                uncertainty.interval(of: row.unit.code).map {
                    RankIntervalChart.Row(label: row.unit.name, nominal: $0.nominal, median: $0.median, low: $0.p05, high: $0.p95)
                }
            }, worst: rows.count, axisLabel: Messages.Report.rankRingOfficialDotMedian.text(lang))
        let groupTable: [ReportBlock] =
            groups.isEmpty
            ? []
            : [
                .table(
                    ReportTable(
                        header: [
                            Messages.Report.officialRanks.text(lang), Messages.Report.readAsTie(unitHeading: unitHeading).text(lang),
                        ],
                        rows: groupRows, numericColumns: [0]))
            ]
        return [
            .heading(Messages.Report.howSolidIsEachRank.text(lang), level: 2), .paragraph(paragraph),
        ] + groupTable + [
            .chart(id: "rank-intervals", svg: { chart.svg(standalone: $0) }, caption: chart.title)
        ]
    }

    /// The audit page: statistics, correlations as heat maps, Cronbach's alpha and warnings.
    public func auditPage(_ audit: StatisticalAudit) -> ReportDocument {
        let title = Messages.Report.statisticalAuditDTI(year: year).text(lang)
        let view = AuditView(audit, notices: [], year: year, language: lang, catalogue: result.catalogue)
        let statistics = view.statisticsTable
        // Entries by name (which wrap in a narrow column), not by id.
        func name(_ id: String) -> String { result.catalogue.node(id).map { lang.name(of: $0) } ?? id }
        func heatMap(_ correlations: StatisticalAudit.Correlations) -> ReportTable {
            ReportTable(
                header: [Messages.Explain.indicator.text(lang)] + correlations.columns.map(name),
                rows: zip(correlations.rows, correlations.values).map { row, values in
                    [ReportCell(name(row))]
                        + values.map { value in
                            ReportCell(
                                value.map { PublishedPrecision.format($0, decimals: 2, decimalSeparator: lang.decimalMark) } ?? "—",
                                heat: value.map { max(0, $0) }, sortValue: value)
                        }
                }, numericColumns: Set(1...correlations.columns.count), isCompact: true)
        }
        var blocks: [ReportBlock] = [.heading(title, level: 1)] + banners
        blocks += [
            .heading(Messages.Report.descriptiveStatistics.text(lang), level: 2), .paragraph(view.statisticsNote),
            .table(
                ReportTable(
                    header: statistics.header, rows: statistics.rows.map { $0.map { ReportCell($0) } }, numericColumns: statistics.numericColumns)),
            .heading(Messages.Report.pearsonCorrelations.text(lang), level: 2), .paragraph(view.correlationNote), .table(heatMap(audit.pearson)),
            .heading(Messages.Report.spearmanCorrelations.text(lang), level: 2), .table(heatMap(audit.spearman)),
        ]
        if !audit.alpha.isEmpty { blocks += [.heading("Cronbach's alpha", level: 2), .paragraph(view.alphaLine)] }
        blocks.append(.heading(Messages.Report.warnings.text(lang), level: 2))
        blocks += view.warningLines.map(ReportBlock.paragraph)
        return ReportDocument(name: "audit", title: title, blocks: blocks + footer)
    }
}

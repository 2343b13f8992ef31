import DTIAnalysis
import DTICore

/// `dti audit` as a document and as JSON: the statistics of every main indicator and component,
/// the correlation matrices, Cronbach's alpha per pillar and the warnings.
public struct AuditView: Sendable {
    let audit: StatisticalAudit
    let notices: [Notice]
    let year: Int
    let language: ReportLanguage
    /// Names for the matrices' row labels, when the catalogue is known.
    let catalogue: IndicatorCatalogue?

    public init(_ audit: StatisticalAudit, notices: [Notice], year: Int, language: ReportLanguage, catalogue: IndicatorCatalogue? = nil) {
        self.catalogue = catalogue
        self.audit = audit
        self.notices = notices
        self.year = year
        self.language = language
    }

    private func figure(_ value: Double?, decimals: Int = 4) -> String {
        value.map { language.figure($0, decimals: decimals) } ?? "—"
    }

    /// A kind, short under the heading "Loại", so that the table fits 100 columns.
    private func kindLabel(_ kind: CatalogueNode.Kind) -> String {
        switch kind {
        case .index: Messages.Report.auditKindIndex.text(language)
        case .pillar: Messages.Report.auditKindPillar.text(language)
        case .indicator: Messages.Report.auditKindIndicator.text(language)
        case .component: Messages.Report.auditKindComponent.text(language)
        }
    }

    var statisticsTable: AnalysisDocument.Table {
        AnalysisDocument.Table(
            header: language.headings(Messages.Report.auditHeaders),
            rows: audit.statistics.map { entry in
                [
                    language.entryName(entry.id, in: catalogue), kindLabel(entry.kind), "\(entry.available)/\(entry.units)",
                    figure(entry.mean), figure(entry.standardDeviation),
                    figure(entry.skewness, decimals: 2), figure(entry.kurtosis, decimals: 2),
                    entry.flaggedOutliers ? (Messages.Report.yes.text(language)) : (Messages.Report.no.text(language)),
                ]
            }, numericColumns: [2, 3, 4, 5, 6])
    }

    /// The statistics for a CSV file, in every language alike: English keys and numbers with a
    /// decimal point at full precision, as every CSV dti writes (a program reads them as numbers;
    /// `0,0799` would be text to most, and `-0,04` was once guarded as a formula).
    var csvTable: AnalysisDocument.Table {
        AnalysisDocument.Table(
            header: ["id", "kind", "available", "units", "mean", "sd", "skewness", "kurtosis", "outliers"],
            rows: audit.statistics.map { entry in
                [
                    entry.id, entry.kind.rawValue, String(entry.available), String(entry.units), exact(entry.mean),
                    exact(entry.standardDeviation), exact(entry.skewness), exact(entry.kurtosis), entry.flaggedOutliers ? "true" : "false",
                ]
            }, numericColumns: [2, 3, 4, 5, 6, 7])
    }

    private func exact(_ value: Double?) -> String { value.map(NumberText.exact) ?? "" }

    /// A matrix that fits a terminal of 100 columns: the columns are numbered, and each row says
    /// which number it is, with the entry's name (in Vietnamese) or id, cut to 24 characters.
    private func matrixTable(_ correlations: StatisticalAudit.Correlations) -> AnalysisDocument.Table {
        let numberOf = Dictionary(correlations.columns.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        func label(_ id: String) -> String {
            let name = language.entryName(id, in: catalogue)
            let cut = name.count > 24 ? String(name.prefix(23)) + "…" : name
            return numberOf[id].map { "\($0) \(cut)" } ?? cut
        }
        return AnalysisDocument.Table(
            header: [""] + correlations.columns.indices.map { String($0 + 1) },
            rows: zip(correlations.rows, correlations.values).map { row, values in [label(row)] + values.map { figure($0, decimals: 2) } },
            numericColumns: Set(1...correlations.columns.count))
    }

    /// Which entry each numbered matrix column is: the rows say it for theirs, this for the rest.
    func columnKey(_ correlations: StatisticalAudit.Correlations) -> String {
        let rows = Set(correlations.rows)
        let others = correlations.columns.enumerated().filter { !rows.contains($0.element) }.map { index, id in
            "\(index + 1) " + language.entryName(id, in: catalogue)
        }
        let lead = Messages.Report.columnsNumberedAsRows.text(language)
        return lead + (others.isEmpty ? "." : "; " + others.joined(separator: "; ") + ".")
    }

    var statisticsNote: String {
        Messages.Report.statisticsOverUnitsWithValue.text(language)
    }

    var correlationNote: String {
        Messages.Report.missingValuesCountAs0.text(language)
    }

    var alphaLine: String {
        (Messages.Report.cronbachSAlphaPerPillar.text(language))
            + audit.alpha.map { "\(language.entryName($0.pillarID, in: catalogue)) \(figure($0.value, decimals: 2))" }
            .joined(separator: ", ")
    }

    var warningLines: [String] {
        audit.warnings.isEmpty ? [Messages.Report.noWarnings.text(language)] : audit.warnings.map { "⚠ \($0.wording.text(language))" }
    }

    public var document: AnalysisDocument {
        var blocks: [AnalysisDocument.Block] = [
            .line(statisticsNote), .table(statisticsTable),
            .line((Messages.Report.pearsonCorrelations2.text(language)) + correlationNote), .table(matrixTable(audit.pearson)),
            .line(Messages.Report.spearmanCorrelations2.text(language)), .table(matrixTable(audit.spearman)),
            .line(columnKey(audit.pearson)),
        ]
        if !audit.alpha.isEmpty { blocks.append(.line(alphaLine)) }
        blocks += warningLines.map(AnalysisDocument.Block.line)
        return AnalysisDocument(
            title: Messages.Report.statisticalAuditDTI(year: year).text(language), notices: notices.map(language.text(of:)),
            noticeCodes: notices.map(\.code),
            blocks: blocks, mainTable: csvTable)
    }

    private func matrixJSON(_ correlations: StatisticalAudit.Correlations) -> JSONValue {
        .object([
            ("rows", .array(correlations.rows.map(JSONValue.string))), ("columns", .array(correlations.columns.map(JSONValue.string))),
            ("values", .array(correlations.values.map { .array($0.map(JSONValue.number)) })),
        ])
    }

    public var json: JSONValue {
        .object([
            ("year", .integer(year)),
            (
                "statistics",
                .array(
                    audit.statistics.map { entry in
                        .object([
                            ("id", .string(entry.id)), ("kind", .string(entry.kind.rawValue)), ("available", .integer(entry.available)),
                            ("units", .integer(entry.units)), ("mean", .number(entry.mean)), ("sd", .number(entry.standardDeviation)),
                            ("skewness", .number(entry.skewness)), ("kurtosis", .number(entry.kurtosis)), ("outliers", .bool(entry.flaggedOutliers)),
                        ])
                    })
            ),
            ("pearson", matrixJSON(audit.pearson)), ("spearman", matrixJSON(audit.spearman)),
            ("cronbach_alpha", .array(audit.alpha.map { .object([("pillar", .string($0.pillarID)), ("alpha", .number($0.value))]) })),
            ("warnings", .array(audit.warnings.map { .string($0.message) })),
            ("notices", .notices(notices)),
        ])
    }
}

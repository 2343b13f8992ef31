import DTICore

/// The statistical audit of an edition, as composite-indicator practice asks (JRC, COINr):
/// descriptive statistics of every main indicator and component, correlations between main
/// indicators and with their pillar and the index, Cronbach's alpha per pillar, and warnings.
public struct StatisticalAudit: Sendable {
    /// The statistics of one entry over the ranked units that have a value for it.
    public struct EntryStatistics: Sendable, Hashable {
        public var id: String
        public var kind: CatalogueNode.Kind
        /// Units with a value / units ranked.
        public var available: Int
        public var units: Int
        public var mean: Double?
        public var standardDeviation: Double?
        public var skewness: Double?
        public var kurtosis: Double?
        /// |skewness| > 2 and kurtosis > 3.5: the COIN Tool's rule for outlier treatment.
        public var flaggedOutliers: Bool
    }

    /// A correlation matrix: `rows` × `columns` entry ids, `nil` where undefined.
    public struct Correlations: Sendable, Hashable {
        public var rows: [String]
        public var columns: [String]
        public var values: [[Double?]]
    }

    /// A warning about the indicators' structure.
    public struct Warning: Sendable, Hashable, CustomStringConvertible {
        public var message: String
        /// The same in Vietnamese.
        public var vietnamese: String
        public var description: String { message }

        public init(message: String, vietnamese: String) {
            self.message = message
            self.vietnamese = vietnamese
        }
    }

    public let statistics: [EntryStatistics]
    public let pearson: Correlations
    public let spearman: Correlations
    /// Cronbach's alpha per pillar with at least two main indicators (`nil` when undefined).
    public let alpha: [(pillarID: String, value: Double?)]
    public let warnings: [Warning]

    /// Audits `result`'s ranked units (at least two).
    public init(_ result: EditionResult) throws(IndexMatrix.Failure) {
        let catalogue = result.catalogue
        let rows = result.rows.filter(\.isRanked)
        guard rows.count >= 2 else { throw .tooFewUnits(rows.count) }
        let elements = catalogue.mergeLevel.filter { $0.points > 0 }
        let leaves = catalogue.nodes.filter { ($0.kind == .indicator || $0.kind == .component || elements.contains($0)) && $0.points > 0 }
        var seen: Set<String> = []
        statistics = leaves.filter { seen.insert($0.id).inserted }.map { entry in
            let values = rows.filter { !$0.lacksValue(entry.id) }.compactMap { $0.values[entry.id] }
            let skew = Statistics.skewness(values)
            let kurtosis = Statistics.kurtosis(values)
            return EntryStatistics(
                id: entry.id, kind: entry.kind, available: values.count, units: rows.count, mean: Statistics.mean(values),
                standardDeviation: Statistics.standardDeviation(values), skewness: skew, kurtosis: kurtosis,
                flaggedOutliers: (skew.map { abs($0) > 2 } ?? false) && (kurtosis.map { $0 > 3.5 } ?? false))
        }

        // Correlations over all ranked units, with missing values as scored (0), as the index uses them.
        let pillarIDs = catalogue.pillars.map(\.id).filter { id in !elements.contains { $0.id == id } }
        let columns = elements.map(\.id) + pillarIDs + [catalogue.index.id]
        func column(_ id: String) -> [Double] { rows.map { $0.values[id] ?? 0 } }
        func matrix(_ measure: ([Double], [Double]) -> Double?) -> Correlations {
            Correlations(
                rows: elements.map(\.id), columns: columns,
                values: elements.map { row in columns.map { measure(column(row.id), column($0)) } })
        }
        pearson = matrix(Statistics.pearson)
        spearman = matrix(Statistics.spearman)

        alpha = catalogue.pillars.compactMap { pillar in
            let members = elements.filter { $0.countsIn.contains(pillar.id) }
            guard members.count >= 2 else { return nil }
            return (pillar.id, Statistics.cronbachAlpha(members.map { column($0.id) }))
        }

        var warnings: [Warning] = []
        // Vietnamese warnings name entries as a reader knows them (English keeps the ids); numbers
        // with a decimal comma and the typographic minus.
        func name(_ id: String) -> String { catalogue.node(id)?.nameVI ?? id }
        func vi(_ value: Double) -> String {
            let text = PublishedPrecision.format(value, decimals: 2, decimalSeparator: ",")
            return text.hasPrefix("-") ? "−" + text.dropFirst() : text
        }
        for (offset, first) in elements.enumerated() {
            for second in elements.dropFirst(offset + 1) {
                if let r = Statistics.pearson(column(first.id), column(second.id)), abs(r) > 0.9 {
                    warnings.append(
                        Warning(
                            message:
                                "\(first.id) and \(second.id) are nearly duplicates (Pearson r = \(PublishedPrecision.format(r, decimals: 2))): together they weigh one aspect twice",
                            vietnamese:
                                "\(name(first.id)) và \(name(second.id)) gần như trùng nhau (Pearson r = \(vi(r))): cùng nhau chúng tính một khía cạnh hai lần"
                        ))
                }
            }
        }
        for element in elements {
            for pillar in element.countsIn where pillarIDs.contains(pillar) {
                if let r = Statistics.pearson(column(element.id), column(pillar)), r < 0 {
                    warnings.append(
                        Warning(
                            message:
                                "\(element.id) correlates negatively with its own pillar \(pillar) (Pearson r = \(PublishedPrecision.format(r, decimals: 2))): it pulls against what the pillar measures",
                            vietnamese:
                                "\(name(element.id)) tương quan âm với chính trụ cột \(name(pillar)) của nó (Pearson r = \(vi(r))): nó kéo ngược điều trụ cột đo"
                        ))
                }
            }
        }
        for entry in statistics where entry.flaggedOutliers {
            warnings.append(
                Warning(
                    message:
                        "\(entry.id) is skewed (skewness \(PublishedPrecision.format(entry.skewness ?? 0, decimals: 2)), kurtosis \(PublishedPrecision.format(entry.kurtosis ?? 0, decimals: 2))): a few units have outlying values",
                    vietnamese:
                        "\(name(entry.id)) bị lệch (độ xiên \(vi(entry.skewness ?? 0)), độ nhọn \(vi(entry.kurtosis ?? 0))): một vài đơn vị có giá trị ngoại lai"
                ))
        }
        for entry in statistics where entry.available > 0 && entry.standardDeviation == 0 {
            warnings.append(
                Warning(
                    message: "\(entry.id) has the same value for every unit: it does not tell units apart",
                    vietnamese: "\(name(entry.id)) có cùng một giá trị ở mọi đơn vị: không phân biệt được các đơn vị"))
        }
        self.warnings = warnings
    }
}

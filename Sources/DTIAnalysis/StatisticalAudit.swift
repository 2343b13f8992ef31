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
        /// The warning in every language.
        public var wording: Wording
        /// The English warning.
        public var message: String { wording.text(.en) }
        public var description: String { message }

        public init(_ wording: Wording) {
            self.wording = wording
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
        func name(_ id: String) -> Wording { Wording.name(en: id, vi: catalogue.node(id)?.nameVI ?? id) }
        for (offset, first) in elements.enumerated() {
            for second in elements.dropFirst(offset + 1) {
                if let r = Statistics.pearson(column(first.id), column(second.id)), abs(r) > 0.9 {
                    warnings.append(
                        Warning(Messages.Analysis.nearDuplicates(first: name(first.id), second: name(second.id), r: Figure(r, decimals: 2))))
                }
            }
        }
        for element in elements {
            for pillar in element.countsIn where pillarIDs.contains(pillar) {
                if let r = Statistics.pearson(column(element.id), column(pillar)), r < 0 {
                    warnings.append(
                        Warning(Messages.Analysis.negativeWithPillar(element: name(element.id), pillar: name(pillar), r: Figure(r, decimals: 2))))
                }
            }
        }
        for entry in statistics where entry.flaggedOutliers {
            warnings.append(
                Warning(
                    Messages.Analysis.skewed(
                        entry: name(entry.id), skewness: Figure(entry.skewness ?? 0, decimals: 2), kurtosis: Figure(entry.kurtosis ?? 0, decimals: 2))
                ))
        }
        for entry in statistics where entry.available > 0 && entry.standardDeviation == 0 {
            warnings.append(
                Warning(Messages.Analysis.constant(entry: name(entry.id))))
        }
        self.warnings = warnings
    }
}

import DTIAnalysis
import DTICore

/// Everything a report set is built from; assembled by the command line from the history.
public struct ReportInput {
    /// The edition reported, in the unit set asked for.
    public var result: EditionResult
    /// The previous edition in the same unit set, for changes.
    public var previous: EditionResult?
    /// Every stored edition in its own unit set, oldest first, for histories.
    public var history: [EditionResult]
    /// Earlier editions scored in the result's unit set by the merge rule, where their own set is
    /// another (the 63 provinces' editions for a 34-unit report), oldest first: each unit's own line
    /// before the merger, beside its members' lines.
    public var backCast: [EditionResult]
    /// Tile positions by unit code for the result's unit set.
    public var tiles: [String: (column: Int, row: Int)]
    /// The boundaries of the result's unit set, when the reference data have them: a choropleth
    /// on the national page and locator maps on the others. Without them, the tile map is drawn.
    public var map: UnitMap?
    /// The files the values came from: name, SHA-256, number of values.
    public var sources: [(file: String, sha256: String?, count: Int)]
    public var language: ReportLanguage
    /// `--date`: printed only when given, so reports stay byte-identical otherwise.
    public var date: String?
    /// `--uncertainty`: each unit's rank interval over Monte Carlo runs, for the national page.
    public var uncertainty: RankUncertainty?
    /// `--audit`: the statistical audit, for a page of its own.
    public var audit: StatisticalAudit?
    /// The provinces of a set of communes or districts, for the roll-up by province.
    public var parents: UnitSet?
    /// For the comparison: the names each compared unit was given, where it was given two (two
    /// former provinces of one new unit), so the page says which names it stands for.
    public var comparedNames: [String: [String]] = [:]

    public init(
        result: EditionResult, previous: EditionResult?, history: [EditionResult], tiles: [String: (column: Int, row: Int)],
        sources: [(file: String, sha256: String?, count: Int)], language: ReportLanguage, date: String? = nil,
        backCast: [EditionResult] = [], map: UnitMap? = nil
    ) {
        self.map = map
        self.result = result
        self.previous = previous
        self.history = history
        self.backCast = backCast
        self.tiles = tiles
        self.sources = sources
        self.language = language
        self.date = date
    }
}

/// Rank intervals for a report, keyed by unit code.
public struct RankUncertainty: Sendable {
    public let analysis: UncertaintyAnalysis
    private let codes: [String]
    private let indexByCode: [String: Int]

    public init(matrix: IndexMatrix, analysis: UncertaintyAnalysis) {
        self.analysis = analysis
        codes = matrix.units.map(\.code)
        indexByCode = Dictionary(uniqueKeysWithValues: matrix.units.enumerated().map { ($1.code, $0) })
    }

    /// The interval of the unit `code`, if it was ranked.
    public func interval(of code: String) -> UncertaintyAnalysis.UnitInterval? {
        indexByCode[code].map { analysis.intervals[$0] }
    }

    /// The groups whose order is not meaningful, as unit codes.
    public func groups() -> [[String]] {
        analysis.groups.map { group in group.map { codes[$0] } }
    }
}

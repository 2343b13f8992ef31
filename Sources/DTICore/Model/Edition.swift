/// One yearly DTI edition: the year evaluated, the framework it was scored with, and its units.
public struct Edition: Sendable, Hashable, Codable {
    /// The year evaluated (2022 for the results published in 2023).
    public var year: Int
    /// The framework (catalogue id) the edition uses, e.g. `dti-2022`.
    public var framework: String
    /// The unit set data for the edition are reported in, e.g. `vn63`.
    public var unitSet: String
    /// When the official results were published, as written in the source (ISO date), if known.
    public var published: String?

    /// Creates an edition.
    public init(year: Int, framework: String, unitSet: String, published: String? = nil) {
        self.year = year
        self.framework = framework
        self.unitSet = unitSet
        self.published = published
    }
}

/// Which framework each edition uses: data, so a new edition is a line in a file, not a release.
///
/// `editions` are the national editions (the provinces), one per year. A set of communes or
/// districts is scored with its year's national framework, as provinces apply it to their own
/// units, unless `unitSetEditions` gives it a framework of its own (the communes of 2025).
public struct EditionTable: Sendable, Hashable {
    /// The national editions, oldest first.
    public let editions: [Edition]
    /// Frameworks of other unit sets, by year and set.
    public let unitSetEditions: [Edition]

    /// A framework of the user's own (`--catalogue` with a framework no edition uses) that scores
    /// the years no edition covers, and the unit set of the years after the last edition (those
    /// before the first take the first edition's set). Nil: such a year has no framework.
    public private(set) var userFramework: UserFramework?

    /// A framework of the user's own and the unit set of the years after the last edition.
    public struct UserFramework: Sendable, Hashable {
        public let framework: String
        public let laterUnitSet: String
    }

    /// Creates the table, sorted by year.
    public init(_ editions: [Edition], unitSetEditions: [Edition] = []) {
        self.editions = editions.sorted { $0.year < $1.year }
        self.unitSetEditions = unitSetEditions.sorted { $0.year < $1.year }
    }

    /// This table with `framework` scoring the years it has no edition for, in `laterUnitSet`'s
    /// units after the last edition. A framework an edition already uses changes nothing: the
    /// catalogue then replaces that edition's own.
    public func scoringUnframedYears(with framework: String, laterUnitSet: String) -> EditionTable {
        guard !(editions + unitSetEditions).contains(where: { $0.framework == framework }) else { return self }
        var table = self
        table.userFramework = UserFramework(framework: framework, laterUnitSet: laterUnitSet)
        return table
    }

    /// The national edition of `year`, or an error listing the known years.
    public func edition(for year: Int) throws(CatalogueError) -> Edition {
        guard let edition = editions.first(where: { $0.year == year }) else {
            if let unframed = unframedEdition(year) { return unframed }
            throw .noFramework(year: year, known: editions.map(\.year), ownSets: ownSets(of: year))
        }
        return edition
    }

    /// The edition the user's own framework gives `year`, if they gave one.
    private func unframedEdition(_ year: Int) -> Edition? {
        guard let userFramework else { return nil }
        let unitSet = year > (editions.last?.year ?? .min) ? userFramework.laterUnitSet : (editions.first?.unitSet ?? userFramework.laterUnitSet)
        return Edition(year: year, framework: userFramework.framework, unitSet: unitSet)
    }

    /// The unit sets with a framework of their own for `year` (the communes of 2025).
    private func ownSets(of year: Int) -> [String] {
        unitSetEditions.filter { $0.year == year }.map(\.unitSet)
    }

    /// The edition of `year` for the units of `unitSet`: that set's own framework when it has
    /// one for the year, else the national framework applied to its units.
    public func edition(for year: Int, unitSet: UnitSet) throws(CatalogueError) -> Edition {
        if let own = unitSetEditions.first(where: { $0.year == year && ($0.unitSet == unitSet.id || $0.unitSet == unitSet.dataSetID) }) {
            return Edition(year: year, framework: own.framework, unitSet: unitSet.id, published: own.published)
        }
        guard let national = editions.first(where: { $0.year == year }) else {
            if let unframed = unframedEdition(year) {
                return Edition(year: year, framework: unframed.framework, unitSet: unitSet.id)
            }
            let own = unitSetEditions.filter { $0.unitSet == unitSet.dataSetID }.map(\.year)
            throw .noFramework(year: year, known: (editions.map(\.year) + own).sorted(), ownSets: ownSets(of: year))
        }
        return Edition(year: year, framework: national.framework, unitSet: unitSet.id, published: national.published)
    }

    /// Each year's own unit set.
    public var ownUnitSets: [Int: String] {
        Dictionary(editions.map { ($0.year, $0.unitSet) }, uniquingKeysWith: { first, _ in first })
    }
}

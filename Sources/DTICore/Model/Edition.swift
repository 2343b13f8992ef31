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
public struct EditionTable: Sendable, Hashable {
    /// The editions, oldest first.
    public let editions: [Edition]

    /// Creates the table, sorted by year.
    public init(_ editions: [Edition]) {
        self.editions = editions.sorted { $0.year < $1.year }
    }

    /// The edition for `year`, or an error listing the known years.
    public func edition(for year: Int) throws(CatalogueError) -> Edition {
        guard let edition = editions.first(where: { $0.year == year }) else {
            throw .noFramework(year: year, known: editions.map(\.year))
        }
        return edition
    }
}

import DTICore
import DTIIngest
import Foundation

/// A sample edition scored by the scoring core, read from the repository's files.
enum SampleEdition {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The edition `year` of SampleData, in `unitSet` (its own by default).
    static func result(_ year: Int, unitSet: String? = nil) throws -> EditionResult {
        var catalogues: [String: IndicatorCatalogue] = [:]
        for framework in ["dti-2020", "dti-2022", "dti-2024"] {
            catalogues[framework] = try CatalogueLoader.load(try text("Indicators/\(framework).yaml"), sourceName: "\(framework).yaml")
        }
        let registry = try UnitRegistryLoader.load(
            UnitRegistryLoader.Sources(
                provinces63: (try text("Indicators/units/provinces-63.csv"), "provinces-63.csv"),
                provinces34: (try text("Indicators/units/provinces-34.csv"), "provinces-34.csv"),
                regions: (try text("Indicators/units/regions-6.csv"), "regions-6.csv"),
                aliases: (try text("Indicators/units/aliases.csv"), "aliases.csv")))
        let editions = try EditionTableLoader.load(try text("Indicators/editions.csv"), file: "editions.csv")
        let context = IngestContext(editions: editions, catalogues: catalogues, registry: registry)
        let read = CSVObservationReader.read(try text("SampleData/dti-\(year).csv"), file: "dti-\(year).csv", context: context)
        let edition = try editions.edition(for: year)
        guard let catalogue = catalogues[edition.framework] else { throw CocoaError(.fileReadCorruptFile) }
        return try EditionScoring.score(
            read.observations, edition: edition, catalogue: catalogue, registry: registry, in: unitSet ?? edition.unitSet)
    }
}

import DTICore
import DTIIngest
import Foundation

/// The repository's own Indicators folder, reached from this file's path (as end-to-end tests do).
enum RepositoryData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    static func registry() throws -> UnitRegistry {
        try UnitRegistryLoader.load(
            UnitRegistryLoader.Sources(
                provinces63: (try text("Indicators/units/provinces-63.csv"), "provinces-63.csv"),
                provinces34: (try text("Indicators/units/provinces-34.csv"), "provinces-34.csv"),
                regions: (try text("Indicators/units/regions-6.csv"), "regions-6.csv"),
                aliases: (try text("Indicators/units/aliases.csv"), "aliases.csv")))
    }

    /// The repository's reference data; `withComponents` swaps in the illustrative component
    /// catalogue for dti-2022, as `--catalogue` does.
    static func context(year: Int? = nil, decimal: DecimalMark? = nil, withComponents: Bool = false) throws -> IngestContext {
        var catalogues: [String: IndicatorCatalogue] = [:]
        for framework in ["dti-2020", "dti-2022", "dti-2024"] {
            catalogues[framework] = try CatalogueLoader.load(try text("Indicators/\(framework).yaml"), sourceName: "\(framework).yaml")
        }
        if withComponents {
            let loaded = catalogues
            catalogues["dti-2022"] = try CatalogueLoader.load(
                try text("Indicators/illustrative/dti-2022-components.yaml"), sourceName: "dti-2022-components.yaml",
                base: { loaded[$0] })
        }
        return IngestContext(
            editions: try EditionTableLoader.load(try text("Indicators/editions.csv"), file: "editions.csv"),
            catalogues: catalogues, registry: try registry(), year: year, decimal: decimal,
            xmlSchema: try text("Indicators/schema/dti-data-1.xsd"))
    }
}

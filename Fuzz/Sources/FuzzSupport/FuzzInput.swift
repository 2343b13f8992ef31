@_exported import DTICore
@_exported import DTIIngest
import Foundation
@_exported import XLSX

/// What every fuzz target shares: the input as bytes, and the repository's reference data, read
/// once, so a data file is checked exactly as `dti import` checks it.
public enum FuzzInput {
    public static func bytes(_ start: UnsafePointer<UInt8>, _ count: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// The input read as the data file `name` (its extension picks CSV or XML), as `dti import`
    /// reads it; a workbook's bytes are left to the workbook target.
    public static func readDataFile(_ start: UnsafePointer<UInt8>, _ count: Int, named name: String) {
        let bytes = bytes(start, count)
        guard !DataFileReader.isWorkbook(bytes, file: name) else { return }
        _ = DataFileReader.read(bytes, file: name, context: context)
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// The reference data of the repository; a fuzz run stops at once if it cannot be read.
    public static let context: IngestContext = {
        do {
            var catalogues: [String: IndicatorCatalogue] = [:]
            for framework in ["dti-2020", "dti-2022", "dti-2024"] {
                catalogues[framework] = try CatalogueLoader.load(text("Indicators/\(framework).yaml"), sourceName: "\(framework).yaml")
            }
            let registry = try UnitRegistryLoader.load(
                UnitRegistryLoader.Sources(
                    provinces63: (text("Indicators/units/provinces-63.csv"), "provinces-63.csv"),
                    provinces34: (text("Indicators/units/provinces-34.csv"), "provinces-34.csv"),
                    regions: (text("Indicators/units/regions-6.csv"), "regions-6.csv"),
                    aliases: (text("Indicators/units/aliases.csv"), "aliases.csv")))
            return IngestContext(
                editions: try EditionTableLoader.load(text("Indicators/editions.csv"), file: "editions.csv"), catalogues: catalogues,
                registry: registry, xmlSchema: text("Indicators/schema/dti-data-1.xsd"))
        } catch {
            fatalError("the fuzz targets need the repository's Indicators/: \(error)")
        }
    }()
}

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

    /// The reference data of the repository's Indicators folder (which CI checks is what dti has
    /// built in), loaded as `dti import` loads its own: the same `IndicatorFolder`, the same
    /// context with the communes for hints. Read from the folder so that the fuzz build needs no
    /// more of dti than its readers (not the application layer, storage, analysis or reports).
    /// A fuzz run stops at once if they cannot be read.
    public static let context: IngestContext = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Indicators")
        func read(_ path: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        do {
            let data = try IndicatorFolder { path, isOptional in
                let url = folder.appendingPathComponent(path)
                guard !isOptional || FileManager.default.fileExists(atPath: url.path) else { return nil }
                return (try read(path), url.path)
            }
            var context = IngestContext(
                editions: data.editions, catalogues: data.catalogues, registry: data.registry, year: nil, xmlSchema: data.xmlSchema)
            let communes = try read("units/communes-3321.csv")
            let registry = data.registry
            context.communes = {
                try? UnitFileLoader.load(
                    communes, file: "units/communes-3321.csv", id: UnitSet.communesID, label: "communes", registry: registry,
                    officialSpelling: true)
            }
            return context
        } catch {
            fatalError("the fuzz targets need the repository's Indicators folder: \(error)")
        }
    }()
}

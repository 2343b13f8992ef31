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
            return try IndicatorFolder { path, _ in
                let url = root.appendingPathComponent("Indicators").appendingPathComponent(path)
                return FileManager.default.fileExists(atPath: url.path) ? (text("Indicators/" + path), url.lastPathComponent) : nil
            }.context()
        } catch {
            fatalError("the fuzz targets need the repository's Indicators/: \(error)")
        }
    }()
}

@_exported import DTICore
@_exported import DTIIngest
import DTIWorkflow
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

    /// The reference data built into dti, as `dti import` loads them; a fuzz run stops at once if
    /// they cannot be read.
    public static let context: IngestContext = {
        do {
            return try ReferenceData().ingestContext(year: nil)
        } catch {
            fatalError("the fuzz targets need dti's reference data: \(error)")
        }
    }()
}

import DTIIngest
import Foundation

/// Finds and reads data files given on the command line.
enum DataFiles {
    /// The files named by `paths`: a directory stands for the `.csv`, `.xml` and `.xlsx` files
    /// directly in it (not in subdirectories, which hold examples and component data for other
    /// catalogues), in name order; Excel's `~$` lock files are passed over.
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError.unreadable(path: path, reason: "no such file or directory")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw CLIError.unreadable(path: path, reason: (error as NSError).localizedDescription)
            }
            let found = names.filter(isDataFileName).sorted().map { name in
                path.hasSuffix("/") ? path + name : path + "/" + name
            }
            guard !found.isEmpty else { throw CLIError.noDataFiles(folder: path) }
            files += found
        }
        return files
    }

    /// Whether a file in a folder is data: `.csv`, `.xml`, `.xlsx` or `.xlsm`, and not a lock file
    /// Excel leaves beside an open workbook (`~$name.xlsx`).
    static func isDataFileName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        guard !lowered.hasPrefix("~$") else { return false }
        return [".csv", ".xml", ".xlsx", ".xlsm"].contains { lowered.hasSuffix($0) }
    }

    /// Reads and checks `files`: every problem of every file, and the values of those without errors.
    static func read(_ files: [String], reference: ReferenceData, year: Int?, decimal: DecimalMark?, sheet: String? = nil) throws
        -> IngestResult
    {
        let context = reference.ingestContext(year: year, decimal: decimal, sheet: sheet)
        let inputs = try files.map { file in (name: file, bytes: try TextFiles.bytes(file)) }
        return DataFileReader.readAll(inputs, context: context)
    }
}

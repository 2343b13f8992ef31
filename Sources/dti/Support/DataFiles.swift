import DTIIngest
import Foundation

/// Finds and reads data files given on the command line.
enum DataFiles {
    /// The files named by `paths`: a directory stands for the `.csv` and `.xml` files directly in
    /// it (not in subdirectories, which hold examples and component data for other catalogues),
    /// in name order.
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
            files += names.filter { $0.lowercased().hasSuffix(".csv") || $0.lowercased().hasSuffix(".xml") }.sorted().map { name in
                path.hasSuffix("/") ? path + name : path + "/" + name
            }
        }
        return files
    }

    /// Reads and checks `files`: every problem of every file, and the values of those without errors.
    static func read(_ files: [String], reference: ReferenceData, year: Int?, decimal: DecimalMark?) throws -> IngestResult {
        let context = reference.ingestContext(year: year, decimal: decimal)
        let inputs = try files.map { file in (name: file, bytes: try TextFiles.bytes(file)) }
        return DataFileReader.readAll(inputs, context: context)
    }
}

import DTICore
import DTIIngest
import DTIStorage
import Foundation

/// Finds and reads data files given on the command line.
public enum DataFiles {
    /// The files named by `paths`: a directory stands for the `.csv`, `.xml` and `.xlsx` files
    /// directly in it (not in subdirectories, which hold examples and component data for other
    /// catalogues), in name order; Excel's `~$` lock files are passed over.
    public static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw WorkflowError.unreadable(path: path, reason: "no such file or directory")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw WorkflowError.unreadable(path: path, reason: (error as NSError).localizedDescription)
            }
            let found = names.filter(isDataFileName).sorted().map { name in
                path.hasSuffix("/") ? path + name : path + "/" + name
            }
            guard !found.isEmpty else { throw WorkflowError.noDataFiles(folder: path) }
            files += found
        }
        return files
    }

    /// Whether a file in a folder is data: `.csv`, `.xml`, `.xlsx` or `.xlsm`, and not a lock file
    /// Excel leaves beside an open workbook (`~$name.xlsx`).
    public static func isDataFileName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        guard !lowered.hasPrefix("~$") else { return false }
        return [".csv", ".xml", ".xlsx", ".xlsm"].contains { lowered.hasSuffix($0) }
    }

    /// Reads and checks `files` into a staging area: every problem of every file, values given
    /// twice across them, and main indicators given both directly and through components. A file
    /// is read a batch at a time, so memory holds a batch, not the file.
    public static func stage(
        _ files: [String], reference: ReferenceData, year: Int?, decimal: DecimalMark?, sheet: String? = nil, unitSet: UnitSet? = nil,
        progress: (_ checked: Int) -> Void = { _ in }
    ) throws -> StagedFiles {
        var context = reference.ingestContext(year: year, decimal: decimal, sheet: sheet, unitSet: unitSet)
        let blanks = BlankCells()
        context.blankCells = blanks
        let staging = try ObservationStaging()
        // A value takes at least 16 bytes of a long file (`U1,2024,a,0.5` and its line end), so
        // the files' sizes bound how many values to make room for.
        let bytes = files.reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int ?? 0)
        }
        staging.reserve(bytes / 16)
        var diagnostics: [Diagnostic] = []
        // A file repeating one row a million times gives a hundred warnings and a count.
        var repeats = DiagnosticBudget()
        var checked = 0
        for file in files {
            diagnostics += try DataFileReader.stream(DataFileSource(path: file), file: file, context: context) { batch in
                checked += batch.count
                progress(checked)
                for found in try staging.add(batch) {
                    repeats.add(IngestResult.repeatDiagnostic(first: found.first, again: found.again))
                }
            }
        }
        diagnostics += repeats.diagnostics
        if ComponentOverlap.isPossible(try staging.entriesByYear(), context: context) {
            try staging.forEachUnitEdition { group in
                diagnostics += ComponentOverlap.diagnostics(group, context: context)
            }
        }
        diagnostics += try EditionCoverage.diagnostics(staging, registry: reference.registry, chosen: unitSet)
        return StagedFiles(staging: staging, diagnostics: diagnostics, blanks: blanks.all)
    }

    /// Reads and checks `files`, as `stage` does, and returns their values in memory: for commands
    /// that score them at once.
    public static func read(
        _ files: [String], reference: ReferenceData, year: Int?, decimal: DecimalMark?, sheet: String? = nil, unitSet: UnitSet? = nil,
        progress: (_ checked: Int) -> Void = { _ in }
    ) throws -> IngestResult {
        let staged = try stage(files, reference: reference, year: year, decimal: decimal, sheet: sheet, unitSet: unitSet, progress: progress)
        return IngestResult(observations: try staged.staging.all(), diagnostics: staged.diagnostics)
    }
}

/// Files read and checked: their values waiting in a staging area, and every problem found.
public struct StagedFiles {
    /// The values that passed, each edition, unit and entry once.
    public let staging: ObservationStaging
    /// Every problem, file by file in file order, then values given twice, then overlaps.
    public let diagnostics: [Diagnostic]
    /// The value cells left empty, each key once.
    public var blanks: [BlankCell] = []
}

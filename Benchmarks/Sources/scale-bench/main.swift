import DTICore
import DTIStorage
import DTIWorkflow
import Foundation

/// The scale benchmark's import and rank in process, through the same library calls as
/// `dti import` and `dti rank` (no process start, no output written), for `scale/run.sh`:
///
///   scale-bench WORK UNITS YEARS
///
/// WORK holds what `scale/generate.py` wrote. Prints `label<TAB>seconds` lines.
let arguments = CommandLine.arguments
guard arguments.count == 4, let units = Int(arguments[2]), let years = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: scale-bench WORK UNITS YEARS\n".utf8))
    exit(64)
}
let work = arguments[1]
let database = work + "/in-process.sqlite"
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let reference = try ReferenceData(indicatorsPath: work + "/Indicators", units: "\(work)/units-\(units).csv")
let importTime = try seconds {
    let outcome = try ImportWorkflow.run(
        [work + "/values.csv"], reference: reference, databasePath: database, importedAt: "2026-01-01T00:00:00Z")
    guard outcome.summary?.inserted == units * 100 * years else { fatalError("the import stored \(String(describing: outcome.summary))") }
}
print("in process: import \(units * 100 * years) values\t\(String(format: "%.2f", importTime))")
let loader = try ResultLoader(reference: reference, databasePath: database)
let last = 2015 + years - 1
let oneYear = try seconds { _ = try loader.result(year: last, unitSet: reference.chosenUnitSet) }
print("in process: score and rank one year\t\(String(format: "%.3f", oneYear))")
let allYears = try seconds {
    for year in 2015...last { _ = try loader.result(year: year, unitSet: reference.chosenUnitSet) }
}
print("in process: score and rank all \(years) years\t\(String(format: "%.3f", allYears))")

import DTICore
import DTIIngest
import DTIStorage
import Foundation

/// `dti import` without the command line: read and check every file, then, if no error remains,
/// store every value in one transaction with the units of the sets they are keyed in.
public enum ImportWorkflow {
    /// What an import found and did.
    public struct Outcome {
        /// Every problem found, in the order `dti validate` prints them (warnings promoted with `strict`).
        public var diagnostics: [Diagnostic]
        /// What was stored; `nil` when an error stopped the import before anything was written.
        public var summary: HistoryStore.ImportSummary?
        /// How many values the files gave, and for which editions.
        public var valueCount: Int
        public var years: [Int]
    }

    /// Imports `files` (already expanded) into the database at `databasePath`, in the unit set the
    /// reference data chose. `progress` hears how many values have been checked, `checked` every
    /// problem found, once the files are read and before the database is opened.
    public static func run(
        _ files: [String], reference: ReferenceData, databasePath: String, year: Int? = nil, decimal: DecimalMark? = nil,
        sheet: String? = nil, strict: Bool = false, replace: Bool = false, updateUnits: Bool = false, continuing: Set<String> = [],
        importedAt: String,
        progress: (_ checked: Int) -> Void = { _ in }, checked: (_ diagnostics: [Diagnostic]) -> Void = { _ in }
    ) throws -> Outcome {
        let unitSet = reference.chosenUnitSet
        let staged = try DataFiles.stage(
            files, reference: reference, year: year, decimal: decimal, sheet: sheet, unitSet: unitSet, progress: progress)
        let diagnostics = strict ? staged.diagnostics.promotingWarnings() : staged.diagnostics
        var outcome = Outcome(
            diagnostics: diagnostics, summary: nil, valueCount: staged.staging.count, years: staged.staging.years.sorted())
        checked(diagnostics)
        guard !diagnostics.hasErrors else { return outcome }
        try TextFiles.ensureParentFolder(of: databasePath)
        let store = try Paths.store(at: databasePath, editions: reference.editions)
        // Checked here for a message before the lock, and again inside the write transaction.
        try UnitSetIdentity.verify(unitSet, store: store, reference: reference, accepting: updateUnits, continuing: continuing)
        let records = try staged.staging.unitSetIDs.sorted().compactMap {
            try UnitSetIdentity.record(for: $0, reference: reference, accepting: updateUnits, continuing: continuing)
        }
        outcome.summary = try store.store(from: staged.staging, importedAt: importedAt, replace: replace, unitSets: records, blanks: staged.blanks)
        return outcome
    }
}

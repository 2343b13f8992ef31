import DTICore
import DTIIngest

/// `dti rank --input FILE…`: an edition's values read straight from files, without the database.
public enum FileScoringInputs {
    /// What the files gave: the inputs to score (`nil` when a file has an error), and the
    /// diagnostics to show, for `files` files.
    public struct Read {
        public var inputs: ScoringInputs?
        public var diagnostics: [Diagnostic]
        public var files: Int
    }

    /// The values of `year` in `paths` (files or folders). Files are read in `unitSet`'s units,
    /// except for a set formed by merger from the edition's own (34 from 63): then they are read
    /// in the edition's own set, and scoring merges them.
    public static func read(_ paths: [String], year: Int, reference: ReferenceData, unitSet: UnitSet?, decimal: DecimalMark?) throws -> Read {
        let (national, nationalCatalogue) = try reference.edition(year)
        let merging = unitSet.map { reference.registry.crosswalk(from: national.unitSet, to: $0.id) != nil && $0.id != national.unitSet } ?? false
        let readIn = merging ? nil : unitSet
        let files = try DataFiles.expand(paths)
        let combined = try DataFiles.read(files, reference: reference, year: nil, decimal: decimal, unitSet: readIn)
        var read = Read(inputs: nil, diagnostics: combined.diagnostics, files: files.count)
        guard !combined.diagnostics.hasErrors else { return read }
        let observations = combined.observations.filter { $0.year == year }
        guard let readIn else {
            let target = try unitSet ?? reference.requiredUnitSet(id: national.unitSet)
            read.inputs = ScoringInputs(edition: national, catalogue: nationalCatalogue, target: target, values: EditionColumns(observations))
            return read
        }
        let (edition, catalogue) = try reference.edition(year, unitSet: readIn)
        read.inputs = ScoringInputs(edition: edition, catalogue: catalogue, target: readIn, values: EditionColumns(observations))
        return read
    }
}

import DTICore

/// What reading data needs to know: editions, their catalogues and the unit registry.
public struct IngestContext: Sendable {
    /// Which framework and unit set each edition uses.
    public var editions: EditionTable
    /// Catalogues by framework id.
    public var catalogues: [String: IndicatorCatalogue]
    /// Units by set.
    public var registry: UnitRegistry
    /// `--year`: the edition for files without a `year` column, and the only one accepted.
    public var year: Int?
    /// `--decimal`: the decimal mark of every file, instead of deciding it per file.
    public var decimal: DecimalMark?
    /// The XML Schema (XSD) text that XML data files are validated against.
    public var xmlSchema: String?
    /// `--sheet`: the sheet of a workbook to read, instead of the first.
    public var sheet: String?
    /// `--units`: the set the files' units belong to, instead of each edition's own (it must be
    /// in `registry`).
    public var unitSet: UnitSet?
    /// The edition and unit set a workbook written by `dti template` records (per file): a row of
    /// another year is an error at its cell.
    public var template: TemplateStamp?
    /// The country's communes, read only when a province file names a unit that is not a
    /// province: a name that is a commune brings the hint `--units communes --parent …`.
    public var communes: (@Sendable () -> UnitSet?)?
    /// Where empty value cells are recorded, when the reader (an import) needs their keys.
    public var blankCells: BlankCells?

    /// Creates a context.
    public init(
        editions: EditionTable, catalogues: [String: IndicatorCatalogue], registry: UnitRegistry, year: Int? = nil,
        decimal: DecimalMark? = nil, xmlSchema: String? = nil, sheet: String? = nil, unitSet: UnitSet? = nil
    ) {
        self.sheet = sheet
        self.unitSet = unitSet
        self.editions = editions
        self.catalogues = catalogues
        self.registry = registry
        self.year = year
        self.decimal = decimal
        self.xmlSchema = xmlSchema
    }
}

extension IngestContext {
    /// The edition a value of `year` belongs to: in `--units`' set when given, else the year's own.
    public func edition(for year: Int) throws(CatalogueError) -> Edition {
        if let unitSet { return try editions.edition(for: year, unitSet: unitSet) }
        return try editions.edition(for: year)
    }
}

/// What reading one or more files produced: the values, and every problem found.
public struct IngestResult: Sendable {
    /// The values read, in file order.
    public var observations: [Observation]
    /// Every problem, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(observations: [Observation] = [], diagnostics: [Diagnostic] = []) {
        self.observations = observations
        self.diagnostics = diagnostics
    }

    /// Joins the results of several files and reports the same edition, unit and entry given
    /// twice: an error when the values differ, a warning when they repeat.
    public static func combining(_ results: [IngestResult]) -> IngestResult {
        var combined = IngestResult()
        var firstByKey: [ObservationKey: Observation] = [:]
        // A file repeating one row a million times gives a hundred warnings and a count.
        var repeats = DiagnosticBudget()
        for result in results {
            combined.diagnostics += result.diagnostics
            for observation in result.observations {
                guard let first = firstByKey[observation.key] else {
                    firstByKey[observation.key] = observation
                    combined.observations.append(observation)
                    continue
                }
                repeats.add(repeatDiagnostic(first: first, again: observation))
            }
        }
        combined.diagnostics += repeats.diagnostics
        return combined
    }

    /// The problem of a value given again (same edition, unit and entry) after `first`: a warning
    /// when it repeats the value, an error when it differs.
    public static func repeatDiagnostic(first: Observation, again observation: Observation) -> Diagnostic {
        let place = "\(first.provenance.lineLocation)"
        let location = observation.provenance.location
        let what = Messages.Ingest.ofUnitIn(indicatorID: observation.indicatorID, unitCode: observation.unitCode, observationYear: observation.year)
        if first.value == observation.value {
            return Diagnostic(
                .warning, "value.repeated",
                what.appending(
                    " ", Messages.Ingest.isGivenAgainFirstAt(place: place)),
                hint: Messages.Ingest.deleteOneOfRows, at: location)
        }
        return Diagnostic(
            .error, "value.conflicting",
            what.appending(
                " ",
                Messages.Ingest.conflictingValue(value: ExactNumber(observation.value), first: ExactNumber(first.value), place: place)),
            hint: Messages.Ingest.keepRightValueAndDelete, at: location)
    }
}

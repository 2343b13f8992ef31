import DTICore

/// The content rules every data file obeys, whatever its format: a known edition with a
/// framework, a known province, an entry of that framework, a readable number in range, a known
/// status. Turns `RawObservation`s into `Observation`s and reports every problem with its cell.
///
/// It keeps what it learnt (unit matchers, messages given) across calls, so a long file is
/// checked a batch at a time.
public struct ObservationBuilder {
    private let file: String
    private let sheet: String?
    private let sha256: String?
    private let context: IngestContext
    private let declaredFramework: (id: String, cell: SourceCell)?
    private let fileMark: DecimalMark?
    private let markSource: String
    private var matchers: [String: UnitMatcher] = [:]
    private var matches: [String: Result<AdministrativeUnit, UnitMatcher.Failure>] = [:]
    private var lastMatch: (unitSetID: String, name: String, result: Result<AdministrativeUnit, UnitMatcher.Failure>)?
    /// Messages already given, so a wide file's wrong header cell is reported once, not per row.
    private var reported: Set<String> = []

    /// A builder for the values of `file` (whose bytes hash to `sha256`), read on `sheet` of a
    /// workbook. `mark` is the file's decimal mark (`context.decimal`, or what `DecimalEvidence`
    /// found in all its value cells); `declaredFramework` is the framework the file says it is for
    /// (XML), checked against each row's edition.
    public init(
        file: String, sheet: String? = nil, sha256: String? = nil, context: IngestContext, mark: DecimalMark?,
        declaredFramework: (id: String, cell: SourceCell)? = nil
    ) {
        self.file = file
        self.sheet = sheet
        self.sha256 = sha256
        self.context = context
        self.declaredFramework = declaredFramework
        self.fileMark = context.decimal ?? mark
        self.markSource = context.decimal.map { "--decimal \($0.rawValue)" } ?? "the file's other numbers"
    }

    /// Checks all of a file's `raws` at once, deciding its decimal mark from them.
    public static func build(
        _ raws: [RawObservation], file: String, sheet: String? = nil, sha256: String? = nil, context: IngestContext,
        declaredFramework: (id: String, cell: SourceCell)? = nil
    ) -> IngestResult {
        var evidence = DecimalEvidence()
        for raw in raws { evidence.add(raw.value) }
        var builder = ObservationBuilder(
            file: file, sheet: sheet, sha256: sha256, context: context, mark: evidence.mark, declaredFramework: declaredFramework)
        var budget = DiagnosticBudget()
        let observations = builder.build(raws, budget: &budget)
        return IngestResult(observations: observations, diagnostics: budget.diagnostics)
    }

    /// Checks the next `raws` of the file: the values that pass, in order; each problem goes to
    /// `budget` with its cell.
    public mutating func build(_ raws: [RawObservation], budget: inout DiagnosticBudget) -> [Observation] {
        var observations: [Observation] = []
        observations.reserveCapacity(raws.count)
        let file = file
        let sheet = sheet
        func report(_ severity: Diagnostic.Severity, _ message: String, hint: String? = nil, at cell: SourceCell) {
            let diagnostic = Diagnostic(
                severity, message, hint: hint, at: SourceLocation(file: file, line: cell.line, column: cell.column, sheet: sheet))
            // A wide file's header cell can be wrong for every row: say it once.
            guard !reported.contains(diagnostic.description) else { return }
            if budget.add(diagnostic) { reported.insert(diagnostic.description) }
        }

        for raw in raws {
            let analysis = NumberReading.analyse(raw.value.number == nil ? raw.value.text : "")
            // Edition and framework.
            let year: Int
            let yearCell = raw.year ?? raw.province
            if let cell = raw.year {
                guard let parsed = Int(cell.trimmed) else {
                    report(.error, "year '\(cell.trimmed)' is not a whole number", hint: "write the edition year, e.g. 2022", at: cell)
                    continue
                }
                if let expected = context.year, parsed != expected {
                    report(.error, "year \(parsed) differs from --year \(expected)", hint: "fix the row or drop --year", at: cell)
                    continue
                }
                if let template = context.template, parsed != template.edition {
                    report(
                        .error, "year \(parsed) is not \(template.edition), the edition this workbook was made for by 'dti template'",
                        hint: "write \(template.edition), or give the \(parsed) values in the \(parsed) template ('dti template --year \(parsed)')",
                        at: cell)
                    continue
                }
                year = parsed
            } else if let expected = context.year {
                year = expected
            } else {
                report(.error, "no year for this value", hint: "add a year column, or give the edition with --year", at: raw.province)
                continue
            }
            guard let edition = try? context.edition(for: year),
                let catalogue = context.catalogues[edition.framework],
                let unitSet = context.registry.unitSet(edition.unitSet)
            else {
                let known = context.editions.editions.map { String($0.year) }.joined(separator: ", ")
                report(.error, "no DTI framework is known for the year \(year)", hint: "editions with a framework: \(known)", at: yearCell)
                continue
            }
            if let declared = declaredFramework, declared.id != catalogue.framework {
                report(
                    .error, "the file is for framework '\(declared.id)' but \(year) is scored with '\(catalogue.framework)'",
                    hint: "check the year, or export the file with the \(catalogue.framework) indicators", at: declared.cell)
                continue
            }

            // Unit.
            let unit: AdministrativeUnit
            switch match(raw.province.trimmed, in: unitSet) {
            case let .success(found):
                unit = found
            case let .failure(failure):
                report(.error, "\(failure)", at: raw.province)
                continue
            }

            // Entry.
            let indicatorID = raw.indicator.trimmed
            guard let entry = catalogue.node(indicatorID) ?? catalogue.node(indicatorID.lowercased()) else {
                report(
                    .error, "unknown indicator '\(indicatorID)' for \(year) (framework \(catalogue.framework))",
                    hint: Self.unknownIndicatorHint(indicatorID, year: year, catalogue: catalogue, context: context), at: raw.indicator)
                continue
            }
            if entry.kind == .index {
                report(
                    .error, "'\(entry.id)' is computed from the indicators and cannot be given", hint: "give the main-indicator values instead",
                    at: raw.indicator)
                continue
            }

            // Value.
            let valueText = raw.value.trimmed
            if valueText.isEmpty {
                report(.note, "no value for \(entry.id) of \(unit.name): left missing (it will earn 0 points and be flagged)", at: raw.value)
                continue
            }
            let value: Double
            switch Self.readValue(valueText, number: raw.value.number, analysis: analysis, entry: entry, mark: fileMark, markSource: markSource) {
            case let .success(read):
                value = read
            case let .failure(problem):
                report(.error, problem.message, hint: problem.hint, at: raw.value)
                continue
            }

            // Provenance.
            var status: DataStatus?
            if let cell = raw.status, !cell.trimmed.isEmpty {
                guard let parsed = DataStatus(rawValue: cell.trimmed.lowercased()) else {
                    report(.error, "status '\(cell.trimmed)' is not one of official, provisional, synthetic", at: cell)
                    continue
                }
                status = parsed
            }
            let source = raw.source?.trimmed ?? ""
            let note = raw.note?.trimmed ?? ""
            observations.append(
                Observation(
                    unitSetID: unitSet.dataSetID, year: year, unitCode: unit.code, indicatorID: entry.id, value: value,
                    provenance: Provenance(
                        file: file, line: raw.value.line, column: raw.value.column, sha256: sha256,
                        source: source.isEmpty ? nil : source, note: note.isEmpty ? nil : note, status: status, sheet: sheet)))
        }
        return observations
    }

    /// The unit a row's unit cell `name` names in `unitSet`, matched as `build` matches it; `nil`
    /// when it names none (`build` would report it).
    mutating func unit(named name: String, in unitSet: UnitSet) -> AdministrativeUnit? {
        if case let .success(found) = match(name, in: unitSet) { return found }
        return nil
    }

    /// The unit `name` names in `unitSet`; a file names a few units many times, so each name is
    /// folded and matched once (remembering up to 10,000 names, more than the country has communes).
    private mutating func match(_ name: String, in unitSet: UnitSet) -> Result<AdministrativeUnit, UnitMatcher.Failure> {
        // A long file gives a unit's values one after another: the last name is asked again.
        if let last = lastMatch, last.name == name, last.unitSetID == unitSet.id { return last.result }
        let result = matchOnce(name, in: unitSet)
        lastMatch = (unitSet.id, name, result)
        return result
    }

    private mutating func matchOnce(_ name: String, in unitSet: UnitSet) -> Result<AdministrativeUnit, UnitMatcher.Failure> {
        let key = unitSet.id + "\u{1F}" + name
        if let known = matches[key] { return known }
        let matcher = matchers[unitSet.id] ?? UnitMatcher(unitSet, parents: unitSet.parentSetID.flatMap(context.registry.unitSet))
        matchers[unitSet.id] = matcher
        let result = matcher.match(name)
        if matches.count < 10_000 { matches[key] = result }
        return result
    }

    /// A problem with a value cell: what, and how to fix it.
    struct ValueProblem: Error {
        var message: String
        var hint: String?
    }

    private static func readValue(
        _ text: String, number: Double?, analysis: NumberReading.Analysis, entry: CatalogueNode, mark: DecimalMark?, markSource: String
    ) -> Result<Double, ValueProblem> {
        let scoring = entry.scoring
        if scoring?.measure == .yesHalfNo, let word = YesHalfNo.value(of: text) { return .success(word) }
        let value: Double
        switch number.map({ .success($0) }) ?? NumberReading.value(analysis, mark: mark) {
        case let .success(read):
            value = read
        case let .failure(.invalid(reason)):
            let hint =
                scoring?.measure == .yesHalfNo
                ? "write yes, half or no (có, một phần, không), or 1, 0.5, 0" : "write a number such as 0.8253, 56,83 or 97%"
            return .failure(ValueProblem(message: "value \(reason)", hint: hint))
        case let .failure(.contradicts(cellMark, fileMark)):
            return .failure(
                ValueProblem(
                    message: "value '\(text)' uses a decimal \(cellMark.rawValue), but \(markSource) use a decimal \(fileMark.rawValue)",
                    hint: "write it with a decimal \(fileMark.rawValue), or give --decimal \(cellMark.rawValue) if the whole file uses it"))
        case let .failure(.ambiguous(ifPoint, ifComma)):
            return .failure(
                ValueProblem(
                    message:
                        "value '\(text)' is ambiguous: \(NumberText.exact(ifPoint)) with a decimal point, \(NumberText.exact(ifComma)) with a decimal comma, and nothing else in the file shows which",
                    hint: "give --decimal comma (Vietnamese: 1.417 = one thousand four hundred seventeen) or --decimal point"))
        }

        if let scoring {
            guard scoring.range.contains(value) else {
                var hint =
                    "check the value; this component takes \(NumberText.exact(scoring.range.lowerBound))…\(NumberText.exact(scoring.range.upperBound))"
                if scoring.measure == .share, value > 1, value <= 100 { hint = "a share is written 0.97 or 97%, not 97" }
                if scoring.measure == .yesHalfNo { hint = "write yes, half or no (có, một phần, không), or 1, 0.5, 0" }
                return .failure(ValueProblem(message: "value \(NumberText.exact(value)) for component \(entry.id) is outside its range", hint: hint))
            }
            if scoring.measure == .yesHalfNo, ![0, 0.5, 1].contains(value) {
                return .failure(
                    ValueProblem(
                        message: "value \(NumberText.exact(value)) for \(entry.id) must be yes, half or no",
                        hint: "write yes, half or no, or 1, 0.5, 0"))
            }
            return .success(value)
        }
        guard (0...1).contains(value) else {
            if text.hasSuffix("%") {
                return .failure(
                    ValueProblem(
                        message: "value \(text) for \(entry.id) is outside [0, 1]", hint: "a share is at most 100%; check the figure"))
            }
            let hint =
                value > 1 && value <= 100
                ? "give the share of maximum points: \(NumberText.exact(value))% if it is a percentage, or points ÷ \(NumberText.exact(entry.points)) if it is points"
                : "give the share of maximum points (points ÷ \(NumberText.exact(entry.points))), not the points"
            return .failure(ValueProblem(message: "value \(NumberText.exact(value)) for \(entry.id) is outside [0, 1]", hint: hint))
        }
        return .success(value)
    }

    private static func unknownIndicatorHint(_ id: String, year: Int, catalogue: IndicatorCatalogue, context: IngestContext) -> String {
        // The national frameworks first: a commune framework shares their ids.
        let national = Set(context.editions.editions.map(\.framework))
        let owners = context.catalogues.values.filter { $0.framework != catalogue.framework && $0.node(id) != nil }.map(\.framework)
            .sorted { (national.contains($0) ? 0 : 1, $0) < (national.contains($1) ? 0 : 1, $1) }
        if let owner = owners.first {
            return "'\(id)' belongs to framework \(owner); \(year) is scored with \(catalogue.framework): is this file for another year?"
        }
        let suggestions = EditDistance.closest(to: id.lowercased(), among: catalogue.reportableNodes.map(\.id))
        return suggestions.isEmpty
            ? "run 'dti catalogue --year \(year)' for the ids"
            : "did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
    }

}

/// The words a yes/half/no component accepts, in English and Vietnamese.
enum YesHalfNo {
    static func value(of text: String) -> Double? {
        switch TextFolding.fold(text) {
        case "yes", "y", "co", "dat", "true": 1
        case "half", "partial", "partly", "mot phan", "mot nua": 0.5
        case "no", "n", "khong", "chua", "false": 0
        default: nil
        }
    }
}

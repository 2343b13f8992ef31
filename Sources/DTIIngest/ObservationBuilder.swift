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
    private let markSource: Wording
    private var matchers: [String: UnitMatcher] = [:]
    private var matches: [String: Result<AdministrativeUnit, UnitMatcher.Failure>] = [:]
    private var lastMatch: (unitSetID: String, name: String, result: Result<AdministrativeUnit, UnitMatcher.Failure>)?
    /// Messages already given, so a wide file's wrong header cell is reported once, not per row.
    private var reported: Set<String> = []
    /// The communes' matcher, once a unit name fails among the provinces (`nil` inside: none).
    private var communeMatcher: UnitMatcher??
    private var communeHints: [String: Wording?] = [:]
    /// The years reported as having no framework: said once per file.
    private var unframedYears: Set<Int> = []
    /// Whether the file is a template written by `dti template` (its stamp, or its descriptive
    /// columns): it knows its rows, so an empty value cell is a warning and a missing row too.
    private let isTemplate: Bool
    /// In a template, the entries each unit's rows name, with the unit's last line: by unit set,
    /// year and code, in the order met.
    private var templateRows: [TemplateUnit] = []
    private var templateUnitIndex: [String: Int] = [:]

    /// A unit met in a template, and the entries its rows named.
    private struct TemplateUnit {
        var unit: AdministrativeUnit
        var year: Int
        var catalogue: IndicatorCatalogue
        var entries: Set<String>
        var lastLine: Int
    }

    /// A builder for the values of `file` (whose bytes hash to `sha256`), read on `sheet` of a
    /// workbook. `mark` is the file's decimal mark (`context.decimal`, or what `DecimalEvidence`
    /// found in all its value cells); `declaredFramework` is the framework the file says it is for
    /// (XML), checked against each row's edition.
    public init(
        file: String, sheet: String? = nil, sha256: String? = nil, context: IngestContext, mark: DecimalMark?,
        declaredFramework: (id: String, cell: SourceCell)? = nil, isTemplate: Bool = false
    ) {
        self.isTemplate = isTemplate || context.template != nil
        self.file = file
        self.sheet = sheet
        self.sha256 = sha256
        self.context = context
        self.declaredFramework = declaredFramework
        self.fileMark = context.decimal ?? mark
        self.markSource =
            context.decimal.map { Wording.same("--decimal \($0.rawValue)") } ?? Messages.Ingest.fileSOtherNumbers
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
        func report(_ severity: Diagnostic.Severity, _ key: String, _ message: Wording, hint: Wording? = nil, at cell: SourceCell) {
            let diagnostic = Diagnostic(
                severity, key, message, hint: hint, at: SourceLocation(file: file, line: cell.line, column: cell.column, sheet: sheet))
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
                    report(
                        .error, "year.invalid",
                        Messages.Ingest.yearIsNotWholeNumber(cell: cell.trimmed),
                        hint: Messages.Ingest.writeEditionYearEG, at: cell)
                    continue
                }
                if let expected = context.year, parsed != expected {
                    report(
                        .error, "year.differs-from-option",
                        Messages.Ingest.yearDiffersFromYear(parsed: parsed, expected: expected),
                        hint: Messages.Ingest.fixRowOrDropYear, at: cell)
                    continue
                }
                if let template = context.template, parsed != template.edition {
                    report(
                        .error, "year.differs-from-template",
                        Messages.Ingest.yearIsNotEditionThis(parsed: parsed, edition: template.edition),
                        hint: (try? context.edition(for: parsed)) == nil
                            ? Messages.Ingest.writeHasNoFrameworkSo(edition: template.edition, parsed: parsed)
                            : Messages.Ingest.writeOrGiveValuesIn(
                                edition: template.edition, parsed: parsed, templateCommand: templateCommand(year: parsed)),
                        at: cell)
                    continue
                }
                year = parsed
            } else if let expected = context.year {
                year = expected
            } else {
                report(
                    .error, "year.missing", Messages.Ingest.noYearForThisValue,
                    hint: Messages.Ingest.addYearColumnOrGive,
                    at: raw.province)
                continue
            }
            guard let edition = try? context.edition(for: year),
                let catalogue = context.catalogues[edition.framework],
                let unitSet = context.registry.unitSet(edition.unitSet)
            else {
                // One cause, one error: every other row of the year is left unsaid.
                guard unframedYears.insert(year).inserted else { continue }
                let ownSets = context.editions.unitSetEditions.filter { $0.year == year }.map(\.unitSet)
                var (message, hint) = CatalogueError.noFrameworkWording(
                    year: year, known: context.editions.editions.map(\.year), ownSets: ownSets)
                if ownSets.contains(UnitSet.communesID), let communes = communeHint(for: raw.province.trimmed) {
                    hint = communes
                }
                report(
                    .error, "year.no-framework",
                    message.appending(
                        "; ", Messages.Ingest.saidOnceForEveryRow(year: year)),
                    hint: hint,
                    at: yearCell)
                continue
            }
            if let declared = declaredFramework, declared.id != catalogue.framework {
                report(
                    .error, "framework.mismatch",
                    Messages.Ingest.fileIsForFrameworkBut(declaredID: declared.id, year: year, framework: catalogue.framework),
                    hint: Messages.Ingest.checkYearOrExportFile(framework: catalogue.framework), at: declared.cell)
                continue
            }

            // Unit.
            let unit: AdministrativeUnit
            switch match(raw.province.trimmed, in: unitSet) {
            case let .success(found):
                unit = found
            case let .failure(failure):
                var hint: Wording?
                if case .unknown = failure { hint = communeHint(for: raw.province.trimmed) }
                report(.error, failure.key, failure.wording, hint: hint, at: raw.province)
                continue
            }

            // Entry.
            let indicatorID = raw.indicator.trimmed
            guard let entry = catalogue.entry(named: indicatorID) else {
                report(
                    .error, "indicator.unknown",
                    Messages.Ingest.unknownIndicatorForFramework(indicatorID: indicatorID, year: year, framework: catalogue.framework),
                    hint: Self.unknownIndicatorHint(indicatorID, year: year, catalogue: catalogue, context: context), at: raw.indicator)
                continue
            }
            if entry.kind == .index {
                report(
                    .error, "indicator.computed",
                    Messages.Ingest.computedCannotBeGiven(entry: EntryName(id: entry.id, nameVI: entry.nameVI)),
                    hint: Messages.Ingest.giveMainIndicatorValuesInstead, at: raw.indicator)
                continue
            }
            if entry.kind == .pillar, !catalogue.parts(of: entry.id).isEmpty {
                // A pillar given beside the indicators it is computed from would stand in the
                // ranking beside a DTI that contradicts it.
                report(
                    .error, "indicator.computed-pillar",
                    Messages.Ingest.pillarCannotBeGiven(
                        entry: EntryName(id: entry.id, nameVI: entry.nameVI), year: year, framework: catalogue.framework),
                    hint: Messages.Ingest.giveValuesOfItsIndicators(parts: catalogue.parts(of: entry.id).map(\.id).joined(separator: ", ")),
                    at: raw.indicator)
                continue
            }
            if isTemplate { noteTemplateRow(unit: unit, entry: entry.id, year: year, catalogue: catalogue, set: unitSet, line: raw.value.line) }

            // Value.
            let valueText = raw.value.trimmed
            if valueText.isEmpty {
                report(
                    isTemplate ? .warning : .note, isTemplate ? "template.value-empty" : "value.empty",
                    Messages.Ingest.noValueLeftMissing(entry: EntryName(id: entry.id, nameVI: entry.nameVI), unit: unit.name),
                    hint: isTemplate
                        ? Messages.Ingest.templateAsksForEveryValue : nil,
                    at: raw.value)
                context.blankCells?.add(
                    ObservationKey(unitSetID: unitSet.dataSetID, year: year, unitCode: unit.code, indicatorID: entry.id),
                    at: SourceLocation(file: file, line: raw.value.line, column: raw.value.column, sheet: sheet))
                continue
            }
            let value: Double
            switch Self.readValue(valueText, number: raw.value.number, analysis: analysis, entry: entry, mark: fileMark, markSource: markSource) {
            case let .success(read):
                value = read
            case let .failure(problem):
                report(.error, problem.key, problem.message, hint: problem.hint, at: raw.value)
                continue
            }

            // Provenance.
            var status: DataStatus?
            if let cell = raw.status, !cell.trimmed.isEmpty {
                guard let parsed = DataStatus(rawValue: cell.trimmed.lowercased()) else {
                    report(
                        .error, "status.invalid",
                        Messages.Ingest.statusIsNotOneOf(cell: cell.trimmed),
                        at: cell)
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

    /// Records that a template's row for `entry` of `unit` is there.
    private mutating func noteTemplateRow(
        unit: AdministrativeUnit, entry: String, year: Int, catalogue: IndicatorCatalogue, set: UnitSet, line: Int
    ) {
        let key = "\(set.id)\u{0}\(year)\u{0}\(unit.code)"
        if let index = templateUnitIndex[key] {
            templateRows[index].entries.insert(entry)
            templateRows[index].lastLine = max(templateRows[index].lastLine, line)
        } else {
            templateUnitIndex[key] = templateRows.count
            templateRows.append(TemplateUnit(unit: unit, year: year, catalogue: catalogue, entries: [entry], lastLine: line))
        }
    }

    /// After the file's last row: in a template, each unit's rows that were deleted, one warning
    /// per unit, at its last row (a template lists every entry of the edition for each unit).
    public func templateDiagnostics() -> [Diagnostic] {
        templateRows.compactMap { met -> Diagnostic? in
            let missing = met.catalogue.givenEntries.filter { !met.entries.contains($0.id) }
            guard !missing.isEmpty else { return nil }
            let ids = missing.map(\.id)
            let shown = missing.prefix(6).map { EntryName(id: $0.id, nameVI: $0.nameVI) }
            let listed = Wording.same("").map { _, language in
                shown.map { $0.text(language) }.joined(separator: ", ") + (ids.count > 6 ? ", …" : "")
            }
            return Diagnostic(
                .warning, "template.row-missing",
                ids.count == 1
                    ? Messages.Ingest.templateRowMissing(shown: listed, unit: met.unit.name)
                    : Messages.Ingest.templateRowsMissing(count: ids.count, shown: listed, unit: met.unit.name),
                hint: Messages.Ingest.putRowsBackFromNew(templateCommand: templateCommand(year: met.year)),
                at: SourceLocation(file: file, line: met.lastLine, sheet: sheet))
        }
    }

    /// The command that writes a blank template of `year` for the units read here, as it is to be
    /// typed: the set and province `--units` and `--parent` chose, and a file to write (a workbook
    /// is not written to a terminal).
    func templateCommand(year: Int) -> Wording {
        var options = ""
        if let set = context.unitSet {
            if let value = set.builtInOption {
                options += " --units \(value)"
                if set.id != set.dataSetID, let parent = set.units.first?.parentCode { options += " --parent \(parent)" }
            }
        }
        return Messages.Ingest.dtiTemplateYearOutTemplate(year: year, options: options)
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

    /// When a name fails among the provinces but is one of the country's communes: the options
    /// that import commune data ("--units communes --parent 24").
    private mutating func communeHint(for name: String) -> Wording? {
        guard let load = context.communes else { return nil }
        if let known = communeHints[name] { return known }
        if communeMatcher == nil { communeMatcher = .some(load().map { UnitMatcher($0, parents: nil) }) }
        var hint: Wording?
        if case let .some(.some(matcher)) = communeMatcher, case let .success(commune) = matcher.match(name),
            let parentCode = commune.parentCode
        {
            let parent = context.registry.unitSet(UnitSet.provinces34ID)?.units.first { $0.code == parentCode }?.name ?? parentCode
            hint = Messages.Ingest.isCommuneOrWardOf(communeName: commune.name, parent: parent, parentCode: parentCode)
        }
        if communeHints.count < 10_000 { communeHints[name] = hint }
        return hint
    }

    /// A problem with a value cell: what, and how to fix it.
    struct ValueProblem: Error {
        var key: String
        var message: Wording
        var hint: Wording?
    }

    private static func readValue(
        _ text: String, number: Double?, analysis: NumberReading.Analysis, entry: CatalogueNode, mark: DecimalMark?, markSource: Wording
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
                ? Messages.Ingest.writeYesHalfOrNo
                : Messages.Ingest.writeNumberSuchAs0
            return .failure(ValueProblem(key: "value.not-a-number", message: Messages.Ingest.value.appending("", reason), hint: hint))
        case let .failure(.contradicts(cellMark, fileMark)):
            return .failure(
                ValueProblem(
                    key: "value.decimal-mark-contradicts",
                    message: Messages.Ingest.decimalMarkContradicts(
                        text: text, cellMark: cellMark.wording, markSource: markSource, fileMark: fileMark.wording),
                    hint: Messages.Ingest.decimalMarkContradictsHint(fileMark: fileMark.wording, cellOption: cellMark.rawValue)))
        case let .failure(.ambiguous(ifPoint, ifComma)):
            return .failure(
                ValueProblem(
                    key: "value.decimal-mark-ambiguous",
                    message: Messages.Ingest.valueIsAmbiguousWithDecimal(text: text, ifPoint: ExactNumber(ifPoint), ifComma: ExactNumber(ifComma)),
                    hint: Messages.Ingest.giveDecimalCommaVietnamese1))
        }

        if let scoring {
            guard scoring.range.contains(value) else {
                var hint = Messages.Ingest.checkComponentRange(
                    lower: ExactNumber(scoring.range.lowerBound), upper: ExactNumber(scoring.range.upperBound))
                if scoring.measure == .share, value > 1, value <= 100 {
                    hint = Messages.Ingest.shareIsWritten097
                }
                if scoring.measure == .yesHalfNo {
                    hint = Messages.Ingest.writeYesHalfOrNo
                }
                return .failure(
                    ValueProblem(
                        key: "value.out-of-range",
                        message: Messages.Ingest.componentOutOfRange(value: ExactNumber(value), entry: EntryName(id: entry.id, nameVI: entry.nameVI)),
                        hint: hint))
            }
            if scoring.measure == .yesHalfNo, ![0, 0.5, 1].contains(value) {
                return .failure(
                    ValueProblem(
                        key: "value.not-yes-half-no",
                        message: Messages.Ingest.mustBeYesHalfNo(value: ExactNumber(value), entry: EntryName(id: entry.id, nameVI: entry.nameVI)),
                        hint: Messages.Ingest.writeYesHalfOrNo))
            }
            return .success(value)
        }
        guard (0...1).contains(value) else {
            if text.hasSuffix("%") {
                return .failure(
                    ValueProblem(
                        key: "value.out-of-range",
                        message: Messages.Ingest.outsideZeroOne(value: text, entry: EntryName(id: entry.id, nameVI: entry.nameVI)),
                        hint: Messages.Ingest.shareIsAtMost100))
            }
            let points = ExactNumber(entry.points)
            let hint =
                value > 1 && value <= 100
                ? Messages.Ingest.giveSharePercentOrPoints(value: ExactNumber(value), points: points)
                : Messages.Ingest.giveShareNotPoints(points: points)
            return .failure(
                ValueProblem(
                    key: "value.out-of-range",
                    message: Messages.Ingest.outsideZeroOne(value: ExactNumber(value), entry: EntryName(id: entry.id, nameVI: entry.nameVI)),
                    hint: hint))
        }
        return .success(value)
    }

    private static func unknownIndicatorHint(_ id: String, year: Int, catalogue: IndicatorCatalogue, context: IngestContext) -> Wording {
        // The national frameworks first: a commune framework shares their ids.
        let national = Set(context.editions.editions.map(\.framework))
        let owners = context.catalogues.values.filter { $0.framework != catalogue.framework && $0.node(id) != nil }.map(\.framework)
            .sorted { (national.contains($0) ? 0 : 1, $0) < (national.contains($1) ? 0 : 1, $1) }
        if let owner = owners.first {
            return Messages.Ingest.belongsToFrameworkIsScored(id: id, owner: owner, year: year, framework: catalogue.framework)
        }
        let suggestions = catalogue.suggestions(for: id)
        return suggestions.isEmpty
            ? Messages.Ingest.runDtiCatalogueYearFor(year: year)
            : Suggestions.didYouMean(suggestions.map { "'\($0.id)' (\($0.nameVI))" })
    }

}

/// The words a yes/half/no component accepts: in English and Vietnamese, and the words the
/// template writes in any language of the message catalogue (`Messages.Report.templateYesHalfNo`).
enum YesHalfNo {
    static func value(of text: String) -> Double? {
        let folded = TextFolding.fold(text)
        switch folded {
        case "yes", "y", "co", "dat", "true": return 1
        case "half", "partial", "partly", "mot phan", "mot nua": return 0.5
        case "no", "n", "khong", "chua", "false": return 0
        default: return templateWords[folded]
        }
    }

    /// The template's words in every language, folded: yes, half, no in the catalogue's order.
    static let templateWords: [String: Double] = {
        var words: [String: Double] = [:]
        for language in Language.allCases {
            for (value, word) in zip([1.0, 0.5, 0], language.headings(Messages.Report.templateYesHalfNo)) {
                words[TextFolding.fold(word)] = words[TextFolding.fold(word)] ?? value
            }
        }
        return words
    }()
}

import DTICore

/// The blank input file a province fills in for an edition (`dti template`): the long layout
/// with a row per unit and entry to give, the entry's Vietnamese name, what it measures and the
/// values accepted beside an empty value column. Filled in, it imports as it is: the reader knows
/// the descriptive columns and passes over them.
public struct InputTemplate: Sendable {
    /// What a value cell accepts.
    public enum Rule: Sendable, Hashable {
        /// A number in `minimum…maximum`.
        case range(minimum: Double, maximum: Double)
        /// One of these words (yes, half, no).
        case words([String])
    }

    /// Lines above the header: what the file is for and any notice of the framework.
    public let preamble: [String]
    /// The column titles, in the report language (the reader accepts both languages).
    public let header: [String]
    /// The rows: every cell filled but the value, source and note.
    public let rows: [[String]]
    /// The 0-based column of the values.
    public let valueColumn: Int
    /// The rule of each row's value cell.
    public let rules: [Rule]
    /// The edition and unit set the template is for, which the workbook records on a hidden sheet.
    public let stamp: TemplateStamp
    /// The name of the workbook's sheet of instructions, and its lines: how to fill the values in
    /// and send the file, for the officer who has not met `dti`.
    public let instructionsSheet: String
    public let instructions: [String]

    /// The entries a file gives values for: those no other entry counts in (the main indicators,
    /// or their components where the catalogue has them; the pillars of 2020).
    public static func entries(of catalogue: IndicatorCatalogue) -> [CatalogueNode] {
        catalogue.givenEntries
    }

    /// The template for `units` in the edition `year` scored with `catalogue`. Units are named so
    /// that the filled-in file imports as it is: by name where the name is one unit's among all of
    /// `wholeSet` (the set `unitSet` narrows, if it does), else with its province (`parents`), else
    /// by code.
    public init(
        year: Int, catalogue: IndicatorCatalogue, units: [AdministrativeUnit], unitSet: UnitSet, language: ReportLanguage,
        wholeSet: UnitSet? = nil, parents: UnitSet? = nil, readOptions: [String] = []
    ) {
        let entries = Self.entries(of: catalogue)
        let isProvinces = unitSet.parentSetID == nil
        header = language.headings(isProvinces ? Messages.Report.templateHeadersProvinces : Messages.Report.templateHeadersUnits)
        stamp = TemplateStamp(edition: year, unitSetID: unitSet.dataSetID, framework: catalogue.framework)
        let labels = Self.unitLabels(units, among: wholeSet ?? unitSet, parents: parents)
        valueColumn = 6
        var preamble = [
            Messages.Report.dtiInputTemplateFrameworkFill(
                year: year, languageLabel: language.label(of: unitSet), framework: catalogue.framework, suffix: Self.suffix(readOptions)
            ).text(language)
        ]
        preamble += catalogue.notices.map { "! " + language.terminalText(of: $0) }
        self.preamble = preamble
        var rows: [[String]] = []
        var rules: [Rule] = []
        for unit in units {
            for entry in entries {
                let (measure, range, rule) = Self.describe(entry, language: language)
                let name = language.text(en: "\(entry.nameVI) (\(entry.nameEN))", vi: entry.nameVI)
                rows.append([labels[unit.code] ?? unit.code, String(year), entry.id, name, measure, range, "", "", ""])
                rules.append(rule)
            }
        }
        self.rows = rows
        self.rules = rules
        instructionsSheet = Messages.Report.instructions.text(language)
        instructions = Self.instructions(year: year, unitSet: unitSet, language: language, readOptions: readOptions)
    }

    /// The options that read the filled-in file as the template was made (`--units communes
    /// --parent 24`), after a space, each quoted for the shell where it needs it.
    static func suffix(_ readOptions: [String]) -> String {
        readOptions.map { option in
            option.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=".contains($0)) }) && !option.isEmpty
                ? " " + option : " \"" + option.map { "\"$`\\".contains($0) ? "\\\($0)" : String($0) }.joined() + "\""
        }.joined()
    }

    /// How to fill in the template, step by step; `readOptions` are the options that read it back,
    /// so that the commands of the last step work as written.
    static func instructions(year: Int, unitSet: UnitSet, language: ReportLanguage, readOptions: [String] = []) -> [String] {
        let units = language.label(of: unitSet)
        let options = suffix(readOptions)
        return Messages.Report.templateInstructions(year: year, units: units, options: options).text(language)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// How each unit is written so that the reader finds it and no other: its name when no other
    /// unit of `set` has that name (folded as the reader folds it) or has it as a code, else
    /// `Name (Province)` when that is one unit's, else its code.
    static func unitLabels(_ units: [AdministrativeUnit], among set: UnitSet, parents: UnitSet?) -> [String: String] {
        var byName: [String: Int] = [:]
        var byNameAndParent: [String: Int] = [:]
        for unit in set.units {
            let key = UnitMatcher.key(for: unit.name)
            byName[key, default: 0] += 1
            byNameAndParent[key + "\u{1F}" + (unit.parentCode ?? ""), default: 0] += 1
        }
        var labels: [String: String] = [:]
        for unit in units {
            let key = UnitMatcher.key(for: unit.name)
            if byName[key] == 1, set.unit(code: unit.name) == nil {
                labels[unit.code] = unit.name
            } else if let parent = unit.parentCode.flatMap({ parents?.unit(code: $0) }), byNameAndParent[key + "\u{1F}" + parent.code] == 1 {
                labels[unit.code] = "\(unit.name) (\(parent.name))"
            } else {
                labels[unit.code] = unit.code
            }
        }
        return labels
    }

    /// What an entry's value measures, its range as text, and the rule for its cell.
    static func describe(_ entry: CatalogueNode, language: ReportLanguage) -> (String, String, Rule) {
        guard let scoring = entry.scoring else {
            if entry.points == 0 {
                return (Messages.Report.shareNotScored.text(language), "0–1", .range(minimum: 0, maximum: 1))
            }
            return (
                Messages.Report.shareOfPoints(points: ExactNumber(entry.points)).text(language),
                "0–1", .range(minimum: 0, maximum: 1)
            )
        }
        let low = scoring.range.lowerBound
        let high = scoring.range.upperBound
        let range = high >= 1e15 ? "≥ \(NumberText.exact(low))" : "\(NumberText.exact(low))–\(NumberText.exact(high))"
        switch scoring.measure {
        case .share:
            return (Messages.Report.share097Or97.text(language), range, .range(minimum: low, maximum: high))
        case .count:
            return (Messages.Report.count.text(language), range, .range(minimum: low, maximum: min(high, 1e15)))
        case .yesHalfNo:
            let words = language.headings(Messages.Report.templateYesHalfNo)
            return (words.joined(separator: " / "), words.joined(separator: ", "), .words(words))
        }
    }

    /// The template as CSV: the preamble as `#` comments, which the reader skips before the header.
    public var csv: String {
        var lines = preamble.map { "# " + $0 }
        lines.append(header.map(RankingCSVRenderer.quote).joined(separator: ","))
        for row in rows { lines.append(row.map(RankingCSVRenderer.quote).joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }
}

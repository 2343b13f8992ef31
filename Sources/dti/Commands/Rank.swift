import ArgumentParser
import DTIAnalysis
import DTICore
import DTIIngest
import DTIReport
import DTIStorage
import DTIWorkflow
import Foundation

extension RankingFormat: ExpressibleByArgument {}

/// `dti rank --format`: the text formats, and a workbook.
enum RankOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown, xlsx

    /// The text renderer, or `nil` for the workbook.
    var text: RankingFormat? { RankingFormat(rawValue: rawValue) }
}

extension DTICommand {
    /// `dti rank --year YEAR`: score and rank an edition.
    struct Rank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score and rank the provinces for an edition.",
            discussion: """
                Values come from the history database, or straight from files with --input. Ranks are \
                national: --region and --top only choose which rows to show. Units with equal values at \
                4 decimals share a rank (1, 2, 2, 4).
                """)

        @OptionGroup var data: DataOptions

        /// The edition.
        @Option(parsing: .unconditional, help: "The edition: the year evaluated (2022 for the results published in 2023).")
        var year: Int

        /// What to rank by.
        @Option(help: ArgumentHelp("Rank by dti, a pillar (government, economy, society) or an indicator id.", valueName: "entry"))
        var by: String = "dti"

        /// The unit set (with 34 and earlier editions, merged units take the mean of their members' main indicators).
        @OptionGroup var unitOptions: UnitSetOptions

        /// A region filter.
        @Option(help: ArgumentHelp("Show only the provinces of this socio-economic region (63 units only).", valueName: "name"))
        var region: String?

        /// How many ranks to show.
        @Option(help: ArgumentHelp("Show only ranks 1 to N (units tied at N are all shown).", valueName: "n"))
        var top: Int?

        /// Output format.
        @OptionGroup var languageOption: LanguageOption

        @Option(help: "Output format (xlsx needs --out).")
        var format: RankOutputFormat = .table

        @OptionGroup var output: OutputFileOption

        /// Files to rank directly, without the database.
        @Option(
            name: .customLong("input"), parsing: .upToNextOption,
            help: ArgumentHelp("Rank values from these CSV, XML or .xlsx files instead of the database.", valueName: "file"))
        var inputFiles: [String] = []

        /// A treatment of missing values other than the official one.
        @Option(
            help: ArgumentHelp(
                "Impute missing main indicators (zero, region-mean, median) instead of the official 0 points; the output then says it is not the official method.",
                valueName: "method"))
        var impute: Imputation = .zero

        /// The decimal mark of --input files.
        @Option(help: ArgumentHelp("The decimal mark of --input files (comma or point); default: decided per file.", valueName: "mark"))
        var decimal: DecimalMark?

        @OptionGroup var scenario: ScenarioOptions

        func validate() throws {
            if !(2000...2100).contains(year) {
                throw optionError(
                    "'--year' must be between 2000 and 2100, got \(year).", vi: "'--year' phải trong khoảng 2000 đến 2100, nhưng là \(year).")
            }
            if let top, top < 1 {
                throw optionError("'--top' must be at least 1, got \(top).", vi: "'--top' phải ít nhất là 1, nhưng là \(top).")
            }
            try output.validate(binary: format == .xlsx)
            if region != nil, unitOptions.units == "34" {
                throw optionError(
                    "'--region' works with '--units 63' only: no official region assignment of the 34 units exists.",
                    vi: "'--region' chỉ dùng với '--units 63': chưa có cách chia vùng chính thức cho 34 đơn vị.")
            }
        }

        func run() throws {
            let reference = try ReferenceData(options: data, units: unitOptions)
            let target = try output.target(database: Paths.database(option: data.databasePath))
            let inputs = try loadInputs(reference: reference, unitSet: reference.chosenUnitSet)
            let catalogue = inputs.catalogue
            let rankable = [catalogue.index] + catalogue.pillars + catalogue.indicators
            // An id or a name ("Kinh tế số", "an toan thong tin mang") names the entry.
            guard let byEntry = catalogue.entry(named: by), rankable.contains(where: { $0.id == byEntry.id }) else {
                let ids = rankable.map(\.id).joined(separator: ", ")
                let suggestion = catalogue.suggestions(for: by).first { entry in rankable.contains { $0.id == entry.id } }
                throw invalidOption(
                    Wording(
                        "'--by' must be one of \(ids) for \(year), got '\(by)'." + (suggestion.map { " Did you mean '\($0.id)'?" } ?? ""),
                        vi: "'--by' phải là một trong \(ids) (hoặc tên của chúng) cho năm \(year), nhưng là '\(by)'."
                            + (suggestion.map { " Có phải là '\($0.id)' (\($0.nameVI))?" } ?? "")))
            }
            let by = byEntry.id

            var result = try ImputedScoring.score(
                columns: inputs.values, edition: inputs.edition, catalogue: catalogue, registry: reference.registry, unitSetID: inputs.target.id,
                storedIn: inputs.storedSetID, impute: impute, own: inputs.ownValues)
            result.dataNotices = inputs.notices
            result = try scenario.apply(to: result)

            var include: (ResultRow) -> Bool = { _ in true }
            var filterDescription: String?
            if let region {
                let found = try RegionMatching.region(named: region, in: result.unitSet)
                include = { $0.unit.regionID == found.id }
                filterDescription =
                    languageOption.language == .vi ? "vùng: \(found.nameVI)" : "region: \(found.nameVI) (\(found.nameEN))"
            }
            let view = RankingView(result: result, entryID: by, top: top, filterDescription: filterDescription, include: include)
            if let text = format.text {
                if format == .csv {
                    // The CSV's header is its first line; the notices' sentences go beside it.
                    for notice in result.notices { NoteSink.standardError(.same(languageOption.language.terminalText(of: notice))) }
                }
                let rendered = text.render(
                    view, language: languageOption.language, width: TerminalWidth.current, threads: ProcessInfo.processInfo.activeProcessorCount)
                try OutputFileOption.emit(rendered, to: target)
            } else if let target {
                try WorkbookExport.write(SpreadsheetTables.ranking(view, language: languageOption.language), to: target)
            }
        }

        /// The values to rank, from `--input` files or the database. Files are read in the chosen
        /// set's units, except for a set formed by merger from the edition's own (34 from 63):
        /// then they are read in the edition's own set and merged.
        private func loadInputs(reference: ReferenceData, unitSet: UnitSet?) throws -> ScoringInputs {
            guard !inputFiles.isEmpty else {
                let loader = try ResultLoader(reference: reference, databasePath: Paths.database(option: data.databasePath))
                return try loader.scoringInputs(year: year, unitSet: unitSet)
            }
            let (national, nationalCatalogue) = try reference.edition(year)
            let merging = unitSet.map { reference.registry.crosswalk(from: national.unitSet, to: $0.id) != nil && $0.id != national.unitSet } ?? false
            let readIn = merging ? nil : unitSet
            let paths = try DataFiles.expand(inputFiles)
            let combined = try DataFiles.read(paths, reference: reference, year: nil, decimal: decimal, unitSet: readIn)
            DiagnosticPrinter.print(combined.diagnostics.filter { $0.severity != .note }, files: paths.count)
            if combined.diagnostics.hasErrors { throw ExitCode.failure }
            let observations = combined.observations.filter { $0.year == year }
            guard let readIn else {
                let target = try unitSet ?? reference.requiredUnitSet(id: national.unitSet)
                return ScoringInputs(edition: national, catalogue: nationalCatalogue, target: target, values: EditionColumns(observations))
            }
            let (edition, catalogue) = try reference.edition(year, unitSet: readIn)
            return ScoringInputs(edition: edition, catalogue: catalogue, target: readIn, values: EditionColumns(observations))
        }
    }
}

/// Finds a region by Vietnamese or English name, with or without diacritics, or by id.
enum RegionMatching {
    static func region(named text: String, in unitSet: UnitSet) throws -> Region {
        let key = TextFolding.fold(text)
        if let found = unitSet.regions.first(where: {
            TextFolding.fold($0.nameVI) == key || TextFolding.fold($0.nameEN) == key || $0.id == text
        }) {
            return found
        }
        let names = unitSet.regions.map(\.nameEN)
        let suggestions = EditDistance.closest(to: key, among: unitSet.regions.map { TextFolding.fold($0.nameEN) })
        let hint = suggestions.isEmpty ? "" : " Did you mean '\(suggestions[0])'?"
        throw invalidOption(
            Wording(
                "'--region' must be one of: \(names.joined(separator: "; ")); got '\(text)'.\(hint)",
                vi: "'--region' phải là một trong: \(unitSet.regions.map(\.nameVI).joined(separator: "; ")); nhưng là '\(text)'."))
    }
}

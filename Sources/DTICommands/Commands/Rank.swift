import ArgumentParser
import DTIAnalysis
import DTICore
import DTIFiles
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

    /// The extension of a file in this format.
    var fileExtension: String {
        switch self {
        case .table: "txt"
        case .markdown: "md"
        case .csv, .json, .xlsx: rawValue
        }
    }
}

extension DTICommand {
    /// `dti rank --year YEAR`: score and rank an edition.
    struct Rank: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "rank",
                    abstract: Messages.Help.rankAbstract.helpText,
                    discussion: Messages.Help.rankDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions

        /// The edition, or several (`YearList`).
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                Messages.Help.rankYear.helpText,
                valueName: Messages.HelpValue.year.helpText))
        var year: String

        /// What to rank by.
        @Option(help: ArgumentHelp(Messages.Help.rankBy.helpText, valueName: Messages.HelpValue.entry.helpText))
        var by: String = "dti"

        /// The unit set (with 34 and earlier editions, merged units take the mean of their members' main indicators).
        @OptionGroup var unitOptions: UnitSetOptions

        /// A region filter.
        @Option(help: ArgumentHelp(Messages.Help.rankRegion.helpText, valueName: Messages.HelpValue.name.helpText))
        var region: String?

        /// How many ranks to show.
        @Option(help: ArgumentHelp(Messages.Help.rankTop.helpText, valueName: Messages.HelpValue.n.helpText))
        var top: Int?

        /// Output format.
        @OptionGroup var languageOption: LanguageOption

        @Option(help: ArgumentHelp(Messages.Help.rankFormat.helpText, valueName: Messages.HelpValue.format.helpText))
        var format: RankOutputFormat = .table

        @OptionGroup var output: OutputFileOption

        /// Files to rank directly, without the database.
        @Option(
            name: .customLong("input"), parsing: .upToNextOption,
            help: ArgumentHelp(Messages.Help.rankInputFiles.helpText, valueName: Messages.HelpValue.file.helpText))
        var inputFiles: [String] = []

        /// A treatment of missing values other than the official one.
        @Option(
            help: ArgumentHelp(
                Messages.Help.rankImpute.helpText,
                valueName: Messages.HelpValue.method.helpText))
        var impute: Imputation = .zero

        /// The decimal mark of --input files.
        @Option(help: ArgumentHelp(Messages.Help.rankDecimal.helpText, valueName: Messages.HelpValue.mark.helpText))
        var decimal: DecimalMark?

        @OptionGroup var scenario: ScenarioOptions

        /// The years asked for.
        var years: [Int] {
            get throws { try YearList(year).years }
        }

        func validate() throws {
            let years: [Int]
            do {
                years = try self.years
            } catch let WorkflowError.invalidOption(message) {
                throw optionError(message)
            }
            if years.count > 1 { try validateSeveralYears(years) }
            if let top, top < 1 {
                throw optionError(Messages.Commands.topMustBeAtLeast(top: top))
            }
            try output.validate(binary: format == .xlsx)
            if region != nil, unitOptions.units == "34" {
                throw optionError(Messages.Commands.regionWorksWithUnits63)
            }
        }

        func run(on console: Console) throws {
            let years = try self.years
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let database = console.databasePath(data)
            guard years.count > 1 else { return try runOneYear(years[0], reference: reference, database: database, console: console) }
            // Every file is checked before any work, so a refusal leaves nothing written.
            let targets = try output.path.map { folder in
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                return try years.map { year in
                    try OutputFile(
                        path: prefix + Self.fileName(year: year, format: format), database: database, rule: .writtenByDTI(force: output.force))
                }
            }
            let loader = try ResultLoader(reference: reference, databasePath: database)
            // The chosen set is checked against the history once, here, and its notes given once;
            // then each thread reads editions on a connection of its own.
            if let chosen = reference.chosenUnitSet { try loader.checkIdentity(of: chosen) }
            let threads = min(years.count, ProcessInfo.processInfo.activeProcessorCount)
            let loaders = try [loader] + (1..<threads).map { _ in try loader.onAnotherConnection() }
            let ranked = ParallelMap.map(years.count, contexts: loaders) { loader, index in
                Result {
                    try rank(
                        year: years[index], inputs: try loader.scoringInputs(year: years[index], unitSet: reference.chosenUnitSet),
                        reference: reference, threads: 1, console: console)
                }
            }
            let outputs = try ranked.map { try $0.get() }
            var noticesSaid = Set<String>()
            for (index, output) in outputs.enumerated() {
                if format == .csv {
                    for notice in output.notices where noticesSaid.insert(notice.code).inserted {
                        console.notes(.same(console.language.terminalText(of: notice)))
                    }
                }
                if let targets {
                    try write(output, to: targets[index], console: console)
                } else if let text = output.text {
                    // Several years on the terminal (table and Markdown only): one after another.
                    try OutputFileOption.emit((index > 0 ? "\n" : "") + text, to: nil, console: console)
                }
            }
        }

        /// `rank-2024.csv`: each year's file in the `--out` folder of several years.
        static func fileName(year: Int, format: RankOutputFormat) -> String {
            "rank-\(year).\(format.fileExtension)"
        }

        /// Several years: a file each, so every format but the terminal's needs `--out FOLDER`;
        /// and `--input` files are read for one edition.
        private func validateSeveralYears(_ years: [Int]) throws {
            let count = years.count
            if !inputFiles.isEmpty {
                throw optionError(Messages.Commands.inputRanksOneYearAt(count: count))
            }
            if output.path == nil, format == .csv || format == .json || format == .xlsx {
                throw optionError(
                    Messages.Commands.yearNamesYearsAndFormat(
                        count: count, format: format.rawValue, fileName: Self.fileName(year: years[0], format: format)))
            }
            if let path = output.path, path.lowercased().hasSuffix("." + format.fileExtension) {
                throw optionError(Messages.Commands.withSeveralYearsOutNames(path: path))
            }
        }

        /// One year, as `dti rank` has always ranked it: to standard output or one `--out` file.
        private func runOneYear(_ year: Int, reference: ReferenceData, database: String, console: Console) throws {
            let target = try output.target(database: database)
            let inputs = try loadInputs(year: year, reference: reference, unitSet: reference.chosenUnitSet, console: console)
            let output = try rank(
                year: year, inputs: inputs, reference: reference, threads: ProcessInfo.processInfo.activeProcessorCount, console: console)
            if format == .csv {
                // The CSV's header is its first line; the notices' sentences go beside it.
                for notice in output.notices { console.notes(.same(console.language.terminalText(of: notice))) }
            }
            try write(output, to: target, console: console)
        }

        /// One edition ranked and rendered in the chosen format.
        struct RankedYear {
            /// The text, or `nil` for a workbook.
            var text: String?
            var workbook: [ResultTable]?
            /// What the result says about its data (printed beside a CSV).
            var notices: [Notice]
        }

        /// Scores `inputs` and renders the ranking; the CSV's rows are written on `threads` threads.
        private func rank(year: Int, inputs: ScoringInputs, reference: ReferenceData, threads: Int, console: Console) throws -> RankedYear {
            let catalogue = inputs.catalogue
            let rankable = [catalogue.index] + catalogue.pillars + catalogue.indicators
            // An id or a name ("Kinh tế số", "an toan thong tin mang") names the entry.
            guard let byEntry = catalogue.entry(named: by), rankable.contains(where: { $0.id == byEntry.id }) else {
                let ids = rankable.map(\.id).joined(separator: ", ")
                let suggestion = catalogue.suggestions(for: by).first { entry in rankable.contains { $0.id == entry.id } }
                throw console.invalidOption(
                    Messages.Commands.byMustBeOneOf(
                        ids: ids, year: year, by: by,
                        hint: suggestion.map { Messages.Core.didYouMean2(name: EntryName(id: $0.id, nameVI: $0.nameVI)) } ?? Wording.same("")))
            }
            let by = byEntry.id

            var result = try ImputedScoring.score(
                columns: inputs.values, edition: inputs.edition, catalogue: catalogue, registry: reference.registry, unitSetID: inputs.target.id,
                storedIn: inputs.storedSetID, impute: impute, own: inputs.ownValues)
            result.dataNotices = inputs.notices
            result = try scenario.apply(to: result, console: console)

            var include: (ResultRow) -> Bool = { _ in true }
            var filterDescription: String?
            if let region {
                let found = try RegionMatching.region(named: region, in: result.unitSet, console: console)
                include = { $0.unit.regionID == found.id }
                filterDescription =
                    Messages.Commands.regionFilter(name: Wording.name(en: "\(found.nameVI) (\(found.nameEN))", vi: found.nameVI)).text(
                        console.language)
            }
            let view = RankingView(result: result, entryID: by, top: top, filterDescription: filterDescription, include: include)
            guard let text = format.text else {
                return RankedYear(text: nil, workbook: SpreadsheetTables.ranking(view, language: console.language), notices: result.notices)
            }
            return RankedYear(
                text: text.render(view, language: console.language, width: console.width, threads: threads), workbook: nil,
                notices: result.notices)
        }

        /// Writes a ranking to `target`, or prints it when there is none.
        private func write(_ ranked: RankedYear, to target: OutputFile?, console: Console) throws {
            if let text = ranked.text {
                try OutputFileOption.emit(text, to: target, console: console)
            } else if let workbook = ranked.workbook, let target {
                try WorkbookExport.write(workbook, to: target)
            }
        }

        /// The values to rank, from `--input` files (their problems shown) or the database.
        private func loadInputs(year: Int, reference: ReferenceData, unitSet: UnitSet?, console: Console) throws -> ScoringInputs {
            guard !inputFiles.isEmpty else {
                let loader = try ResultLoader(reference: reference, databasePath: console.databasePath(data))
                return try loader.scoringInputs(year: year, unitSet: unitSet)
            }
            let read = try FileScoringInputs.read(inputFiles, year: year, reference: reference, unitSet: unitSet, decimal: decimal)
            console.showDiagnostics(read.diagnostics.filter { $0.severity != .note }, files: read.files)
            guard let inputs = read.inputs else { throw ExitCode.failure }
            return inputs
        }
    }
}

/// Finds a region by Vietnamese or English name, with or without diacritics, or by id.
enum RegionMatching {
    static func region(named text: String, in unitSet: UnitSet, console: Console) throws -> Region {
        let key = TextFolding.fold(text)
        if let found = unitSet.regions.first(where: {
            TextFolding.fold($0.nameVI) == key || TextFolding.fold($0.nameEN) == key || $0.id == text
        }) {
            return found
        }
        let names = unitSet.regions.map(\.nameEN)
        // The nearest region by either of its names, suggested as each language writes it.
        var byFolded: [String: Region] = [:]
        for region in unitSet.regions {
            byFolded[TextFolding.fold(region.nameEN)] = region
            byFolded[TextFolding.fold(region.nameVI)] = region
        }
        let hint = Suggestions.sentence(for: key, among: byFolded.keys.sorted()) { folded in
            byFolded[folded].map { Wording.name(en: $0.nameEN, vi: $0.nameVI) } ?? Wording.same(folded)
        }
        throw console.invalidOption(
            Messages.Commands.regionMustBeOneOf(
                names: Wording.name(en: names.joined(separator: "; "), vi: unitSet.regions.map(\.nameVI).joined(separator: "; ")), text: text,
                hint: hint))
    }
}

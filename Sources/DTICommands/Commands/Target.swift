import ArgumentParser
import DTICore
import DTIReport
import DTIWorkflow

extension DTICommand {
    /// `dti target PROVINCE --year Y --rank N`: the fewest points to reach rank N, and where.
    struct Target: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "target",
                    abstract: Messages.Help.targetAbstract.helpText,
                    discussion: Messages.Help.targetDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var analysis: AnalysisOptions

        @Argument(help: ArgumentHelp(Messages.Help.provinceArgument.helpText, valueName: Messages.HelpValue.province.helpText))
        var province: String

        @Option(help: ArgumentHelp(Messages.Help.targetRank.helpText, valueName: Messages.HelpValue.n.helpText))
        var rank: Int

        @Option(help: ArgumentHelp(Messages.Help.targetOnly.helpText, valueName: Messages.HelpValue.ids.helpText))
        var only: String?

        @Option(
            help: ArgumentHelp(
                Messages.Help.targetCap.helpText,
                valueName: Messages.HelpValue.cap.helpText))
        var cap: String = "best"

        @Flag(help: ArgumentHelp(Messages.Help.targetTie.helpText))
        var tie = false

        @OptionGroup var unitOptions: UnitSetOptions

        func validate() throws {
            if rank < 1 { throw optionError(Messages.Commands.rankMustBeAtLeast(rank: rank)) }
            _ = try Self.cap(cap)
        }

        /// `best`, `none`, `0.9` or `90%`.
        static func cap(_ text: String) throws -> RankTarget.Cap {
            switch text.trimmingWhitespace().lowercased() {
            case "best": return .best
            case "none": return .none
            default:
                let trimmed = text.trimmingWhitespace()
                let isPercent = trimmed.hasSuffix("%")
                guard let number = Double(isPercent ? String(trimmed.dropLast()) : trimmed), number.isFinite else {
                    throw optionError(Messages.Commands.capTakesBestNoneOr(text: text))
                }
                let value = isPercent ? number / 100 : number
                guard value > 0, value <= 1 else {
                    throw optionError(Messages.Commands.capMustBeAbove0(text: text))
                }
                return .value(value)
            }
        }

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let loader = try ResultLoader(reference: reference, databasePath: console.databasePath(data))
            let year = analysis.year
            let own = try loader.ownEdition(year: year, unitSet: reference.chosenUnitSet)
            let result = own.result
            let unit = try UnitNames.units([province], in: result.unitSet, registry: reference.registry, notes: console.notes)[0]
            let partIDs = result.catalogue.mergeLevel.filter { $0.points > 0 }.map(\.id)
            var allowed: Set<String>?
            if let only {
                var ids: [String] = []
                for given in only.split(separator: ",").map({ String($0).trimmingWhitespace() }) {
                    // An id or a name ("An toàn thông tin mạng") names the indicator.
                    guard let entry = result.catalogue.entry(named: given), partIDs.contains(entry.id) else {
                        let hint = Suggestions.sentence(for: given, among: partIDs)
                        throw console.invalidOption(
                            Messages.Commands.onlyTakesMainIndicators(year: year, ids: partIDs.joined(separator: ", "), given: given, hint: hint))
                    }
                    ids.append(entry.id)
                }
                allowed = Set(ids)
            }
            let target: RankTarget
            let capRule = try Self.cap(cap)
            do {
                target = try RankTarget(unitCode: unit.code, rank: rank, in: result, parts: allowed, cap: capRule, allowingTie: tie)
            } catch .rankOutOfRange(_, let count) {
                throw console.invalidOption(
                    Messages.Commands.rankMustBeBetween1(count: count, year: year, rank: rank))
            } catch .notRanked(let name) {
                throw WorkflowError.notRanked(name: name, year: year)
            }
            var check: WhatIf?
            if !target.plan.isEmpty {
                let values = target.plan.map { step in
                    Observation(
                        unitSetID: own.edition.unitSet, year: year, unitCode: unit.code, indicatorID: step.node.id, value: step.value,
                        provenance: Provenance(file: "target", line: 0))
                }
                check = try WhatIf(
                    unit: unit, observations: own.observations, replacements: values, edition: own.edition, catalogue: own.catalogue,
                    registry: reference.registry)
            }
            let view = TargetView(target, check: check, notices: result.notices, year: year, language: console.language)
            AnalysisOutput.print(view.document, json: view.json, format: analysis.format, on: console)
        }
    }
}

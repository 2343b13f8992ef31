import ArgumentParser
import DTICore
import DTIReport

extension DTICommand {
    /// `dti target PROVINCE --year Y --rank N`: the fewest points to reach rank N, and where.
    struct Target: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The fewest points that would lift a province to rank N, spread over the indicators where it leaves the most.",
            discussion: """
                Ranks are shared at 4 decimals, so rank N is reached by equalling the unit now N-th. With every \
                indicator open, any rank can be reached at full points; --only limits the plan to indicators a \
                province can act on, and then a rank may be out of reach. The plan is checked by scoring the \
                edition again with its values.
                """)

        @OptionGroup var data: DataOptions
        @OptionGroup var analysis: AnalysisOptions

        @Argument(help: ArgumentHelp("Province name or code.", valueName: "province"))
        var province: String

        @Option(help: ArgumentHelp("The rank to reach (1 is the best).", valueName: "n"))
        var rank: Int

        @Option(help: ArgumentHelp("Plan only with these main indicators, comma-separated (default: all).", valueName: "ids"))
        var only: String?

        func validate() throws {
            if rank < 1 { throw ValidationError("'--rank' must be at least 1, got \(rank).") }
        }

        func run() throws {
            let reference = try ReferenceData(options: data)
            let loader = try ResultLoader(reference: reference, databasePath: Paths.database(option: data.databasePath))
            let year = analysis.year
            let (result, observations) = try loader.result(year: year)
            let unit = try ResultLoader.units([province], in: result.unitSet, registry: reference.registry)[0]
            let partIDs = result.catalogue.mergeLevel.filter { $0.points > 0 }.map(\.id)
            var allowed: Set<String>?
            if let only {
                let ids = only.split(separator: ",").map { String($0).trimmingWhitespace() }
                for id in ids where !partIDs.contains(id) {
                    let hint = EditDistance.closest(to: id, among: partIDs).first.map { " Did you mean '\($0)'?" } ?? ""
                    throw invalidOption("'--only' takes the main indicators of \(year): \(partIDs.joined(separator: ", ")); got '\(id)'.\(hint)")
                }
                allowed = Set(ids)
            }
            let target: RankTarget
            do {
                target = try RankTarget(unitCode: unit.code, rank: rank, in: result, parts: allowed)
            } catch .rankOutOfRange(_, let count) {
                throw invalidOption("'--rank' must be between 1 and \(count), the units ranked in \(year); got \(rank).")
            } catch .notRanked(let name) {
                throw CLIError.notRanked(name: name, year: year)
            }
            var check: WhatIf?
            if !target.plan.isEmpty {
                let (edition, catalogue) = try reference.edition(year)
                let values = target.plan.map { step in
                    Observation(
                        year: year, unitCode: unit.code, indicatorID: step.node.id, value: step.value,
                        provenance: Provenance(file: "target", line: 0))
                }
                check = try WhatIf(
                    unit: unit, observations: observations, replacements: values, edition: edition, catalogue: catalogue,
                    registry: reference.registry)
            }
            let view = TargetView(target, check: check, notices: result.notices, year: year, language: analysis.language)
            AnalysisOutput.print(view.document, json: view.json, format: analysis.format)
        }
    }
}

import ArgumentParser
import DTICore
import DTIReport
import DTIStorage

extension DTICommand {
    /// `dti history PROVINCE --year Y`: what was stored for a unit, and what replaced what.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a province's stored values for an edition, with every replaced value and its file.")

        @OptionGroup var data: DataOptions
        @OptionGroup var unitOptions: UnitSetOptions

        /// The province.
        @Argument(help: ArgumentHelp("Province name (any spelling, with or without diacritics) or code.", valueName: "province"))
        var province: String

        /// The edition.
        @Option(parsing: .unconditional, help: "The edition (year evaluated).")
        var year: Int

        /// Only this entry.
        @Option(help: ArgumentHelp("Show only this indicator id.", valueName: "id"))
        var indicator: String?

        func run() throws {
            let reference = try ReferenceData(options: data)
            let chosen = try reference.unitSet(unitOptions)
            let (edition, catalogue) = try reference.edition(year, unitSet: chosen)
            guard let unitSet = try chosen ?? reference.unitSet(id: edition.unitSet) else {
                throw invalidOption("no unit set for \(year)")
            }
            let unit = try ResultLoader.units([province], in: unitSet, registry: reference.registry)[0]
            let databasePath = Paths.database(option: data.databasePath)
            let store = try Paths.existingStore(at: databasePath, editions: reference.editions)
            let entries = try store.history(unitCode: unit.code, year: year, unitSetID: unitSet.dataSetID).filter {
                indicator == nil || $0.indicatorID == indicator
            }
            guard !entries.isEmpty else {
                print("No stored values for \(unit.name) (\(unit.code)) in \(year) in \(databasePath).")
                return
            }
            print("\(unit.name) (\(unit.code)), \(year), framework \(catalogue.framework): \(databasePath)\n")
            var table = TextTable(
                headers: ["Indicator", "Value", "File:line", "SHA-256", "Imported", "Replaced"],
                alignments: [.left, .right, .left, .left, .left, .left])
            for entry in entries {
                table.rows.append([
                    entry.indicatorID, String(entry.value),
                    "\(SourceLocation(file: entry.file, line: entry.line, column: entry.sheet == nil ? nil : entry.column, sheet: entry.sheet))",
                    String((entry.sha256 ?? "–").prefix(12)),
                    entry.importedAt,
                    entry.replacedAt.map { "\($0) by \(entry.replacedBy ?? "?")" } ?? "current",
                ])
            }
            print(table.render())
        }
    }
}

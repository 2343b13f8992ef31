import ArgumentParser
import DTICore

/// Where reference data and the history database are.
struct DataOptions: ParsableArguments {
    /// The folder holding editions.csv, the catalogues and units/.
    @Option(
        name: .customLong("indicators"),
        help: ArgumentHelp(
            Messages.Help.dataOptionsIndicatorsPath.helpText,
            valueName: Messages.HelpValue.dir.helpText))
    var indicatorsPath: String?

    /// A catalogue file to use instead of the edition's own.
    @Option(
        name: .customLong("catalogue"),
        help: ArgumentHelp(Messages.Help.dataOptionsCataloguePath.helpText, valueName: Messages.HelpValue.path.helpText))
    var cataloguePath: String?

    /// The SQLite history.
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            Messages.Help.dataOptionsDatabasePath.helpText,
            valueName: Messages.HelpValue.path.helpText))
    var databasePath: String?

    /// An empty path is a mistake (an unset variable in a script), never a request for a
    /// temporary database or the current folder.
    func validate() throws {
        for (name, value) in [("--db", databasePath), ("--indicators", indicatorsPath), ("--catalogue", cataloguePath)] where value?.isEmpty == true {
            throw optionError(Messages.Commands.needsPathGotEmptyOne(name: name))
        }
    }
}

/// Which units: `--units 63|34|communes|FILE`, narrowed with `--parent`.
struct UnitSetOptions: ParsableArguments {
    /// The set, as the user wrote it.
    @Option(
        help: ArgumentHelp(
            Messages.Help.unitSetOptionsUnits.helpText,
            valueName: Messages.HelpValue.set.helpText))
    var units: String?

    /// One province's units only.
    @Option(
        help: ArgumentHelp(
            Messages.Help.unitSetOptionsParent.helpText,
            valueName: Messages.HelpValue.province.helpText))
    var parent: String?

    func validate() throws {
        if units?.isEmpty == true {
            throw optionError(Messages.Commands.unitsNeeds6334Communes)
        }
        if parent != nil, units == nil || units == "63" || units == "34" {
            throw optionError(Messages.Commands.parentNarrowsSetOfCommunes)
        }
    }

    /// Whether the provinces (63 or 34) are chosen, or nothing is (the edition's own, provinces).
    var isProvinces: Bool { units == nil || units == "63" || units == "34" }
}

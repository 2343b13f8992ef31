import ArgumentParser
import DTICore

/// Where reference data and the history database are.
struct DataOptions: ParsableArguments {
    /// The folder holding editions.csv, the catalogues and units/.
    @Option(
        name: .customLong("indicators"),
        help: ArgumentHelp(
            "An Indicators folder (editions.csv, catalogues, units/) to use instead of the data built into dti (default: $DTI_INDICATORS, else built in).",
            valueName: "dir"))
    var indicatorsPath: String?

    /// A catalogue file to use instead of the edition's own.
    @Option(
        name: .customLong("catalogue"),
        help: ArgumentHelp("A catalogue file to use instead of the one the edition names.", valueName: "path"))
    var cataloguePath: String?

    /// The SQLite history.
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The history database (default: $DTI_DB, else $XDG_DATA_HOME/dti/history.sqlite or ~/.local/share/dti/history.sqlite).",
            valueName: "path"))
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
            "The units: 63 (provinces before 1 July 2025), 34 (from then; earlier editions are merged), communes (the 3,321 of 1 July 2025), or a unit file (CSV code,name,parent). Default: the edition's own.",
            valueName: "set"))
    var units: String?

    /// One province's units only.
    @Option(
        help: ArgumentHelp(
            "Only the units of this province (code or name), e.g. --units communes --parent 24 for Bắc Ninh's communes.",
            valueName: "province"))
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

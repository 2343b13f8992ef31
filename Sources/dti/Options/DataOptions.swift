import ArgumentParser

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
            throw ValidationError("'\(name)' needs a path, got an empty one.")
        }
    }
}

/// How many units to rank in.
enum UnitsOption: String, ExpressibleByArgument, CaseIterable {
    /// The 63 provinces before 1 July 2025.
    case sixtyThree = "63"
    /// The 34 units from 1 July 2025.
    case thirtyFour = "34"

    var unitSetID: String { self == .sixtyThree ? "vn63" : "vn34" }
}

import ArgumentParser
import DTICore
import DTIReport

extension DTICommand {
    /// `dti provinces`: the unit registry.
    struct Provinces: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the provinces: codes, names, regions, and how the 34 units were formed.")

        @OptionGroup var data: DataOptions

        /// The unit set.
        @Option(help: "The 63 provinces before 1 July 2025, or the 34 units after.")
        var units: UnitsOption = .sixtyThree

        func run() throws {
            let reference = try ReferenceData(options: data)
            guard let set = reference.registry.unitSet(units.unitSetID) else { throw ExitCode.failure }
            let isMerged = set.predecessorID != nil
            let previous = set.predecessorID.flatMap(reference.registry.unitSet)
            var table = TextTable(
                headers: ["Code", "Name", "English", isMerged ? "Formed from" : "Region"],
                alignments: [.left, .left, .left, .left])
            for unit in set.units {
                let last: String
                if isMerged {
                    last = unit.memberCodes.map { code in "\(previous?.unit(code: code)?.name ?? code) (\(code))" }.joined(separator: " + ")
                } else {
                    last = unit.regionID.flatMap(set.region(id:)).map(\.nameVI) ?? ""
                }
                table.rows.append([unit.code, unit.name, unit.nameEN, last])
            }
            print(set.label)
            print(table.render())
        }
    }
}

import ArgumentParser
import DTICore
import DTIReport
import DTIWorkflow

extension DTICommand {
    /// `dti catalogue`: a framework's indicators.
    struct Catalogue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a framework's index, pillars and indicators with their points.",
            discussion: "Also checks the catalogue files: a faulty catalogue is reported with its file and line.")

        @OptionGroup var data: DataOptions
        @OptionGroup var languageOption: LanguageOption

        /// The edition whose framework to show.
        @Option(parsing: .unconditional, help: "Show the framework of this edition (default: the latest).")
        var year: Int?

        func run() throws {
            let reference = try ReferenceData(options: data)
            guard let latest = reference.editions.editions.last?.year else { throw ExitCode.failure }
            let (edition, catalogue) = try reference.edition(year ?? latest)
            let usedBy = reference.editions.editions.filter { $0.framework == catalogue.framework }.map { String($0.year) }
            print("\(catalogue.title)")
            print("indicators: \(try reference.files.summary())")
            print(
                "framework \(catalogue.framework) · decision \(catalogue.decision) · editions \(usedBy.joined(separator: ", ")) · units \(edition.unitSet)"
            )
            if catalogue.isProvisional { print("! PROVISIONAL: \(catalogue.provisionalNote ?? "assumed points")") }
            print("")
            var table = TextTable(
                headers: ["Id", "Kind", "Points", "Counts in", "Tên (vi)", "Name (en)"],
                alignments: [.left, .left, .right, .left, .left, .left])
            for node in catalogue.nodes {
                let points = node.points == node.points.rounded() ? String(Int(node.points)) : String(node.points)
                table.rows.append([node.id, node.kind.rawValue, points, node.countsIn.joined(separator: ", "), node.nameVI, node.nameEN])
            }
            print(table.render())
        }
    }
}

import ArgumentParser
import DTICore
import DTIReport
import DTIWorkflow
import Foundation

extension DTICommand {
    /// `dti catalogue`: a framework's indicators.
    struct Catalogue: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalogue",
            abstract: "Show a framework's index, pillars and indicators with their points.",
            discussion: "Also checks the catalogue files: a faulty catalogue is reported with its file and line.")

        @OptionGroup var data: DataOptions
        @OptionGroup var languageOption: LanguageOption

        /// The edition whose framework to show.
        @Option(parsing: .unconditional, help: "Show the framework of this edition (default: the latest).")
        var year: Int?

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, console: console)
            guard let latest = reference.editions.editions.last?.year else { throw ExitCode.failure }
            let (edition, catalogue) = try reference.edition(year ?? latest)
            let usedBy = reference.editions.editions.filter { $0.framework == catalogue.framework }.map { String($0.year) }
            let vi = console.language == .vi
            let summary = try reference.files.summary()
            console.print(catalogue.title)
            if vi {
                console.print("dữ liệu chỉ số: \(summary.replacingOccurrences(of: "built-in (data", with: "tích hợp sẵn (dữ liệu"))")
                console.print(
                    "bộ chỉ số \(catalogue.framework) · quyết định \(catalogue.decision) · các kỳ \(usedBy.joined(separator: ", ")) · tập đơn vị \(edition.unitSet)"
                )
                if catalogue.isProvisional {
                    console.print(
                        TextWrapping.wrapProse(
                            "! TẠM TÍNH: \(catalogue.provisionalNoteVI ?? catalogue.provisionalNote ?? "điểm giả định")", width: console.width
                        ))
                }
            } else {
                console.print("indicators: \(summary)")
                console.print(
                    "framework \(catalogue.framework) · decision \(catalogue.decision) · editions \(usedBy.joined(separator: ", ")) · units \(edition.unitSet)"
                )
                if catalogue.isProvisional {
                    console.print(TextWrapping.wrapProse("! PROVISIONAL: \(catalogue.provisionalNote ?? "assumed points")", width: console.width))
                }
            }
            console.print("")
            let kindsVI = ["index": "chỉ số tổng hợp", "pillar": "trụ cột", "indicator": "chỉ số chính", "component": "thành phần"]
            var table = TextTable(
                headers: vi
                    ? ["Mã", "Loại", "Điểm", "Tính vào", "Tên (vi)", "Tên (en)"] : ["Id", "Kind", "Points", "Counts in", "Tên (vi)", "Name (en)"],
                alignments: [.left, .left, .right, .left, .left, .left])
            for node in catalogue.nodes {
                let points = node.points == node.points.rounded() ? String(Int(node.points)) : String(node.points)
                let kind = vi ? kindsVI[node.kind.rawValue] ?? node.kind.rawValue : node.kind.rawValue
                table.rows.append([node.id, kind, points, node.countsIn.joined(separator: ", "), node.nameVI, node.nameEN])
            }
            console.print(table.render())
        }
    }
}

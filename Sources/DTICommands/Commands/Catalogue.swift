import ArgumentParser
import DTICore
import DTIReport
import DTIWorkflow
import Foundation

extension DTICommand {
    /// `dti catalogue`: a framework's indicators.
    struct Catalogue: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "catalogue",
                    abstract: Messages.Help.catalogueAbstract.helpText,
                    discussion: Messages.Help.catalogueDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var languageOption: LanguageOption

        /// The edition whose framework to show.
        @Option(parsing: .unconditional, help: ArgumentHelp(Messages.Help.catalogueYear.helpText, valueName: Messages.HelpValue.year.helpText))
        var year: Int?

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, console: console)
            guard let latest = reference.editions.editions.last?.year else { throw ExitCode.failure }
            let (edition, catalogue) = try reference.edition(year ?? latest)
            let usedBy = reference.editions.editions.filter { $0.framework == catalogue.framework }.map { String($0.year) }
            let language = console.language
            let summary = try reference.files.summary()
            console.print(catalogue.title)
            console.print(Messages.Commands.indicatorData(summary: summary).text(language))
            console.print(
                Messages.Commands.frameworkLine(
                    framework: catalogue.framework, decision: catalogue.decision, editions: usedBy.joined(separator: ", "),
                    unitSet: reference.registry.unitSet(edition.unitSet)?.labelWording ?? Wording.same(edition.unitSet)
                ).text(language))
            if catalogue.isProvisional {
                let note =
                    catalogue.provisionalNote.map { language.text(en: $0, vi: catalogue.provisionalNoteVI) }
                    ?? Messages.Commands.assumedPoints.text(language)
                console.print(TextWrapping.wrapProse(Messages.Commands.provisionalLine(note: note).text(language), width: console.width))
            }
            console.print("")
            let kinds: [CatalogueNode.Kind: Wording] = [
                .index: Messages.Commands.kindIndex, .pillar: Messages.Commands.kindPillar, .indicator: Messages.Commands.kindIndicator,
                .component: Messages.Commands.kindComponent,
            ]
            var table = TextTable(
                headers: language.headings(Messages.Commands.catalogueHeaders), alignments: [.left, .left, .right, .left, .left, .left])
            for node in catalogue.nodes {
                let points = node.points == node.points.rounded() ? String(Int(node.points)) : String(node.points)
                let kind = kinds[node.kind]?.text(language) ?? node.kind.rawValue
                table.rows.append([node.id, kind, points, node.countsIn.joined(separator: ", "), node.nameVI, node.nameEN])
            }
            console.print(table.render())
        }
    }
}

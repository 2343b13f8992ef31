import ArgumentParser
import DTICore
import DTIIngest
import DTIReport
import DTIWorkflow

extension DTICommand {
    /// `dti provinces`: the unit registry.
    struct Provinces: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "provinces",
                    abstract: Messages.Help.provincesAbstract.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var languageOption: LanguageOption

        @OptionGroup var unitOptions: UnitSetOptions

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let set = try reference.chosenUnitSet ?? reference.requiredUnitSet(id: UnitRegistryLoader.provinces63)
            let isMerged = set.predecessorID != nil
            let previous = set.predecessorID.flatMap(reference.registry.unitSet)
            let parents = set.parentSetID.flatMap(reference.registry.unitSet)
            var table = TextTable(
                headers: console.language.headings(
                    isMerged
                        ? Messages.Commands.provincesHeadersMerged
                        : parents != nil ? Messages.Commands.provincesHeadersParents : Messages.Commands.provincesHeaders),
                alignments: [.left, .left, .left, .left])
            for unit in set.units {
                let last: String
                if let parents {
                    last = unit.parentCode.map { code in "\(parents.unit(code: code)?.name ?? code) (\(code))" } ?? ""
                } else if isMerged {
                    last = unit.memberCodes.map { code in "\(previous?.unit(code: code)?.name ?? code) (\(code))" }.joined(separator: " + ")
                } else {
                    last = unit.regionID.flatMap(set.region(id:)).map(\.nameVI) ?? ""
                }
                table.rows.append([unit.code, unit.name, unit.nameEN, last])
            }
            console.print(set.labelWording.text(console.language))
            console.print(table.render())
        }
    }
}

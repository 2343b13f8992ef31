import ArgumentParser
import DTIReport
import Testing

@testable import DTICommands

struct CommandParsingTests {
    @Test func rankParsesItsOptions() throws {
        let command = try DTICommand.parseAsRoot(["rank", "--year", "2022", "--by", "awareness", "--units", "34", "--top", "5", "--format", "json"])
        let rank = try #require(command as? DTICommand.Rank)
        #expect(try rank.years == [2022])
        #expect(rank.by == "awareness")
        #expect(rank.unitOptions.units == "34")
        #expect(rank.top == 5)
        #expect(rank.format == .json)
    }

    @Test(arguments: [
        (["rank", "--year", "1990"], "'--year' must be between 2000 and 2100, got 1990."),
        (["rank", "--year", "2022", "--top", "0"], "'--top' must be at least 1, got 0."),
        (["rank", "--year", "2024-2020"], "'--year' range '2024-2020' runs backwards: write the earlier year first (2020-2024)."),
        (["rank", "--year", "20x4"], "'--year' must be a year (2024), a range (2020-2024) or a list (2020,2022), got '20x4'."),
        (["rank", "--year", "2020,2101"], "'--year' must be between 2000 and 2100, got 2101."),
        (
            ["rank", "--year", "2020-2024", "--format", "csv"],
            "'--year' names 5 years and --format csv writes a file for each: give '--out FOLDER' (it gets rank-2020.csv, …)."
        ),
        (
            ["rank", "--year", "2020,2022", "--format", "csv", "--out", "ranks.csv"],
            "with several years '--out' names a folder, which gets a file for each year; 'ranks.csv' looks like a file: give a folder such as 'ranks/'."
        ),
        (
            ["rank", "--year", "2023-2024", "--input", "SampleData/dti-2023.csv"],
            "'--input' ranks one year at a time: rank each year, or import the files ('dti import FILE…') and rank 2 years from the database."
        ),
        (
            ["rank", "--year", "2024", "--units", "34", "--region", "Tây Nguyên"],
            "'--region' works with '--units 63' only: no official region assignment of the 34 units exists."
        ),
    ])
    func invalidCombinationsAreRejectedWithTheRule(arguments: [String], message: String) {
        do {
            _ = try DTICommand.parseAsRoot(arguments)
            Issue.record("expected a validation error")
        } catch {
            #expect(DTICommand.message(for: error) == message)
            #expect(DTICommand.exitCode(for: error) == .validationFailure)
        }
    }

    /// A command without a `commandName` costs every start a scan of the binary's conformances.
    @Test func everyCommandNamesItself() {
        var commands: [any ParsableCommand.Type] = [DTICommand.self]
        var index = 0
        while index < commands.count {
            commands += commands[index].configuration.subcommands
            index += 1
        }
        #expect(commands.count > 10)
        for command in commands { #expect(command.configuration.commandName != nil, "\(command)") }
    }

    @Test func anUnknownFormatListsTheChoices() {
        do {
            _ = try DTICommand.parseAsRoot(["rank", "--year", "2022", "--format", "pdf"])
            Issue.record("expected '--format pdf' to be refused")
        } catch {
            #expect(
                DTICommand.message(for: error)
                    == "The value 'pdf' is invalid for '--format <format>'. Please provide one of 'table', 'csv', 'json', 'markdown' or 'xlsx'.")
            #expect(DTICommand.exitCode(for: error) == .validationFailure)
        }
    }
}

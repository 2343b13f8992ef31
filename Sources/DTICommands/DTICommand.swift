import ArgumentParser
import DTICore
import DTIWorkflow
import Foundation

/// `dti`: computes, ranks and reports Vietnam's provincial Digital Transformation Index.
public struct DTICommand: ParsableCommand {
    /// The release version; `Scripts/release.sh` names the archive after it.
    static let version = "0.1.0"

    // Every command names itself: without `commandName`, ArgumentParser derives the name with
    // `String(describing:)`, which on Linux scans every protocol conformance in the binary, for
    // each command, at every start (a third of `dti rank`'s 17 ms for the 63 provinces).
    public static var configuration: CommandConfiguration {
        ConfigurationCache.configuration(of: Self.self) {
            CommandConfiguration(
                commandName: "dti",
                abstract: Messages.Help.dtiAbstract.helpText,
                discussion: Messages.Help.dtiDiscussion.helpText,
                version: "\(version) (built-in indicators: data \(BuiltInIndicators.fingerprint.prefix(12)))",
                subcommands: [
                    Import.self, Validate.self, Rank.self, Report.self, Compare.self, Show.self, Explain.self, WhatIfCommand.self, Target.self,
                    History.self,
                    Sensitivity.self, Audit.self, Provinces.self, Catalogue.self, Template.self, Backup.self,
                ]
            )
        }
    }

    public init() {}

    /// Runs `dti` with `arguments` (without the program's name) on `console` and returns the exit
    /// status: what the binary does, in process. ArgumentParser's own entry point would print with
    /// `print` and leave with `exit`; here every word goes to the console and the status is returned,
    /// so a test runs a command as a user would and several run at once.
    public static func execute(_ arguments: [String], on console: Console) -> Int32 {
        do {
            // ArgumentParser's `validate()` takes no arguments: its refusals find the language here.
            var command = try ParseLanguage.$current.withValue(console.language) { try parseAsRoot(arguments) }
            if let command = command as? any ConsoleCommand {
                try command.run(on: console)
            } else {
                try command.run()  // the root alone: its help
            }
            return ExitCode.success.rawValue
        } catch let error as WorkflowError {
            // The library's errors that are the command line's to shape: an option value as a
            // usage error (64), located problems of a file as diagnostics.
            switch error {
            case let .invalidOption(message):
                return console.invalidOption(message).rawValue
            case let .invalidInput(diagnostics, files):
                console.showDiagnostics(diagnostics, files: files)
                return ExitCode.failure.rawValue
            default:
                console.error(userMessage(for: error, language: console.language) + "\n")
                return exitCode(for: error).rawValue
            }
        } catch {
            let code = exitCode(for: error)
            // DTI_MAN_ASCII: Scripts/release.sh's Vietnamese man page (the manual plugin keeps ASCII only).
            let message = userMessage(
                for: error, language: console.language, width: console.width, asciiDump: console.environment["DTI_MAN_ASCII"] == "1")
            if code == .success {
                if !message.isEmpty { console.print(message) }
            } else if !message.isEmpty {
                console.error(message + "\n")
            }
            return code.rawValue
        }
    }

    /// ArgumentParser's message for `error`, in `language`: an error that can say itself in
    /// every language does, the parser's own sentences come from the catalogue, and "Error:" is
    /// the language's word.
    static func userMessage(for error: any Error, language: Language, width: Int? = nil, asciiDump: Bool = false) -> String {
        guard language != .en else { return fullMessage(for: error) }
        // The help is built here, from the commands' configuration and options, which read the
        // language; translated, it is wrapped again to the same width.
        let columns = width ?? 80
        let full = ParseLanguage.$current.withValue(language) { fullMessage(for: error, columns: columns) }
        // --experimental-dump-help's JSON (the man page's source) is translated, never wrapped.
        if full.hasPrefix("{") {
            let dump = ParserMessages.translated(full, into: language)
            return asciiDump ? ParserMessages.asciiEscaped(dump) : dump
        }
        guard full.hasPrefix("Error: ") else { return ParserMessages.translatedHelp(full, into: language, width: columns) }
        let word = Messages.Commands.error.text(language) + ": "
        if let worded = error as? any WordedError { return word + worded.wording.text(language) }
        return word + ParserMessages.translated(String(full.dropFirst("Error: ".count)), into: language)
    }
}

/// A command that says everything through the `Console` it is given.
protocol ConsoleCommand: ParsableCommand {
    func run(on console: Console) throws
}

extension ConsoleCommand {
    /// ArgumentParser's entry, for a command run on its own: the process's console.
    func run() throws { try run(on: .standard()) }
}

import ArgumentParser
import DTICore
import DTIWorkflow
import Foundation

/// `dti`: computes, ranks and reports Vietnam's provincial Digital Transformation Index.
@main
struct DTICommand: AsyncParsableCommand {
    /// The release version; `Scripts/release.sh` names the archive after it.
    static let version = "0.1.0"

    // Every command names itself: without `commandName`, ArgumentParser derives the name with
    // `String(describing:)`, which on Linux scans every protocol conformance in the binary, for
    // each command, at every start (a third of `dti rank`'s 17 ms for the 63 provinces).
    static let configuration = CommandConfiguration(
        commandName: "dti",
        abstract: "Compute and rank Vietnam's provincial Digital Transformation Index (DTI).",
        discussion: """
            Import indicator values with 'dti import', then rank an edition with 'dti rank --year YEAR'. \
            Frameworks, editions and units are data, built into dti from the project's Indicators folder; \
            --indicators DIR or $DTI_INDICATORS uses a folder instead ('dti catalogue' says which is in use).
            """,
        version: "\(version) (built-in indicators: data \(BuiltInIndicators.fingerprint.prefix(12)))",
        subcommands: [
            Import.self, Validate.self, Rank.self, Report.self, Compare.self, Show.self, Explain.self, WhatIfCommand.self, Target.self, History.self,
            Sensitivity.self, Audit.self, Provinces.self, Catalogue.self, Template.self, Backup.self,
        ]
    )

    /// ArgumentParser's own entry point, except that messages on standard error go through
    /// `StandardError`, which escapes control characters: an error quoting a file name such as
    /// `$'\e[2J.csv'` must not clear the user's screen.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as WorkflowError {
            // The library's errors that are the command line's to shape: an option value as a
            // usage error (64), located problems of a file as diagnostics.
            switch error {
            case let .invalidOption(message):
                Foundation.exit(invalidOption(message).rawValue)
            case let .invalidInput(diagnostics, files):
                DiagnosticPrinter.print(diagnostics, files: files)
                Foundation.exit(ExitCode.failure.rawValue)
            default:
                StandardError.write(userMessage(for: error) + "\n")
                Foundation.exit(exitCode(for: error).rawValue)
            }
        } catch {
            let code = exitCode(for: error)
            let message = userMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                StandardError.write(message + "\n")
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// ArgumentParser's message for `error`, in the user's language: an error that can say itself
    /// in Vietnamese does, and "Error:" becomes "Lỗi:".
    static func userMessage(for error: any Error) -> String {
        let full = fullMessage(for: error)
        guard CommandLanguage.current == .vi, full.hasPrefix("Error: ") else { return full }
        if let worded = error as? any WordedError { return "Lỗi: " + worded.wording.vietnamese }
        return "Lỗi: " + ParserMessages.vietnamese(String(full.dropFirst("Error: ".count)))
    }
}

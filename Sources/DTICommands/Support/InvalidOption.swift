import ArgumentParser
import DTIAnalysis
import DTICore
import DTIWorkflow

extension Console {
    /// For option values that can only be checked against loaded data (an indicator id, a region):
    /// prints the rule like a parse-time `ValidationError` and gives exit status 64, without the
    /// root command's usage line that ArgumentParser would print for an error thrown from `run()`.
    func invalidOption(_ message: String) -> ExitCode {
        error("\(errorWord): \(message)\n")
        return .validationFailure
    }

    /// The same for a rule said in both languages.
    func invalidOption(_ message: Wording) -> ExitCode {
        invalidOption(message.text(language))
    }

    /// "Error: cannot analyse 2024: …", for an analysis an edition cannot take (too few units,
    /// nothing to vary).
    func analysisFailure(verb: Wording, year: Int, error: any Error) -> String {
        let reason = (error as? IndexMatrix.Failure).map { $0.wording.text(language) } ?? "\(error)"
        return "\(errorWord): \(verb.text(language)) \(year): \(reason)\n"
    }

    /// The database the options name, else `$DTI_DB`, else the XDG data folder.
    func databasePath(_ options: DataOptions) -> String {
        Paths.database(option: options.databasePath, environment: environment)
    }
}

extension ReferenceData {
    /// The reference data the options name, with the unit set `units` chooses; notes go to `console`.
    init(options: DataOptions, units: UnitSetOptions? = nil, console: Console) throws {
        try self.init(
            indicatorsPath: options.indicatorsPath, cataloguePath: options.cataloguePath, units: units?.units, parent: units?.parent,
            environment: console.environment, notes: console.notes)
    }
}

/// A usage error (exit 64) said in the language of the run being parsed: for `validate()`, and
/// for the option readers it calls, which `run` calls again only once they have passed.
/// The same for a catalogue message, in the language of the run being parsed.
func optionError(_ message: Wording) -> ValidationError {
    ValidationError(message.text(ParseLanguage.current))
}

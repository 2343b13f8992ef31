import ArgumentParser
import DTIAnalysis
import DTICore
import DTIWorkflow

/// For option values that can only be checked against loaded data (an indicator id, a region):
/// prints the rule like a parse-time `ValidationError` and gives exit status 64, without the
/// root command's usage line that ArgumentParser would print for an error thrown from `run()`.
func invalidOption(_ message: String) -> ExitCode {
    StandardError.write("\(CommandLanguage.current == .vi ? "Lỗi" : "Error"): \(message)\n")
    return .validationFailure
}

/// The same for a rule said in both languages.
func invalidOption(_ message: Wording) -> ExitCode {
    invalidOption(message.text(CommandLanguage.current))
}

extension NoteSink {
    /// Notes on standard error, one line each, as `note: …`.
    static let standardError = NoteSink { note in
        let language = CommandLanguage.current
        StandardError.write("\(Diagnostic.Severity.note.word(language)): \(note.text(language))\n")
    }
}

extension ReferenceData {
    /// The reference data the options name, with the unit set `units` chooses.
    init(options: DataOptions, units: UnitSetOptions? = nil) throws {
        try self.init(
            indicatorsPath: options.indicatorsPath, cataloguePath: options.cataloguePath, units: units?.units, parent: units?.parent,
            notes: .standardError)
    }
}

/// A usage error (exit 64) said in the language of this run.
func optionError(_ english: String, vi vietnamese: String) -> ValidationError {
    ValidationError(CommandLanguage.current == .vi ? vietnamese : english)
}

/// "Error: cannot analyse 2024: …" in the language of this run, for an analysis an edition cannot
/// take (too few units, nothing to vary).
enum AnalysisFailure {
    static func message(verb: Wording, year: Int, error: any Error) -> String {
        let language = CommandLanguage.current
        let reason = (error as? IndexMatrix.Failure).map { language == .vi ? $0.vietnamese : $0.description } ?? "\(error)"
        return "\(language == .vi ? "Lỗi" : "Error"): \(verb.text(language)) \(year): \(reason)\n"
    }
}

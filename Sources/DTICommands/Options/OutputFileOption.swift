import ArgumentParser
import DTICore
import DTIFiles
import Foundation

/// `--out FILE` and `--force`: where a command's result goes instead of standard output (required
/// for a workbook, which is not text), and whether it may replace a file dti did not write.
struct OutputFileOption: ParsableArguments {
    @Option(name: .customLong("out"), help: ArgumentHelp(Messages.Help.outputFileOptionPath.helpText, valueName: Messages.HelpValue.file.helpText))
    var path: String?

    @Flag(
        help:
            ArgumentHelp(Messages.Help.outputFileOptionForce.helpText))
    var force = false

    /// Refuses a binary format without a file, and an empty path.
    func validate(binary: Bool) throws {
        if let path, path.isEmpty { throw optionError(Messages.Commands.outNeedsFileName) }
        if binary, path == nil {
            throw optionError(Messages.Commands.xlsxWorkbookIsNotText)
        }
        if force, path == nil {
            throw optionError(Messages.Commands.forceLetsOutReplaceFile)
        }
    }

    /// The checked target, or `nil` for standard output: refused before any work when it must not
    /// be replaced (`database` is the history database in use).
    func target(database: String) throws -> OutputFile? {
        try path.map { try OutputFile(path: $0, database: database, rule: .writtenByDTI(force: force)) }
    }

    /// Writes `text` to `target`, or prints it when there is none.
    static func emit(_ text: String, to target: OutputFile?, console: Console) throws {
        guard let target else {
            console.print(text, terminator: "")
            return
        }
        try target.write(Data(text.utf8))
    }
}

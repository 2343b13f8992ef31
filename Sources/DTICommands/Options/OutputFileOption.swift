import ArgumentParser
import DTICore
import DTIFiles
import Foundation

/// `--out FILE` and `--force`: where a command's result goes instead of standard output (required
/// for a workbook, which is not text), and whether it may replace a file dti did not write.
struct OutputFileOption: ParsableArguments {
    @Option(name: .customLong("out"), help: ArgumentHelp("Write the result to this file instead of standard output.", valueName: "file"))
    var path: String?

    @Flag(
        help:
            "Let --out replace an existing file that dti did not write, or an SQLite database (never the history database in use).")
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

import ArgumentParser
import Foundation

/// `--out FILE`: where a command's result goes instead of standard output; required for a
/// workbook, which is not text.
struct OutputFileOption: ParsableArguments {
    @Option(name: .customLong("out"), help: ArgumentHelp("Write the result to this file instead of standard output.", valueName: "file"))
    var path: String?

    /// Refuses a binary format without a file, and an empty path.
    func validate(binary: Bool) throws {
        if let path, path.isEmpty { throw ValidationError("'--out' needs a file name.") }
        if binary, path == nil { throw ValidationError("an .xlsx workbook is not text: give '--out FILE.xlsx'.") }
    }

    /// Prints `text`, or writes it to the file.
    func emit(_ text: String) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: path))
    }
}

import Foundation
import Testing

/// Every error type of dti's libraries says itself in every language (it is a `WordedError`), or
/// is listed here with where it is turned into one that does: an error that reached the command
/// line's top level without it would print English after "Lỗi:". A source check, so a new error
/// type is caught when it is written, not when a user first meets it.
struct WordedErrorTests {
    /// Error types that never reach the top level, and what they become.
    static let convertedBeforeTheTopLevel: [String: String] = [
        "TextDecoding.Failure": "carries a diagnostic; the readers report it",
        "CSVTable.SyntaxError": "its Wording message becomes a diagnostic or IngestError.malformedTable",
        "ObservationBuilder.ValueProblem": "a diagnostic of the value's cell",
        "NumberReading.ValueProblem": "a diagnostic of the value's cell",
        "RankTarget.Failure": "typed throws, caught in Target.swift",
        "ChangeExplanation.Failure": "WorkflowError.cannotExplain",
        "ValueBlock.BlockError": "StorageError.damagedBlock",
        "WorkbookWriter.Refusal": "WorkflowError.workbookTooLarge, its reason translated by the catalogue's xlsxWrite messages",
        "XLSXError": "WordedError in DTIIngest (XLSXError+Wording.swift): XLSX knows nothing of dti's languages",
    ]

    @Test func everyErrorTypeSaysItselfInEveryLanguage() throws {
        let sources = URL(fileURLWithPath: "Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var declared: [String] = []
        var worded: Set<String> = []
        let declaration = try Regex(
            #"(?m)^\s*(?:public |internal |private |fileprivate )?(?:indirect )?(?:final )?(?:enum|struct|class) (\w+)[^{\n]*:[^{\n]*\bError\b[^{\n]*\{"#
        )
        let extensionRegex = try Regex(#"extension ([\w.]+)\s*:[^{\n]*\bWordedError\b"#)
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: declaration) {
                let name = String(match.output[1].substring ?? "")
                let line = text[match.range]
                let outer = Self.enclosingType(of: match.range.lowerBound, in: text)
                let full = outer.map { "\($0).\(name)" } ?? name
                declared.append(full)
                if line.contains("WordedError") { worded.insert(full) }
            }
            for match in text.matches(of: extensionRegex) { worded.insert(String(match.output[1].substring ?? "")) }
        }
        #expect(declared.count > 15)
        let missing = declared.filter { !worded.contains($0) && Self.convertedBeforeTheTopLevel[$0] == nil }
        #expect(missing.isEmpty, "error types without WordedError: \(missing.sorted())")
    }

    /// The type a nested declaration at `index` is inside: the last top-level type or extension before it.
    static func enclosingType(of index: String.Index, in text: String) -> String? {
        let before = text[..<index]
        guard let lineStart = before.lastIndex(of: "\n"), text[text.index(after: lineStart)...].hasPrefix("    ") else { return nil }
        let outer = try? Regex(#"(?m)^(?:public |internal )?(?:enum|struct|class|extension|final class) (\w+)"#)
        return outer.flatMap { before.matches(of: $0).last.map { String($0.output[1].substring ?? "") } }
    }
}

import DTICore
import DTIReport
import DTIWorkflow
import Foundation

/// Prints what `explain`, `whatif` and `target` found in the format asked for.
enum AnalysisOutput {
    static func print(_ document: AnalysisDocument, json: JSONValue, format: RankingFormat) {
        switch format {
        case .table: Swift.print(document.terminal(width: TerminalWidth.current), terminator: "")
        case .markdown: Swift.print(document.markdown(), terminator: "")
        case .csv:
            // The file is data from its first line; what it must say goes beside it.
            for line in document.csvPreamble { NoteSink.standardError(.same(line)) }
            Swift.print(document.csv(), terminator: "")
        case .json: Swift.print(json.serialized())
        }
    }
}

extension ReportLanguage {
    /// Vietnamese when the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, first set wins) is Vietnamese,
    /// else English: what a terminal user reads.
    static var fromEnvironment: ReportLanguage {
        let environment = ProcessInfo.processInfo.environment
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("vi") ? .vi : .en
    }
}

import DTICore
import DTIReport
import DTIWorkflow

/// Prints what `explain`, `whatif`, `target`, `sensitivity` and `audit` found in the format asked for.
enum AnalysisOutput {
    static func print(_ document: AnalysisDocument, json: JSONValue, format: RankingFormat, on console: Console) {
        switch format {
        case .table: console.print(document.terminal(width: console.width), terminator: "")
        case .markdown: console.print(document.markdown(), terminator: "")
        case .csv:
            // The file is data from its first line; what it must say goes beside it.
            for line in document.csvPreamble { console.notes(.same(line)) }
            console.print(document.csv(), terminator: "")
        case .json: console.print(json.serialized())
        }
    }
}

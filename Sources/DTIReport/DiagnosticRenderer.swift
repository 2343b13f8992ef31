import DTICore

/// Renders validation diagnostics for people (`text`), programs (`json`) and GitHub Actions
/// (`github`: `::error file=…,line=…,col=…::…` workflow commands, shown inline on pull requests).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github

    /// All diagnostics and a summary of `fileCount` files.
    /// All diagnostics and a summary of `fileCount` files; `text` in `language`, the machine
    /// formats (`json`, `github`) in English, with each diagnostic's key in `json`.
    public func render(_ diagnostics: [Diagnostic], fileCount: Int, language: Language = .en) -> String {
        let errors = diagnostics.count(.error)
        let warnings = diagnostics.count(.warning)
        let summary = Messages.Core.diagnosticSummary(
            errors: errors == 1 ? Messages.Core.errorsOne : Messages.Core.errors(count: errors),
            warnings: warnings == 1 ? Messages.Core.warningsOne : Messages.Core.warnings(count: warnings),
            files: fileCount == 1 ? Messages.Core.inFilesOne : Messages.Core.inFiles(count: fileCount))
        switch self {
        case .text:
            let summaryText = summary.text(language)
            // One line per diagnostic, whatever a file name, sheet name or cell holds.
            return diagnostics.map { TerminalEscaping.escapedLine($0.description(in: language)) + "\n" }.joined() + summaryText + "\n"
        case .json:
            let items: [JSONValue] = diagnostics.map { diagnostic in
                var pairs: [(String, JSONValue)] = []
                pairs.append(("file", diagnostic.location.map { .string($0.file) } ?? .null))
                pairs.append(("line", diagnostic.location?.line.map(JSONValue.integer) ?? .null))
                pairs.append(("column", diagnostic.location?.column.map(JSONValue.integer) ?? .null))
                // In a workbook `line` is the row; the sheet and the cell's name say where it is.
                if let location = diagnostic.location, let sheet = location.sheet {
                    pairs.append(("sheet", .string(sheet)))
                    if let row = location.line, let column = location.column {
                        pairs.append(("cell", .string(SourceLocation.columnLetters(column) + String(row))))
                    }
                }
                pairs.append(("severity", .string(diagnostic.severity.rawValue)))
                pairs.append(("key", .string(diagnostic.key)))
                pairs.append(("message", .string(diagnostic.message)))
                pairs.append(("hint", diagnostic.hint.map(JSONValue.string) ?? .null))
                return .object(pairs)
            }
            return JSONValue.object([
                ("files", .integer(fileCount)), ("errors", .integer(errors)), ("warnings", .integer(warnings)),
                ("diagnostics", .array(items)),
            ]).serialized() + "\n"
        case .github:
            let lines = diagnostics.map { diagnostic -> String in
                let command =
                    switch diagnostic.severity {
                    case .error: "error"
                    case .warning: "warning"
                    case .note: "notice"
                    }
                var properties: [String] = []
                var place = ""
                if let location = diagnostic.location {
                    properties.append("file=" + Self.escapeProperty(location.file))
                    if location.sheet != nil {
                        // A workbook has no text lines to annotate: the cell goes into the message.
                        place = location.description.dropFirst(location.file.count + 1) + ": "
                    } else {
                        if let line = location.line { properties.append("line=\(line)") }
                        if let column = location.column { properties.append("col=\(column)") }
                    }
                }
                properties.append("title=dti validate")
                let message = place + diagnostic.message + (diagnostic.hint.map { "; " + $0 } ?? "")
                return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
            }
            return lines.joined() + summary.text(.en) + "\n"
        }
    }

    /// Workflow-command data escaping: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case "\r\n": result += "%0D%0A"
            default: result.append(character)
            }
        }
        return result
    }

    /// Property escaping adds `:` and `,`, which separate properties.
    static func escapeProperty(_ text: String) -> String {
        var result = ""
        for character in escapeData(text) {
            switch character {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.append(character)
            }
        }
        return result
    }
}

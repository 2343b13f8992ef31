import DTICore

/// The tables that `dti rank` and `dti compare` write as a workbook: the same content as their
/// CSV and terminal outputs, with headings in the report language and numbers as numbers.
public enum SpreadsheetTables {
    /// `dti rank`: one sheet, a row per unit in rank order: rank, code, name, the DTI, pillars and
    /// main indicators, their ranks, flags and data status.
    public static func ranking(_ view: RankingView, language: ReportLanguage) -> [ResultTable] {
        let words = language.terminal
        let catalogue = view.result.catalogue
        let entries = [catalogue.index] + catalogue.pillars + catalogue.indicators
        let header =
            [words.rank, words.code, words.unit] + entries.map { language.name(of: $0) }
            + entries.map { "\(words.rank): \(language.name(of: $0))" } + [words.flags, Messages.Report.dataStatus.text(language)]
        let rows: [[ResultTable.Cell]] = view.rows.map { row in
            var cells: [ResultTable.Cell] = [
                row.ranks[view.entry.id].map(ResultTable.Cell.integer) ?? .empty, .text(row.unit.code), .text(row.unit.name),
            ]
            cells += entries.map { entry in
                guard let value = row.values[entry.id], !row.isMissing(entry.id) else { return .empty }
                return .score(value)
            }
            cells += entries.map { row.ranks[$0.id].map(ResultTable.Cell.integer) ?? .empty }
            cells.append(.text(row.flags.map { language.shortForm(of: $0, catalogue: view.result.catalogue) }.joined(separator: "; ")))
            cells.append(.text(row.status?.rawValue ?? ""))
            return cells
        }
        let widths = [7.0, 7, 22] + entries.map { _ in 14.0 } + entries.map { _ in 12.0 } + [30, 12]
        return [
            ResultTable(
                name: Messages.Report.ranking(editionYear: view.result.edition.year).text(language),
                preamble: preamble(view.result, title: view.title(in: language), language: language), header: header, rows: rows,
                columnWidths: widths)
        ]
    }

    /// `dti compare`: values and ranks, entries down and units across, one sheet each.
    public static func comparison(_ result: EditionResult, rows: [ResultRow], language: ReportLanguage) -> [ResultTable] {
        let words = language.terminal
        let catalogue = result.catalogue
        let entries = [catalogue.index] + catalogue.pillars + catalogue.indicators.filter { $0.points > 0 }
        let header = [words.entry, Messages.Report.id.text(language)] + rows.map(\.unit.name)
        let values: [[ResultTable.Cell]] = entries.map { entry in
            [.text(language.name(of: entry)), .text(entry.id)]
                + rows.map { row in
                    guard let value = row.values[entry.id], !row.isMissing(entry.id) else { return .empty }
                    return .score(value)
                }
        }
        let ranks: [[ResultTable.Cell]] = entries.map { entry in
            [.text(language.name(of: entry)), .text(entry.id)] + rows.map { $0.ranks[entry.id].map(ResultTable.Cell.integer) ?? .empty }
        }
        let unitSet = language.label(of: result.unitSet)
        let title = "DTI \(result.edition.year) · \(unitSet) · \(words.framework) \(catalogue.framework)"
        let widths = [34.0, 18] + rows.map { _ in 16.0 }
        return [
            ResultTable(
                name: Messages.Report.values.text(language), preamble: preamble(result, title: title, language: language), header: header,
                rows: values, columnWidths: widths),
            ResultTable(
                name: Messages.Report.ranks.text(language), preamble: preamble(result, title: title, language: language), header: header,
                rows: ranks, columnWidths: widths),
        ]
    }

    /// The title, then every notice (sample data, provisional framework), each on its own line, so
    /// a sheet of synthetic values can never pass for official results.
    static func preamble(_ result: EditionResult, title: String, language: ReportLanguage) -> [String] {
        [title] + result.notices.map { "! " + language.terminalText(of: $0) }
    }
}

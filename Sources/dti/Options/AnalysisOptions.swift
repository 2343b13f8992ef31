import ArgumentParser
import DTIReport

/// The edition, output format and language shared by `explain`, `whatif` and `target`.
struct AnalysisOptions: ParsableArguments {
    @Option(help: "The edition (year evaluated).")
    var year: Int

    @Option(help: "Output format.")
    var format: RankingFormat = .table

    @Option(help: "Language of labels and numbers (vi: 0,8002; en: 0.8002). Default: vi when LANG or LC_ALL starts with vi, else en.")
    var lang: ReportLanguage?

    var language: ReportLanguage { lang ?? .fromEnvironment }

    func validate() throws {
        if !(2000...2100).contains(year) { throw ValidationError("'--year' must be between 2000 and 2100, got \(year).") }
    }
}

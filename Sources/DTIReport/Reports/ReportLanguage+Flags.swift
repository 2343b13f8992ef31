import DTICore

extension ReportLanguage {
    /// A flag's short form for a narrow table cell, in this language (`UnitFlag.shortWording`).
    public func shortForm(of flag: UnitFlag, catalogue: IndicatorCatalogue? = nil) -> String {
        flag.shortWording(catalogue: catalogue).text(self)
    }

    /// A flag's explanation in this language (the English one is `UnitFlag.message`, which JSON
    /// and CSV keep, so scripts see one stable text).
    public func message(of flag: UnitFlag, catalogue: IndicatorCatalogue? = nil) -> String {
        flag.wording(catalogue: catalogue).text(self)
    }
}

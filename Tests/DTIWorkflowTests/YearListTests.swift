import DTIWorkflow
import Testing

/// `--year` as a user writes it: one year, a range, a list, with spaces a hurried typist leaves.
struct YearListTests {
    @Test(arguments: [
        ("2024", [2024]), ("2020-2022", [2020, 2021, 2022]), ("2022,2020", [2020, 2022]), ("2021-2022,2020,2022", [2020, 2021, 2022]),
        (" 2020 - 2021 ", [2020, 2021]), ("2015-2024", Array(2015...2024)), ("2000,2100", [2000, 2100]),
    ])
    func yearsAreReadOnceAndInOrder(text: String, years: [Int]) throws {
        let list = try YearList(text)
        #expect(list.years == years)
        #expect(list.isSeveral == (years.count > 1))
    }

    @Test(arguments: ["", "2024,", "-2024", "2020--2024", "2020-2022-2024", "MMXXIV", "1999", "2101", "2024-2020", "2020-2101"])
    func anythingElseIsAnOptionError(text: String) {
        #expect(throws: WorkflowError.self) { try YearList(text) }
    }
}

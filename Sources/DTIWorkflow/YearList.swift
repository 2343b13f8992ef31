import DTICore

/// The editions a command is asked for: one year (`2024`), a range (`2020-2024`) or a list
/// (`2020,2022,2024`, ranges allowed in it), each year once and in order.
///
/// A year is the year evaluated (2022 for the results published in 2023), from 2000 to 2100.
public struct YearList: Sendable, Hashable {
    /// The years, ascending, each once.
    public let years: [Int]

    /// The earliest and latest years a command accepts.
    public static let accepted = 2000...2100

    /// Reads `text`; a word that is no year, a year out of range or a range written backwards is
    /// an option error that names it and shows how to write one.
    public init(_ text: String) throws(WorkflowError) {
        var years = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard (1...2).contains(bounds.count), let first = Int(bounds[0]), let last = Int(bounds[bounds.count - 1]) else {
                throw Self.unreadable(text)
            }
            for year in [first, last] where !Self.accepted.contains(year) {
                throw .invalidOption(
                    Messages.Workflow.yearMustBeBetween2000(year: year))
            }
            guard first <= last else {
                throw .invalidOption(
                    Messages.Workflow.yearRangeRunsBackwardsWrite(part: part, last: last, first: first))
            }
            years.formUnion(first...last)
        }
        self.years = years.sorted()
    }

    /// Whether more than one year was asked for.
    public var isSeveral: Bool { years.count > 1 }

    private static func unreadable(_ text: String) -> WorkflowError {
        .invalidOption(
            Messages.Workflow.yearMustBeYear2024(text: text))
    }
}

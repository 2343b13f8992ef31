/// A date as a workbook stores it: a count of days from the workbook's epoch, with the civil date
/// it stands for.
public struct SerialDate: Sendable, Hashable {
    /// The stored number (days, with a fraction for the time of day).
    public var serial: Double
    /// The civil date's year, month and day.
    public var year: Int
    public var month: Int
    public var day: Int

    /// The serials that are dates: 0 (the epoch) to 2,958,465 (31 December 9999), as in Excel. A
    /// number outside, in a cell styled as a date, is a number.
    public static let range: ClosedRange<Double> = 0...2_958_465.999

    /// The date that `serial` stands for in a workbook using the 1900 date system (or the 1904
    /// one when `uses1904` is true). The 1900 system counts a 29 February 1900 that never was
    /// (as Lotus 1-2-3 did), so serials from 61 on are one day ahead; serial 60 is read as 1 March.
    public init(serial: Double, uses1904: Bool) {
        self.serial = serial
        // Clamped, so that no serial can trap the conversion; callers take only `range` as dates.
        let whole = Int(Swift.min(Swift.max(serial, Self.range.lowerBound), Self.range.upperBound).rounded(.down))
        // Days since 1970-01-01.
        let days: Int
        if uses1904 {
            days = whole - 24_107
        } else {
            days = (whole >= 61 ? whole - 1 : whole) - 25_568
        }
        (year, month, day) = Self.civil(fromDays: days)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// `2024-03-05`.
    public var isoText: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

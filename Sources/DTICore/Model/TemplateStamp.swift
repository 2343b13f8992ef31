/// What a workbook written by `dti template` records of itself, on a hidden sheet: the edition
/// and the unit set it was made for. Read back, it makes a row of another year an error at its
/// cell (one row typed 2023 in a 2024 template once landed in 2023), and an import in the wrong
/// unit set an error naming the right `--units`.
public struct TemplateStamp: Sendable, Hashable {
    /// The hidden sheet's name.
    public static let sheetName = "dti-template"

    public var edition: Int
    public var unitSetID: String
    public var framework: String

    public init(edition: Int, unitSetID: String, framework: String) {
        self.edition = edition
        self.unitSetID = unitSetID
        self.framework = framework
    }

    /// The sheet's rows: a key and a value each.
    public var rows: [[String]] {
        [["dti-template", "1"], ["edition", String(edition)], ["unit_set", unitSetID], ["framework", framework]]
    }

    /// The stamp the rows of the sheet give, or `nil` when they are not one.
    public init?(rows: [[String]]) {
        var values: [String: String] = [:]
        for row in rows where row.count >= 2 { values[row[0]] = row[1] }
        guard values["dti-template"] == "1", let edition = values["edition"].flatMap({ Int($0) }), let unitSetID = values["unit_set"],
            !unitSetID.isEmpty
        else { return nil }
        self.init(edition: edition, unitSetID: unitSetID, framework: values["framework"] ?? "")
    }

    /// The `--units` that reads values of `unitSetID`: `63`, `34`, `communes`, or the unit file.
    public static func unitsOption(for unitSetID: String) -> String {
        switch unitSetID {
        case UnitSet.provinces63ID: "--units 63"
        case UnitSet.provinces34ID: "--units 34"
        case UnitSet.communesID: "--units communes"
        default: "--units \(unitSetID).csv (the unit file it was made from)"
        }
    }
}

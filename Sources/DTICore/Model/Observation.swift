/// How far a value can be trusted, as declared by whoever supplied it.
public enum DataStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Published by the ministry.
    case official
    /// Reported or estimated, not yet published.
    case provisional
    /// Made up for demonstration or testing; every output built on it says so.
    case synthetic
}

/// Where a value came from.
public struct Provenance: Sendable, Hashable, Codable {
    /// The file it was read from, as given by the user.
    public var file: String
    /// The 1-based line in that file.
    public var line: Int
    /// The 1-based column of the value's cell, when known.
    public var column: Int?
    /// The sheet, when read from a workbook (then `line` is the row).
    public var sheet: String?
    /// The SHA-256 of the file's bytes (lowercase hex), when read from a file.
    public var sha256: String?
    /// The optional `source` column: who published or reported the value.
    public var source: String?
    /// The optional `note` column.
    public var note: String?
    /// The optional `status` column.
    public var status: DataStatus?

    /// Creates a provenance record.
    public init(
        file: String, line: Int, column: Int? = nil, sha256: String? = nil, source: String? = nil, note: String? = nil,
        status: DataStatus? = nil, sheet: String? = nil
    ) {
        self.sheet = sheet
        self.file = file
        self.line = line
        self.column = column
        self.sha256 = sha256
        self.source = source
        self.note = note
        self.status = status
    }

    /// Where the value's cell is: `file:line:column`, or `file:Sheet!C12` in a workbook.
    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column, sheet: sheet) }

    /// Where the value is, as messages about another value point back at it: `file:line`, or the
    /// cell `file:Sheet!C12` in a workbook (a row alone would not find it).
    public var lineLocation: SourceLocation { SourceLocation(file: file, line: line, column: sheet == nil ? nil : column, sheet: sheet) }
}

/// One value for one unit, edition and catalogue entry: the boundary type between ingest, storage
/// and scoring.
public struct Observation: Sendable, Hashable, Codable {
    /// The unit set the unit code belongs to (`vn63`, `vn34`, `communes`, a unit file's id):
    /// codes repeat across sets (24 is Bắc Giang among the 63, Bắc Ninh among the 34).
    public var unitSetID: String
    /// The edition (year evaluated).
    public var year: Int
    /// The unit's official code within the edition's unit set, e.g. `48`.
    public var unitCode: String
    /// The catalogue entry, e.g. `awareness` or, for 2020, `government`.
    public var indicatorID: String
    /// The value in [0, 1] at full precision.
    public var value: Double
    /// Where it came from.
    public var provenance: Provenance

    /// Creates an observation; `unitSetID` defaults to the 63 provinces, the set of every edition
    /// up to 2024.
    public init(unitSetID: String = UnitSet.provinces63ID, year: Int, unitCode: String, indicatorID: String, value: Double, provenance: Provenance) {
        self.unitSetID = unitSetID
        self.year = year
        self.unitCode = unitCode
        self.indicatorID = indicatorID
        self.value = value
        self.provenance = provenance
    }

    /// The natural key: one value per unit set, edition, unit and entry.
    public var key: ObservationKey { ObservationKey(unitSetID: unitSetID, year: year, unitCode: unitCode, indicatorID: indicatorID) }
}

/// Unit set, edition, unit and entry: what makes an observation unique.
public struct ObservationKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The unit set.
    public var unitSetID: String
    /// The edition.
    public var year: Int
    /// The unit code.
    public var unitCode: String
    /// The catalogue entry.
    public var indicatorID: String

    /// Creates a key.
    public init(unitSetID: String = UnitSet.provinces63ID, year: Int, unitCode: String, indicatorID: String) {
        self.unitSetID = unitSetID
        self.year = year
        self.unitCode = unitCode
        self.indicatorID = indicatorID
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.unitSetID, lhs.year, lhs.unitCode, lhs.indicatorID) < (rhs.unitSetID, rhs.year, rhs.unitCode, rhs.indicatorID)
    }

    /// `2024/24/awareness`; a set other than the 63 provinces is named first (`communes:2025/07210/…`).
    public var description: String { (unitSetID == UnitSet.provinces63ID ? "" : "\(unitSetID):") + "\(year)/\(unitCode)/\(indicatorID)" }
}

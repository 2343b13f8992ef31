/// One edition's values in one unit set as columns, all that scoring reads: which unit, which
/// entry, the value and its status, without names repeated or provenance. The history hands an
/// edition over in this form, in key order; a file's values are put in it by `init(_:)`.
public struct EditionColumns: Sendable, Hashable {
    /// The units the values belong to, each once.
    public var unitCodes: [String]
    /// The entries (indicators, components) the values are for, each once.
    public var entryIDs: [String]
    /// For each value, its unit (an index into `unitCodes`).
    public var unit: [Int32]
    /// For each value, its entry (an index into `entryIDs`).
    public var entry: [Int32]
    /// The values, at full precision.
    public var value: [Double]
    /// For each value, its status, when the file gave one.
    public var status: [DataStatus?]

    /// Columns from parts already interned.
    public init(unitCodes: [String], entryIDs: [String], unit: [Int32], entry: [Int32], value: [Double], status: [DataStatus?]) {
        self.unitCodes = unitCodes
        self.entryIDs = entryIDs
        self.unit = unit
        self.entry = entry
        self.value = value
        self.status = status
    }

    /// The values of `observations`, in their order (one edition of one set, as scoring takes them).
    public init(_ observations: [Observation]) {
        var units: [String: Int32] = [:]
        var entries: [String: Int32] = [:]
        self.init(unitCodes: [], entryIDs: [], unit: [], entry: [], value: [], status: [])
        unit.reserveCapacity(observations.count)
        entry.reserveCapacity(observations.count)
        value.reserveCapacity(observations.count)
        status.reserveCapacity(observations.count)
        for observation in observations {
            let unitIndex =
                units[observation.unitCode]
                ?? {
                    unitCodes.append(observation.unitCode)
                    units[observation.unitCode] = Int32(unitCodes.count - 1)
                    return Int32(unitCodes.count - 1)
                }()
            let entryIndex =
                entries[observation.indicatorID]
                ?? {
                    entryIDs.append(observation.indicatorID)
                    entries[observation.indicatorID] = Int32(entryIDs.count - 1)
                    return Int32(entryIDs.count - 1)
                }()
            unit.append(unitIndex)
            entry.append(entryIndex)
            value.append(observation.value)
            status.append(observation.provenance.status)
        }
    }

    /// How many values there are.
    public var count: Int { value.count }

    /// The values as observations of `year` in `unitSetID`, with their status as their only
    /// provenance: for the analyses that take observations (imputation, what-if).
    public func observations(year: Int, unitSetID: String) -> [Observation] {
        (0..<count).map { index in
            Observation(
                unitSetID: unitSetID, year: year, unitCode: unitCodes[Int(unit[index])], indicatorID: entryIDs[Int(entry[index])],
                value: value[index], provenance: Provenance(file: "", line: 0, status: status[index]))
        }
    }
}

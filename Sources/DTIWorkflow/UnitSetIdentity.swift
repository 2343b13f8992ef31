import DTICore
import DTIStorage
import Foundation

/// A unit set's identity against the database: the units recorded when values were imported with
/// it, compared with the units read now. A unit file is known by its name, so another file of the
/// same name, or the same file edited, would otherwise relabel stored values without a word.
public enum UnitSetIdentity {
    /// The list to record for values keyed in the set `setID`: the whole set (not a narrowing to
    /// one province), with its source and the province list its parents were read against. For a
    /// unit file, the changes `accepting` (`--update-units`) and `continuing` (`--continues`)
    /// allow are checked again inside the write transaction.
    public static func record(for setID: String, reference: ReferenceData, accepting: Bool = false, continuing: Set<String> = [])
        throws -> UnitSetToRecord?
    {
        guard let set = reference.unitSet(id: setID) else { return nil }
        let file = reference.unitFilePaths[setID].map { URL(fileURLWithPath: $0).path }
        return UnitSetToRecord(
            id: setID, units: UnitRecord.of(set), source: file ?? "built-in data (\(set.label))", parentSet: set.parentSetID, file: file,
            accepting: accepting, continuing: continuing)
    }

    /// Compares the unit file behind `unitSet` (nothing for the built-in sets) with the units
    /// recorded for its stored values. Units only added: a note. Units removed, renamed or moved
    /// to another parent, or parents read against another province list: an error saying how to
    /// go on, unless `accepting` (`import --update-units`), when a note lists them. A retired
    /// unit's code given to a new unit is refused even then, unless `continuing` names it.
    /// Returns the change, if any.
    @discardableResult
    public static func verify(
        _ unitSet: UnitSet?, store: HistoryStore, reference: ReferenceData, accepting: Bool = false, continuing: Set<String> = []
    ) throws -> UnitSetChange? {
        guard let unitSet, let path = reference.unitFilePaths[unitSet.dataSetID],
            let whole = reference.unitSet(id: unitSet.dataSetID), let recorded = try store.recordedUnitSet(whole.id)
        else { return nil }
        let change = recorded.change(to: UnitRecord.of(whole), parentSet: whole.parentSetID)
        guard !change.isEmpty else { return nil }
        guard change.isAllowed(accepting: accepting, continuing: continuing) else {
            throw UnitSetRefusal(
                file: path, setID: whole.id, recordedFrom: recorded.source, recordedAt: recorded.recordedAt, change: change,
                continuing: continuing)
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let summary = change.summaryWording()
        reference.notes(
            accepting
                ? Messages.Workflow.differsFromRecordedUnitsAccepted(name: name, setID: whole.id, recordedAt: recorded.recordedAt, summary: summary)
                : Messages.Workflow.differsFromRecordedUnits(name: name, setID: whole.id, recordedAt: recorded.recordedAt, summary: summary))
        return change
    }

    /// The values among `values` (all keyed in the set `setID`) for units that set does not list,
    /// as a notice naming the first of them from the recorded lists; `nil` when there are none.
    public static func outsideNotice(_ values: EditionColumns, setID: String, store: HistoryStore, reference: ReferenceData) throws
        -> Notice?
    {
        guard values.count > 0, let set = reference.unitSet(id: setID) else { return nil }
        let outside = values.unitCodes.map { set.unit(code: $0) == nil }
        guard outside.contains(true) else { return nil }
        var counts: [String: Int] = [:]
        for unit in values.unit where outside[Int(unit)] { counts[values.unitCodes[Int(unit)], default: 0] += 1 }
        let recorded = try store.recordedUnitSet(setID)
        let names = Dictionary(((recorded?.units ?? []) + (recorded?.retired ?? [])).map { ($0.code, $0.name) }, uniquingKeysWith: { $1 })
        let codes = counts.keys.sorted()
        return .valuesOutsideUnitSet(
            values: counts.values.reduce(0, +), unitCount: codes.count,
            units: codes.prefix(5).map { code in names[code].map { "\(code) \($0)" } ?? code })
    }
}

/// A unit as a unit set's identity keeps it: code, name and parent. What a database records of
/// the set its values were imported with, and what a unit file is compared with later.
public struct UnitRecord: Sendable, Hashable {
    public var code: String
    public var name: String
    public var parent: String?

    public init(code: String, name: String, parent: String?) {
        self.code = code
        self.name = name
        self.parent = parent
    }

    /// The records of `unitSet`'s units, in code order.
    public static func of(_ unitSet: UnitSet) -> [UnitRecord] {
        unitSet.units.map { UnitRecord(code: $0.code, name: $0.name, parent: $0.parentCode) }
    }

    /// The SHA-256 of the records as `code TAB name TAB parent LF`, in code order: equal for two
    /// files that list the same units, whatever their order, spacing or extra columns.
    public static func fingerprint(_ records: [UnitRecord]) -> String {
        let text = records.sorted { $0.code < $1.code }.map { "\($0.code)\t\($0.name)\t\($0.parent ?? "")\n" }.joined()
        return SHA256.hex(Array(text.utf8))
    }
}

/// How a unit set read now differs from the one recorded with stored values: units added (the
/// set grew, values stay where they were), and units removed, renamed or moved to another parent
/// (values would be relabelled or lost from the ranking, so that needs the user's word). A code
/// the recorded list retired and the current one gives again is `reused`: the retired unit's
/// values would pass for the new unit's, so only the user's explicit word that the new unit
/// continues the old one lets it through. A change of the province list the parents were read
/// against (the 34 or the 63) moves every unit that has a parent, even where the code is the same.
public struct UnitSetChange: Sendable {
    public var added: [UnitRecord] = []
    public var removed: [UnitRecord] = []
    /// Same code, another name: (before, now).
    public var renamed: [(before: UnitRecord, now: UnitRecord)] = []
    /// Same code, another parent: (before, now).
    public var reparented: [(before: UnitRecord, now: UnitRecord)] = []
    /// A retired unit's code given to a unit now: (the retired unit, the unit now).
    public var reused: [(retired: UnitRecord, now: UnitRecord)] = []
    /// The province list the parents were read against, when it changed: (before, now).
    public var parentList: (before: String, now: String)?

    /// Compares the recorded units (and those the recorded list retired) with the units read now;
    /// `recordedParents` and `currentParents` are the ids of the province lists their parents were
    /// read against (`nil` when unknown: a record made before lists were recorded, or no parents).
    public init(
        recorded: [UnitRecord], retired: [UnitRecord] = [], current: [UnitRecord], recordedParents: String? = nil,
        currentParents: String? = nil
    ) {
        let before = Dictionary(recorded.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let gone = Dictionary(retired.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(current.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        if let recordedParents, let currentParents, recordedParents != currentParents {
            parentList = (recordedParents, currentParents)
        }
        for unit in current.sorted(by: { $0.code < $1.code }) {
            guard let old = before[unit.code] else {
                if let retiredUnit = gone[unit.code] { reused.append((retiredUnit, unit)) } else { added.append(unit) }
                continue
            }
            if old.name != unit.name { renamed.append((old, unit)) }
            if old.parent != unit.parent || (parentList != nil && unit.parent != nil) { reparented.append((old, unit)) }
        }
        removed = recorded.filter { now[$0.code] == nil }.sorted { $0.code < $1.code }
    }

    /// Nothing changed.
    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && renamed.isEmpty && reparented.isEmpty && reused.isEmpty && parentList == nil
    }

    /// Only units were added: every stored value keeps its unit and name.
    public var onlyAdds: Bool { removed.isEmpty && renamed.isEmpty && reparented.isEmpty && reused.isEmpty && parentList == nil }

    /// Whether the change may be recorded: only additions; or, with `accepting` (the user's
    /// `--update-units`), any change but a reused code that `continuing` does not name.
    public func isAllowed(accepting: Bool, continuing: Set<String> = []) -> Bool {
        if onlyAdds { return true }
        return accepting && reused.allSatisfy { continuing.contains($0.now.code) }
    }

    /// The reused codes that `continuing` does not name.
    public func reusedWithoutConsent(continuing: Set<String>) -> [(retired: UnitRecord, now: UnitRecord)] {
        reused.filter { !continuing.contains($0.now.code) }
    }

    /// The changes as one sentence: at most `limit` units named, then how many more.
    public func summary(limit: Int = 10) -> String { summaryWording(limit: limit).text(.en) }

    /// The changes as one sentence in both languages: at most `limit` units named, then how many more.
    public func summaryWording(limit: Int = 10) -> Wording {
        var items: [Wording] = []
        if let parentList {
            items.append(
                Messages.Core.parentsReadAmongRecordedAmong(listName: Self.listName(parentList.now), listName2: Self.listName(parentList.before)))
        }
        for (old, new) in reused {
            items.append(
                Messages.Core.reusesCodeOfRetiredUnit(newCode: new.code, newName: new.name, oldCode: old.code, oldName: old.name))
        }
        for unit in removed { items.append(Messages.Core.removed(unitCode: unit.code, unitName: unit.name)) }
        for (old, new) in renamed {
            items.append(
                Messages.Core.renamedFromTo(newCode: new.code, oldName: old.name, newName: new.name))
        }
        if parentList == nil {
            for (old, new) in reparented {
                items.append(
                    Messages.Core.movedFromParentTo(newCode: new.code, newName: new.name, parent: old.parent ?? "–", parent2: new.parent ?? "–"))
            }
        }
        for unit in added { items.append(Messages.Core.added(unitCode: unit.code, unitName: unit.name)) }
        let shown = items.prefix(limit)
        let more = items.count - shown.count
        let listed = shown.dropFirst().reduce(shown.first ?? Wording.same("")) { $0.appending("; ", $1) }
        return more > 0 ? Messages.Core.changesAndMore(changes: listed, count: more) : listed
    }

    /// "the 34 units of 1 July 2025" for `vn34`, "the 63 provinces" for `vn63`, else the id.
    static func listName(_ id: String) -> Wording {
        switch id {
        case UnitSet.provinces34ID: Messages.Core.n34ProvincesOf1July
        case UnitSet.provinces63ID: Messages.Core.n63ProvincesBefore1July
        default: Wording.same(id)
        }
    }
}

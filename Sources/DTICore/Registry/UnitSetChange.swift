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
/// (values would be relabelled or lost from the ranking, so that needs the user's word).
public struct UnitSetChange: Sendable {
    public var added: [UnitRecord] = []
    public var removed: [UnitRecord] = []
    /// Same code, another name: (before, now).
    public var renamed: [(before: UnitRecord, now: UnitRecord)] = []
    /// Same code, another parent: (before, now).
    public var reparented: [(before: UnitRecord, now: UnitRecord)] = []

    /// Compares the recorded units with the units read now.
    public init(recorded: [UnitRecord], current: [UnitRecord]) {
        let before = Dictionary(recorded.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(current.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for unit in current.sorted(by: { $0.code < $1.code }) {
            guard let old = before[unit.code] else {
                added.append(unit)
                continue
            }
            if old.name != unit.name { renamed.append((old, unit)) }
            if old.parent != unit.parent { reparented.append((old, unit)) }
        }
        removed = recorded.filter { now[$0.code] == nil }.sorted { $0.code < $1.code }
    }

    /// Nothing changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && renamed.isEmpty && reparented.isEmpty }

    /// Only units were added: every stored value keeps its unit and name.
    public var onlyAdds: Bool { removed.isEmpty && renamed.isEmpty && reparented.isEmpty }

    /// The changes as one sentence: at most `limit` units named, then how many more.
    public func summary(limit: Int = 10) -> String {
        var items: [String] = []
        for unit in removed { items.append("\(unit.code) \(unit.name) removed") }
        for (old, new) in renamed { items.append("\(new.code) renamed from '\(old.name)' to '\(new.name)'") }
        for (old, new) in reparented { items.append("\(new.code) \(new.name) moved from parent \(old.parent ?? "–") to \(new.parent ?? "–")") }
        for unit in added { items.append("\(unit.code) \(unit.name) added") }
        let shown = items.prefix(limit).joined(separator: "; ")
        return items.count > limit ? "\(shown); and \(items.count - limit) more" : shown
    }
}

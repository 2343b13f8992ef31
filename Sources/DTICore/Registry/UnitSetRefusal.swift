/// Why a unit list was not taken: it differs from the list recorded with stored values in a way
/// that would relabel them (units removed, renamed, moved, parents read against another province
/// list), or it gives a retired unit's code to a new unit. Made where the lists are compared:
/// before reading values, and again inside the import's write transaction, where the recorded
/// list cannot change under it.
public struct UnitSetRefusal: Error, Sendable, Hashable, CustomStringConvertible, WordedError {
    /// The unit file read now.
    public var file: String
    public var setID: String
    /// Where the recorded list came from, and when it was recorded.
    public var recordedFrom: String
    public var recordedAt: String
    /// The changes, as one sentence.
    public var changes: Wording
    /// Reused codes the user did not say continue their retired unit: (code, retired name, new name).
    public var reused: [ReusedCode]

    /// A retired unit's code given to another unit.
    public struct ReusedCode: Sendable, Hashable {
        public var code: String
        public var retiredName: String
        public var newName: String
    }

    /// The refusal of `change` (which `isAllowed` refused) for `file`.
    public init(file: String, setID: String, recordedFrom: String, recordedAt: String, change: UnitSetChange, continuing: Set<String>) {
        self.file = file
        self.setID = setID
        self.recordedFrom = recordedFrom
        self.recordedAt = recordedAt
        changes = change.summaryWording()
        reused = change.reusedWithoutConsent(continuing: continuing).map {
            ReusedCode(code: $0.now.code, retiredName: $0.retired.name, newName: $0.now.name)
        }
    }

    public var description: String { wording.text(.en) }

    public var wording: Wording {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        if !reused.isEmpty {
            let codes = reused.map(\.code).joined(separator: ",")
            let reusedCodes = reused.map { Messages.Core.codeReusedForNewUnit(code: $0.code, newName: $0.newName, retiredName: $0.retiredName) }
            let joined = reusedCodes.dropFirst().reduce(reusedCodes[0]) { Messages.Core.andThen(first: $0, second: $1) }
            return Messages.Core.retiredCodeReused(
                file: file, reused: joined, setID: setID, recordedFrom: recordedFrom, recordedAt: recordedAt, codes: codes)
        }
        return Messages.Core.notTheRecordedUnitList(
            file: file, setID: setID, recordedFrom: recordedFrom, recordedAt: recordedAt, changes: changes, name: name)
    }
}

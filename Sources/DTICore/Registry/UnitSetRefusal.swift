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

    public var description: String { wording.english }

    public var wording: Wording {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        if !reused.isEmpty {
            let codes = reused.map(\.code).joined(separator: ",")
            let english = reused.map { "'\($0.code)' to '\($0.newName)', but \($0.code) was '\($0.retiredName)', a unit retired from the set" }
            let vietnamese = reused.map {
                "'\($0.code)' cho '\($0.newName)', nhưng \($0.code) là mã của '\($0.retiredName)', đơn vị đã bị bỏ khỏi tập"
            }
            return Wording(
                "\(file) gives the code \(english.joined(separator: "; and ")) '\(setID)' (recorded from \(recordedFrom), \(recordedAt)). "
                    + "A retired unit's stored values stay its own, so nothing was done: give the new unit another code; "
                    + "if it really continues the retired one (the same place, renamed), say so with "
                    + "'dti import --units \(file) --update-units --continues \(codes)'",
                vi: "\(file) gán mã \(vietnamese.joined(separator: "; và ")) '\(setID)' (đã ghi từ \(recordedFrom), \(recordedAt)). "
                    + "Giá trị đã lưu của đơn vị đã bỏ vẫn là của nó, nên không làm gì: hãy đặt cho đơn vị mới một mã khác; "
                    + "nếu đơn vị mới thật sự kế tục đơn vị cũ (cùng địa bàn, đổi tên), hãy nói rõ bằng "
                    + "'dti import --units \(file) --update-units --continues \(codes)'")
        }
        return Wording(
            "\(file) is not the list of units recorded for the set '\(setID)' when its values were imported (from \(recordedFrom), \(recordedAt)): \(changes.english). "
                + "Stored values keep the units they were imported for, so nothing was done: if \(name) lists another set of units, give the file "
                + "another name (its name is the set's id); if the units really changed, record the new list with 'dti import --units \(file) --update-units'",
            vi:
                "\(file) không phải danh sách đơn vị đã ghi cho tập '\(setID)' khi nhập giá trị (từ \(recordedFrom), \(recordedAt)): \(changes.vietnamese). "
                + "Giá trị đã lưu giữ đơn vị lúc nhập, nên không làm gì: nếu tệp liệt kê một tập đơn vị khác, hãy đặt tên khác cho tệp "
                + "(tên tệp là mã của tập); nếu đơn vị thật sự thay đổi, hãy ghi danh sách mới bằng 'dti import --units \(file) --update-units'")
    }
}

import DTICore

/// Values read but not yet stored, with the ones given twice found as they come: in memory as
/// columns (`StagedValues`) up to `memoryLimit` values, and beyond it in a private temporary
/// SQLite database (`SQLiteStaging`), so memory stays bounded whatever the size of the files.
/// Either way it never touches the history, which an import opens only once every file has been
/// read without error.
public final class ObservationStaging {
    /// The most values held in memory, about 32 bytes each (plus 4 to 7 bytes of a table that
    /// finds repeats, built only when a unit's lines do not come together): 10 million (ten years
    /// of 10,000 units × 100 components) take about 320 MB.
    public static let defaultMemoryLimit = 10_000_000

    private let memoryLimit: Int
    private var memory: StagedValues? = StagedValues()
    private var database: SQLiteStaging?

    /// A value given a second time: the first one kept, and the repeat, which is not.
    public struct Repeat: Sendable {
        /// The value kept.
        public var first: Observation
        /// The value given again.
        public var again: Observation
    }

    /// An empty staging area that moves to a temporary database beyond `memoryLimit` values.
    public init(memoryLimit: Int = ObservationStaging.defaultMemoryLimit) throws(StorageError) {
        self.memoryLimit = memoryLimit
    }

    /// Makes room for about `count` values (a hint from the files' sizes), within the memory bound.
    public func reserve(_ count: Int) {
        memory?.reserve(min(count, memoryLimit))
    }

    /// The values, when they are held in memory: the import stores them from their columns.
    var memoryValues: StagedValues? { memory }

    /// Whether the values went beyond the memory bound to the temporary database.
    public var isOnDisk: Bool { database != nil }

    /// How many values are staged.
    public var count: Int { memory?.count ?? database?.count ?? 0 }
    /// The editions of the values staged.
    public var years: Set<Int> { memory?.years ?? database?.years ?? [] }
    /// The unit sets the staged values are keyed in.
    public var unitSetIDs: Set<String> { memory?.unitSetIDs ?? database?.unitSetIDs ?? [] }

    /// Stages `observations` (in file order); returns those whose edition, unit and entry were
    /// already staged, with the first, which stays.
    public func add(_ observations: [Observation]) throws(StorageError) -> [Repeat] {
        if let memory, memory.count + observations.count > memoryLimit { try spill(memory) }
        if let memory {
            return memory.add(observations).map { Repeat(first: memory.observation($0.first), again: $0.again) }
        }
        return try database?.add(observations) ?? []
    }

    /// Moves every value held in memory to the temporary database, in the order read.
    private func spill(_ memory: StagedValues) throws(StorageError) {
        let database = try SQLiteStaging()
        var start = 0
        while start < memory.count {
            let end = min(start + 10_000, memory.count)
            _ = try database.add((start..<end).map(memory.observation))
            start = end
        }
        self.database = database
        self.memory = nil
    }

    /// Hands every staged value to `body` in the order it was read, `batchSize` at a time.
    public func forEachBatch(size batchSize: Int = 10_000, _ body: ([Observation]) throws(StorageError) -> Void) throws(StorageError) {
        guard let memory else {
            try database?.forEachBatch(size: batchSize, body)
            return
        }
        var start = 0
        while start < memory.count {
            let end = min(start + batchSize, memory.count)
            try body((start..<end).map(memory.observation))
            start = end
        }
    }

    /// Hands the staged values to `body` one edition and unit at a time, in edition and unit
    /// order, each group in the order it was read: for checks across a unit's values.
    public func forEachUnitEdition(_ body: ([Observation]) throws -> Void) throws {
        guard let memory else {
            try database?.forEachUnitEdition(body)
            return
        }
        for group in memory.unitEditionOrder() { try body(group.map { memory.observation(Int($0)) }) }
    }

    /// How many values each file gives for each edition, with the first place of each: what a
    /// file spanning several editions is told about. In file order, then edition order.
    public func editionsByFile() throws(StorageError) -> [(file: String, year: Int, count: Int, first: Provenance)] {
        guard let memory else { return try database?.editionsByFile() ?? [] }
        return memory.editionsByFile()
    }

    /// The entries given, edition by edition.
    public func entriesByYear() throws(StorageError) -> [Int: Set<String>] {
        guard let memory else { return try database?.entriesByYear() ?? [:] }
        return memory.entriesByYear()
    }

    /// The units given at least one value for `year` in the set `unitSetID`.
    public func unitCodes(year: Int, unitSetID: String) throws(StorageError) -> Set<String> {
        guard let memory else { return try database?.unitCodes(year: year, unitSetID: unitSetID) ?? [] }
        return memory.unitCodes(year: year, unitSetID: unitSetID)
    }

    /// The file that gives the first value of `year` in `unitSetID`.
    public func firstFile(year: Int, unitSetID: String) throws(StorageError) -> String? {
        guard let memory else { return try database?.firstFile(year: year, unitSetID: unitSetID) }
        return memory.firstFile(year: year, unitSetID: unitSetID)
    }

    /// Every staged value, in the order read: for commands that need them all at once.
    public func all() throws(StorageError) -> [Observation] {
        var result: [Observation] = []
        try forEachBatch { batch throws(StorageError) in result += batch }
        return result
    }
}

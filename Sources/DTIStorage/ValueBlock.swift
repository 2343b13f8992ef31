import DTICore

/// The values one unit has in one edition, as the history stores them: one row of `storedBlock`
/// with two byte strings, so ranking reads a row per unit, not a row per value (a million rows
/// cost SQLite about 0.1 s to step through; ten thousand blocks, a hundredth of that).
///
/// - `values`: what scoring reads. A format byte, the count, the entry keys ascending (as
///   differences, unsigned LEB128), the numbers (IEEE 754 binary64, little-endian: every bit kept),
///   and the statuses (one byte for the block when they are all the same, else one per value).
/// - `provenance`: where each value came from, in the same order: the import batch, the line (as
///   the difference from the previous value's, zig-zag LEB128: the values of a unit are usually
///   on neighbouring lines, so a line takes a byte), the column + 1 and the `valueExtra` key + 1
///   (0: none).
///
/// Ten million values take about 13 bytes each, against 36 as a row each.
struct ValueBlock: Equatable {
    /// `entryKey` ids, ascending.
    var entryIDs: [Int64] = []
    var values: [Double] = []
    /// Status codes (`statusCode`; 0: none).
    var statuses: [UInt8] = []
    var batches: [Int64] = []
    var lines: [Int64] = []
    /// -1: no column.
    var columns: [Int64] = []
    /// `valueExtra` ids; -1: none.
    var extras: [Int64] = []

    var count: Int { entryIDs.count }

    /// One value with its provenance.
    struct Value: Equatable {
        var entryID: Int64
        var value: Double
        var status: UInt8
        var batch: Int64
        var line: Int64
        var column: Int64
        var extra: Int64
    }

    subscript(index: Int) -> Value {
        Value(
            entryID: entryIDs[index], value: values[index], status: statuses[index], batch: batches[index], line: lines[index],
            column: columns[index], extra: extras[index])
    }

    /// The position of `entryID`, or where it would go.
    func position(of entryID: Int64) -> (index: Int, found: Bool) {
        var low = 0
        var high = entryIDs.count
        while low < high {
            let middle = (low + high) / 2
            if entryIDs[middle] < entryID { low = middle + 1 } else { high = middle }
        }
        return (low, low < entryIDs.count && entryIDs[low] == entryID)
    }

    /// Puts `value` in its place, replacing a value with the same entry; returns the one replaced.
    @discardableResult
    mutating func set(_ value: Value) -> Value? {
        let (index, found) = position(of: value.entryID)
        let old = found ? self[index] : nil
        if found {
            values[index] = value.value
            statuses[index] = value.status
            batches[index] = value.batch
            lines[index] = value.line
            columns[index] = value.column
            extras[index] = value.extra
        } else {
            entryIDs.insert(value.entryID, at: index)
            values.insert(value.value, at: index)
            statuses.insert(value.status, at: index)
            batches.insert(value.batch, at: index)
            lines.insert(value.line, at: index)
            columns.insert(value.column, at: index)
            extras.insert(value.extra, at: index)
        }
        return old
    }

    /// Appends a value whose entry is greater than every entry held (a new block built in order).
    mutating func append(_ value: Value) {
        precondition(entryIDs.last.map { $0 < value.entryID } ?? true, "a block's entries ascend")
        entryIDs.append(value.entryID)
        values.append(value.value)
        statuses.append(value.status)
        batches.append(value.batch)
        lines.append(value.line)
        columns.append(value.column)
        extras.append(value.extra)
    }

    /// Takes out the value of `entryID`; returns it, or `nil` when the block has none.
    mutating func remove(entryID: Int64) -> Value? {
        let (index, found) = position(of: entryID)
        guard found else { return nil }
        let old = self[index]
        entryIDs.remove(at: index)
        values.remove(at: index)
        statuses.remove(at: index)
        batches.remove(at: index)
        lines.remove(at: index)
        columns.remove(at: index)
        extras.remove(at: index)
        return old
    }

    // MARK: - Bytes

    /// A status as a block stores it. These numbers are on disk: never renumber one.
    static func statusCode(_ status: DataStatus?) -> UInt8 {
        switch status {
        case nil: 0
        case .official: 1
        case .provisional: 2
        case .synthetic: 3
        }
    }

    /// The status a block's code stands for (`nil` for 0 and any code dti does not write).
    static func status(code: UInt8) -> DataStatus? {
        switch code {
        case 1: .official
        case 2: .provisional
        case 3: .synthetic
        default: nil
        }
    }

    static let format: UInt8 = 1
    static let sameStatus: UInt8 = 0
    static let statusEach: UInt8 = 1

    /// The `values` bytes.
    func valueBytes() -> [UInt8] {
        var bytes: [UInt8] = [Self.format]
        bytes.reserveCapacity(4 + count * 10)
        ByteWriter.unsigned(UInt64(count), to: &bytes)
        var previous: Int64 = 0
        for entryID in entryIDs {
            ByteWriter.unsigned(UInt64(entryID - previous), to: &bytes)
            previous = entryID
        }
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        if let first = statuses.first, statuses.allSatisfy({ $0 == first }) {
            bytes.append(Self.sameStatus)
            bytes.append(first)
        } else {
            bytes.append(Self.statusEach)
            bytes.append(contentsOf: statuses)
        }
        return bytes
    }

    /// The `provenance` bytes.
    func provenanceBytes() -> [UInt8] {
        var bytes: [UInt8] = [Self.format]
        bytes.reserveCapacity(1 + count * 4)
        var previousLine: Int64 = 0
        for index in 0..<count {
            ByteWriter.unsigned(UInt64(batches[index]), to: &bytes)
            ByteWriter.signed(lines[index] - previousLine, to: &bytes)
            previousLine = lines[index]
            ByteWriter.unsigned(UInt64(columns[index] + 1), to: &bytes)
            ByteWriter.unsigned(UInt64(extras[index] + 1), to: &bytes)
        }
        return bytes
    }

    /// Where the parts of a `values` byte string lie, checked: the count agrees with the bytes and
    /// nothing trails. Readers take the values in place from here.
    struct Layout {
        var count: Int
        /// The first byte of the entry keys (differences, LEB128).
        var entriesStart: Int
        /// The first byte of the numbers (`count` × 8 bytes, little-endian).
        var numbersStart: Int
        /// The status code of every value, when the block stores one for all.
        var sameStatus: UInt8?
        /// The first byte of the statuses, one a value, when `sameStatus` is nil.
        var statusesStart: Int

        init(_ bytes: UnsafeRawBufferPointer) throws(BlockError) {
            var reader = ByteReader(bytes)
            guard try reader.byte() == ValueBlock.format else { throw BlockError() }
            let rawCount = try reader.unsigned()
            guard rawCount <= UInt64(bytes.count) else { throw BlockError() }
            count = Int(rawCount)
            entriesStart = reader.offset
            // The entries are read twice, not kept in an array: here to find where the numbers
            // start, then beside the numbers (ten thousand blocks, ten thousand arrays less).
            for _ in 0..<count { _ = try reader.unsigned() }
            numbersStart = reader.offset
            try reader.skip(count * 8)
            let statusMode = try reader.byte()
            statusesStart = reader.offset
            guard statusMode == ValueBlock.sameStatus || statusMode == ValueBlock.statusEach else { throw BlockError() }
            sameStatus = statusMode == ValueBlock.sameStatus ? try reader.byte() : nil
            if sameStatus == nil { try reader.skip(count) }
            guard reader.offset == bytes.count else { throw BlockError() }
        }

        /// The number at `index`, every bit as written.
        func number(_ index: Int, in bytes: UnsafeRawBufferPointer) -> Double {
            Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: numbersStart + index * 8, as: UInt64.self)))
        }

        /// The status code at `index`.
        func status(_ index: Int, in bytes: UnsafeRawBufferPointer) -> UInt8 {
            sameStatus ?? bytes[statusesStart + index]
        }
    }

    /// Calls `body` with each value's entry key, number and status code, in entry order, reading
    /// the `values` bytes in place: what scoring needs, without building a block.
    static func forEachValue(
        in bytes: UnsafeRawBufferPointer, _ body: (_ entryID: Int64, _ value: Double, _ status: UInt8) -> Void
    ) throws(BlockError) {
        let layout = try Layout(bytes)
        var entries = ByteReader(bytes, at: layout.entriesStart)
        var entryID: Int64 = 0
        for index in 0..<layout.count {
            entryID &+= Int64(truncatingIfNeeded: try entries.unsigned())
            body(entryID, layout.number(index, in: bytes), layout.status(index, in: bytes))
        }
    }

    /// The block its two byte strings hold.
    init(values: UnsafeRawBufferPointer, provenance: UnsafeRawBufferPointer) throws(BlockError) {
        var entryIDs: [Int64] = []
        var numbers: [Double] = []
        var statuses: [UInt8] = []
        try Self.forEachValue(in: values) { entryID, value, status in
            entryIDs.append(entryID)
            numbers.append(value)
            statuses.append(status)
        }
        self.entryIDs = entryIDs
        self.values = numbers
        self.statuses = statuses
        var reader = ByteReader(provenance)
        guard try reader.byte() == Self.format else { throw BlockError() }
        batches.reserveCapacity(entryIDs.count)
        lines.reserveCapacity(entryIDs.count)
        columns.reserveCapacity(entryIDs.count)
        extras.reserveCapacity(entryIDs.count)
        var line: Int64 = 0
        for _ in 0..<entryIDs.count {
            // Wrapping arithmetic: damaged bytes make wrong numbers, never a trap.
            batches.append(Int64(truncatingIfNeeded: try reader.unsigned()))
            line &+= try reader.signed()
            lines.append(line)
            columns.append(Int64(truncatingIfNeeded: try reader.unsigned()) &- 1)
            extras.append(Int64(truncatingIfNeeded: try reader.unsigned()) &- 1)
        }
        guard reader.offset == provenance.count else { throw BlockError() }
    }

    init() {}

    /// A block whose bytes are not what dti writes: a damaged or foreign database.
    struct BlockError: Error {}
}

/// LEB128 writing: seven bits a byte, the high bit saying more follow.
enum ByteWriter {
    static func unsigned(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Zig-zag first, so small negative numbers take a byte too.
    static func signed(_ value: Int64, to bytes: inout [UInt8]) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
    }
}

/// Reads what `ByteWriter` wrote, refusing to run past the end.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    mutating func byte() throws(ValueBlock.BlockError) -> UInt8 {
        guard offset < bytes.count else { throw ValueBlock.BlockError() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws(ValueBlock.BlockError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw ValueBlock.BlockError() }
            result |= UInt64(next & 0x7f) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func signed() throws(ValueBlock.BlockError) -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func skip(_ count: Int) throws(ValueBlock.BlockError) {
        guard count >= 0, count <= bytes.count - offset else { throw ValueBlock.BlockError() }
        offset += count
    }
}

/// Where a data file's bytes come from, a chunk at a time, so that a file is read in bounded
/// memory. The command line gives a file; tests and fuzzing give an array. Ingest itself never
/// opens a file.
public protocol ByteSource {
    /// Appends up to `maximum` of the next bytes to `buffer`; returns how many (0 at the end).
    mutating func read(into buffer: inout [UInt8], maximum: Int) throws -> Int
    /// Goes back to the first byte: a CSV file is read twice, once to learn its header and decimal
    /// mark, once to take its values.
    mutating func rewind() throws
}

extension ByteSource {
    /// Every remaining byte: for the formats read whole (XML, workbooks, UTF-16 text), which have
    /// limits of their own.
    public mutating func readAll(chunk: Int = 1 << 20) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while try read(into: &bytes, maximum: chunk) > 0 {}
        return bytes
    }
}

/// Bytes already in memory.
public struct ByteArraySource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    /// A source over `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public mutating func read(into buffer: inout [UInt8], maximum: Int) -> Int {
        let count = min(maximum, bytes.count - position)
        buffer += bytes[position..<position + count]
        position += count
        return count
    }

    public mutating func rewind() {
        position = 0
    }
}

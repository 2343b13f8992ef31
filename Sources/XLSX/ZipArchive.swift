import CDeflate

/// A ZIP archive held in memory, read without trusting any number in it: every offset and size
/// is checked against the bytes there are, inflation stops at a cap and at the end of the entry's
/// data, and every entry's CRC-32 is checked.
///
/// Workbooks are read with this rather than with ZIPFoundation (which writes them): fuzzing found
/// that ZIPFoundation 0.9.20's reader traps on an entry pointing past the end of in-memory data,
/// and loops forever on a deflate stream that never ends (it keeps reading nothing at the end of
/// the file). Both are hostile-input failures a command-line tool cannot allow.
struct ZipArchive {
    /// One entry of the central directory.
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let entries: [Entry]

    /// Reads the central directory of `bytes`.
    init(bytes: [UInt8], maxEntries: Int) throws(XLSXError) {
        self.bytes = bytes
        guard let end = Self.endOfCentralDirectory(in: bytes) else { throw .damaged(detail: "its ZIP directory cannot be read") }
        let count = Int(Self.uint16(bytes, end + 10))
        let directorySize = Int(Self.uint32(bytes, end + 12))
        let directoryOffset = Int(Self.uint32(bytes, end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw .damaged(detail: "it is a ZIP64 archive, which no workbook of DTI data needs")
        }
        if count > maxEntries { throw .tooManyEntries(count: count, limit: maxEntries) }
        guard directoryOffset + directorySize <= end else { throw .damaged(detail: "its ZIP directory lies outside the file") }
        var entries: [Entry] = []
        var offset = directoryOffset
        for _ in 0..<count {
            guard offset + 46 <= end, Self.uint32(bytes, offset) == 0x0201_4B50 else {
                throw .damaged(detail: "its ZIP directory cannot be read")
            }
            let nameLength = Int(Self.uint16(bytes, offset + 28))
            let extraLength = Int(Self.uint16(bytes, offset + 30))
            let commentLength = Int(Self.uint16(bytes, offset + 32))
            guard offset + 46 + nameLength <= end else { throw .damaged(detail: "its ZIP directory cannot be read") }
            entries.append(
                Entry(
                    name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                    method: Self.uint16(bytes, offset + 10), flags: Self.uint16(bytes, offset + 8), crc32: Self.uint32(bytes, offset + 16),
                    compressedSize: Int(Self.uint32(bytes, offset + 20)), uncompressedSize: Int(Self.uint32(bytes, offset + 24)),
                    localHeaderOffset: Int(Self.uint32(bytes, offset + 42))))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The inflated bytes of `entry`, at most `cap` of them.
    func data(of entry: Entry, cap: Int) throws(XLSXError) -> [UInt8] {
        let name = entry.name
        if entry.flags & 1 != 0 { throw .damaged(detail: "'\(name)' is encrypted") }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, Self.uint32(bytes, header) == 0x0403_4B50 else {
            throw .damaged(detail: "'\(name)' points outside the file")
        }
        let start = header + 30 + Int(Self.uint16(bytes, header + 26)) + Int(Self.uint16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else {
            throw .damaged(detail: "'\(name)' claims \(entry.compressedSize) bytes, more than the file holds")
        }
        if entry.uncompressedSize > cap { throw .tooLarge(part: name, limit: cap) }
        let output: [UInt8]
        switch entry.method {
        case 0:
            output = Array(bytes[start..<(start + entry.compressedSize)])
        case 8:
            output = try RawInflate.inflate(bytes[start..<(start + entry.compressedSize)], cap: cap, name: name)
        default:
            throw .damaged(detail: "'\(name)' uses compression method \(entry.method), which workbooks do not use")
        }
        let checksum = output.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        guard checksum == entry.crc32 else { throw .damaged(detail: "the checksum of '\(name)' does not match its contents") }
        return output
    }

    /// The offset of the end-of-central-directory record, searched from the end (it may be
    /// followed by a comment of up to 65,535 bytes).
    private static func endOfCentralDirectory(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var offset = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while offset >= lowest {
            if uint32(bytes, offset) == 0x0605_4B50 { return offset }
            offset -= 1
        }
        return nil
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}

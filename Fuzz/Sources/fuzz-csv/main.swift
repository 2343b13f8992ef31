import FuzzSupport

/// Any bytes as a CSV data file, through the reader `dti import` uses; and the record reader
/// differentially: read in small chunks, a valid text's records (or syntax error) must be those of
/// one chunk.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzInput.readDataFile(start, count, named: "fuzz.csv")
    let bytes = FuzzInput.bytes(start, count)
    // Text that is not UTF-8 may be refused at a different record depending on where a chunk ends.
    guard case .success = TextDecoding.decode(bytes, file: "fuzz.csv") else { return 0 }
    let chunk = 4 + Int(bytes.first ?? 0) % 13
    let whole = records(bytes, chunkSize: 1 << 20)
    let pieces = records(bytes, chunkSize: chunk)
    if whole != pieces { fatalError("CSVRecordReader reads differently in chunks of \(chunk): \(pieces) instead of \(whole)") }
    return 0
}

/// The records of `bytes`, or the syntax error, as text to compare.
func records(_ bytes: [UInt8], chunkSize: Int) -> String {
    var reader = CSVRecordReader(CheckedTextSource(ByteArraySource(bytes), file: "fuzz.csv"), chunkSize: chunkSize)
    var result: [CSVRecord] = []
    do {
        while let record = try reader.next() { result.append(record) }
    } catch {
        return "\(result.count) records, then \(error)"
    }
    return "\(result)"
}

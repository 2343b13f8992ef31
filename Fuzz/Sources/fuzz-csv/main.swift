import FuzzSupport

/// Any bytes as a CSV data file, through the reader `dti import` uses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    guard !DataFileReader.isWorkbook(bytes, file: "fuzz.csv") else { return 0 }
    _ = DataFileReader.read(bytes, file: "fuzz.csv", context: FuzzInput.context)
    return 0
}

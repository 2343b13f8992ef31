import FuzzSupport

/// Any bytes as a CSV data file, through the reader `dti import` uses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzInput.readDataFile(start, count, named: "fuzz.csv")
    return 0
}

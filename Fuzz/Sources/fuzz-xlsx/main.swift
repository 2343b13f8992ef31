import FuzzSupport

/// Any bytes as a workbook: the ZIP checks, the parts, the sheet and the data reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = DataFileReader.read(FuzzInput.bytes(start, count), file: "fuzz.xlsx", context: FuzzInput.context)
    return 0
}

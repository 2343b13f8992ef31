import FuzzSupport

/// Any bytes as an XML data file: the DOCTYPE refusal, libxml2's parse and the schema.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    guard !DataFileReader.isWorkbook(bytes, file: "fuzz.xml") else { return 0 }
    _ = DataFileReader.read(bytes, file: "fuzz.xml", context: FuzzInput.context)
    return 0
}

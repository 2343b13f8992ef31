import FuzzSupport

/// Any bytes as an XML data file: the DOCTYPE refusal, libxml2's parse and the schema.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzInput.readDataFile(start, count, named: "fuzz.xml")
    return 0
}

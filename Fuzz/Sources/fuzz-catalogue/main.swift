import FuzzSupport

/// Any text as a catalogue, standing alone or extending the repository's frameworks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalogue(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: FuzzInput.bytes(start, count), as: UTF8.self)
    let bases = FuzzInput.context.catalogues
    _ = try? CatalogueLoader.load(text, sourceName: "fuzz.yaml", base: { bases[$0] })
    return 0
}

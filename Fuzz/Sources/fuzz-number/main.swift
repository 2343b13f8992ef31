import FuzzSupport

/// Any text: analysed, read under both marks, and as a plain number; never a crash, and a value
/// read is finite.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumber(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: FuzzInput.bytes(start, count), as: UTF8.self)
    let analysis = NumberReading.analyse(text)
    for mark in [DecimalMark.point, .comma, nil] {
        if case let .success(value) = NumberReading.value(analysis, mark: mark), !value.isFinite { fatalError("infinite value from \(text)") }
    }
    _ = NumberReading.convention(of: [analysis])
    if let value = PlainNumber.parse(text), !value.isFinite { fatalError("infinite plain number from \(text)") }
    return 0
}

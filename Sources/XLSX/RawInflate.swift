import CDeflate

/// Raw deflate streams (RFC 1951, no zlib or gzip header) inflated by the system zlib, with a cap on
/// the output: a workbook's parts, and the maps built into dti (DTIIngest's `PackedMaps`).
public enum RawInflate {
    /// Inflates `input`, stopped at `cap` bytes of output and at the end of the input; `name` names
    /// the stream in errors.
    public static func inflate(_ input: ArraySlice<UInt8>, cap: Int, name: String) throws(XLSXError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged(detail: "'\(name)' cannot be inflated")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var status = Z_OK
        var failure: XLSXError?
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while status == Z_OK {
                status = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return zlib_inflate(&stream)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > cap {
                    failure = .tooLarge(part: name, limit: cap)
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                // No more input and no more output: the stream ends before its end marker.
                if status == Z_OK, stream.avail_in == 0, produced == 0 { status = Z_BUF_ERROR }
            }
        }
        if let failure { throw failure }
        guard status == Z_STREAM_END else { throw .damaged(detail: "'\(name)' cannot be inflated") }
        return output
    }
}

/// zlib's `inflate`, named apart from the function above.
private func zlib_inflate(_ stream: inout z_stream) -> Int32 {
    CDeflate.inflate(&stream, Z_NO_FLUSH)
}

import DTICore
import Testing

@testable import DTIIngest

/// A file is read a chunk at a time: whatever the chunk boundaries, the records, errors,
/// fingerprints and values must be those of reading it whole, and values must flow before the
/// file has been read to its end.
struct StreamingReadTests {
    static let awkward = Array(
        "\u{FEFF}# a comment before the header\r\n\nprovince;year;\"in;dicator\";value\r\n\"Bắc \"\"Ninh\"\"\"; 2022 ;\"two\nlines\";0,5\rHà Nội;2022;x;\"a\r\nb\"\n  \"Đà Nẵng\" ;2022;y;1\nlast;2022;z;9"
            .utf8)

    static func records(_ bytes: [UInt8], chunkSize: Int) throws -> [CSVRecord] {
        var reader = CSVRecordReader(ByteArraySource(bytes), chunkSize: chunkSize)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test(arguments: [4, 5, 7, 13, 64])
    func recordsAreTheSameWhateverTheChunkSize(chunkSize: Int) throws {
        let whole = try Self.records(Self.awkward, chunkSize: 1 << 20)
        #expect(whole.map { $0.fields.map(\.text) }.count == 6)
        #expect(whole[2].fields.map(\.text) == ["Bắc \"Ninh\"", " 2022 ", "two\nlines", "0,5"])
        #expect(whole[4].fields.first.map { ($0.text, $0.line, $0.column) } ?? ("", 0, 0) == ("Đà Nẵng", 8, 1))
        #expect(whole[4].fields[1].column == 14)
        #expect(try Self.records(Self.awkward, chunkSize: chunkSize) == whole)
    }

    @Test(arguments: [4, 6, 11])
    func syntaxErrorsAreTheSameWhateverTheChunkSize(chunkSize: Int) {
        for text in ["a,b\n1,\"open\n2,3\n", "a,b\nBắc \"Ninh\",1\n", "a,b\n\"Bắc\" x,1\n"] {
            func error(_ size: Int) -> CSVTable.SyntaxError? {
                do {
                    _ = try Self.records(Array(text.utf8), chunkSize: size)
                    return nil
                } catch { return error as? CSVTable.SyntaxError }
            }
            #expect(error(chunkSize) != nil)
            #expect(error(chunkSize) == error(1 << 20))
        }
    }

    @Test func theFingerprintIsTheSameInPieces() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        for cut in stride(from: 0, to: bytes.count, by: 37) { hasher.update(bytes[cut..<min(cut + 37, bytes.count)]) }
        #expect(hasher.hexDigest() == SHA256.hex(bytes))
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// The first problem `CheckedTextSource` finds reading `bytes` `chunkSize` at a time.
    static func textProblem(_ bytes: [UInt8], chunkSize: Int) -> Diagnostic? {
        var source = CheckedTextSource(ByteArraySource(bytes), file: "in.csv")
        var buffer: [UInt8] = []
        do {
            while try source.read(into: &buffer, maximum: chunkSize) > 0 {}
            return nil
        } catch { return (error as? TextDecoding.Failure)?.diagnostic }
    }

    @Test(arguments: [1, 2, 3, 5, 64])
    func badBytesAreFoundAtTheirPlaceWhateverTheChunkSize(chunkSize: Int) {
        let valid = Array("\u{FEFF}tỉnh,năm\nHà Nội,😀\n".utf8)
        #expect(Self.textProblem(valid, chunkSize: chunkSize) == nil, "a character cut by a chunk is not an error")
        let latin1 = Array("tỉnh\nHa Noi,".utf8) + [0xE0] + Array(" x".utf8)
        let nul = Array("tỉnh\nHà Nội,a".utf8) + [0] + Array("b".utf8)
        let truncated = Array("tỉnh\nHà".utf8) + [0xE1, 0xBB]
        for bytes in [latin1, nul, truncated] {
            let whole = TextDecoding.decode(bytes, file: "in.csv")
            guard case let .failure(failure) = whole else {
                Issue.record("TextDecoding accepted a bad file")
                continue
            }
            #expect(Self.textProblem(bytes, chunkSize: chunkSize)?.description == failure.diagnostic.description)
        }
    }

    /// Counts the bytes read since the last rewind; a class, so the sink can look while it reads.
    final class CountingSource: ByteSource {
        var base: ByteArraySource
        var readSinceRewind = 0

        init(_ bytes: [UInt8]) {
            base = ByteArraySource(bytes)
        }

        func read(into buffer: inout [UInt8], maximum: Int) -> Int {
            let count = base.read(into: &buffer, maximum: maximum)
            readSinceRewind += count
            return count
        }

        func rewind() {
            base.rewind()
            readSinceRewind = 0
        }
    }

    @Test func valuesFlowInBatchesBeforeTheFileIsReadToItsEnd() throws {
        // 50,000 rows, more than one chunk: the first batch must arrive while most is unread.
        let row = "Hà Nội,2022,awareness,0.5\n"
        let bytes = Array(("province,year,indicator,value\n" + String(repeating: row, count: 50_000)).utf8)
        let source = CountingSource(bytes)
        var readAtFirstBatch: Int?
        var batches: [Int] = []
        let diagnostics = try CSVObservationReader.stream(source, file: "in.csv", context: RepositoryData.context()) { batch in
            if readAtFirstBatch == nil { readAtFirstBatch = source.readSinceRewind }
            batches.append(batch.count)
        }
        #expect(diagnostics.isEmpty)
        #expect(batches.reduce(0, +) == 50_000)
        #expect(batches.count > 1 && batches.allSatisfy { $0 <= TabularObservationReader.batchSize })
        let readAtFirst = try #require(readAtFirstBatch)
        #expect(readAtFirst < bytes.count, "the first batch came only after the whole file was read (\(readAtFirst) of \(bytes.count) bytes)")
    }

    @Test func theDecimalMarkComesFromTheWholeFileNotTheFirstBatch() throws {
        // Row 2 is ambiguous (1.417 or 1417) and so is every row of its batch; only a cell in the
        // next batch shows the comma.
        var text = "province,year,indicator,value\nHà Nội,2022,awareness,1.417\n"
        text += String(repeating: "Huế,2022,awareness,1\n", count: TabularObservationReader.batchSize + 10)
        text += "Huế,2022,awareness,\"0,25\"\n"
        let result = CSVObservationReader.read(text, file: "in.csv", context: try RepositoryData.context())
        let first = result.diagnostics.first { $0.location?.line == 2 }
        #expect(
            first?.message.contains("outside") == true, "1.417 read with the file's decimal comma is 1417, out of range: \(String(describing: first))"
        )
        #expect(!result.diagnostics.contains { $0.message.contains("ambiguous") })
    }
}

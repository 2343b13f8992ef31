import DTICore
import Foundation
import Testing

@testable import DTIStorage

/// A unit's values in one edition are one stored block: what goes in comes back bit for bit, and
/// bytes that are not a block (a damaged or foreign file) are an error, never a crash.
struct ValueBlockTests {
    static func sample() -> ValueBlock {
        var block = ValueBlock()
        let values: [(Int64, Double, UInt8, Int64, Int64, Int64, Int64)] = [
            (1, 0.5, 3, 1, 2, 4, -1), (2, -0.0, 3, 1, 3, -1, 0), (300, .leastNonzeroMagnitude, 1, 2, 1, 0, 7),
            (70_000, 1e300, 0, 9_000_000_000, 1_000_000, 12, 3), (70_001, 0.1 + 0.2, 2, 1, 1, 4, -1),
        ]
        for (entry, value, status, batch, line, column, extra) in values {
            block.append(.init(entryID: entry, value: value, status: status, batch: batch, line: line, column: column, extra: extra))
        }
        return block
    }

    @Test func aBlockComesBackBitForBit() throws {
        let block = Self.sample()
        let values = block.valueBytes()
        let provenance = block.provenanceBytes()
        let decoded = try values.withUnsafeBytes { v in try provenance.withUnsafeBytes { p in try ValueBlock(values: v, provenance: p) } }
        #expect(decoded.entryIDs == block.entryIDs)
        #expect(decoded.values.map(\.bitPattern) == block.values.map(\.bitPattern))
        #expect(decoded == block)
        // One status for the whole block when they agree: a byte, not one per value.
        var same = ValueBlock()
        for entry in 1...100 {
            same.append(.init(entryID: Int64(entry), value: 0.5, status: 3, batch: 1, line: Int64(entry + 1), column: 4, extra: -1))
        }
        #expect(same.valueBytes().count == 1 + 1 + 100 + 800 + 2)
        #expect(same.provenanceBytes().count == 1 + 400)
    }

    @Test func setReplacesAndRemoveTakesOut() {
        var block = Self.sample()
        let old = block.set(.init(entryID: 300, value: 9, status: 1, batch: 5, line: 8, column: 1, extra: -1))
        #expect(old?.value == .leastNonzeroMagnitude)
        #expect(block.set(.init(entryID: 150, value: 1, status: 1, batch: 5, line: 9, column: 1, extra: -1)) == nil)
        #expect(block.entryIDs == [1, 2, 150, 300, 70_000, 70_001])
        #expect(block.remove(entryID: 2)?.value == -0.0)
        #expect(block.remove(entryID: 2) == nil)
        #expect(block.entryIDs == [1, 150, 300, 70_000, 70_001])
    }

    /// Every cut of a block's bytes and thousands of random byte strings: decoding throws or
    /// gives a block, and never traps.
    @Test func bytesThatAreNotABlockAreRefused() throws {
        let block = Self.sample()
        let values = block.valueBytes()
        let provenance = block.provenanceBytes()
        func decode(_ v: [UInt8], _ p: [UInt8]) -> Bool {
            v.withUnsafeBytes { v in p.withUnsafeBytes { p in (try? ValueBlock(values: v, provenance: p)) != nil } }
        }
        for cut in 0..<values.count { #expect(!decode(Array(values[..<cut]), provenance)) }
        for cut in 0..<provenance.count { #expect(!decode(values, Array(provenance[..<cut]))) }
        #expect(!decode(values + [0], provenance))
        var state: UInt64 = 35
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 58)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(UInt8(truncatingIfNeeded: state >> 40))
            }
            if !bytes.isEmpty { bytes[0] = ValueBlock.format }
            _ = decode(bytes, provenance)
            _ = decode(values, bytes)
            // Ten-byte varints: the largest numbers a reader can be handed.
            _ = decode([ValueBlock.format] + Array(repeating: 0xFF, count: 9) + [0x01], provenance)
            _ = decode(values, [ValueBlock.format] + Array(repeating: 0xFF, count: 9) + [0x01] + bytes)
        }
    }

    /// Ranking takes each block whole (numbers and statuses in place): a unit whose values have
    /// different statuses, or none, and one whose values share a status, come back as stored,
    /// value by value, as the observations reader gives them.
    @Test func columnsReadBlocksAsStored() throws {
        let path = HistoryStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        func value(_ unit: String, _ id: String, _ number: Double, _ status: DataStatus?) -> Observation {
            Observation(year: 2022, unitCode: unit, indicatorID: id, value: number, provenance: Provenance(file: "a.csv", line: 2, status: status))
        }
        _ = try store.store(
            [
                value("48", "awareness", -0.0, .official), value("48", "institutions", 0.1 + 0.2, .provisional),
                value("48", "human_resources", .leastNonzeroMagnitude, nil), value("01", "awareness", 1e300, .synthetic),
                value("01", "institutions", 0.25, .synthetic),
            ], importedAt: "t1")
        let columns = try store.columns(year: 2022, unitSetID: UnitSet.provinces63ID)
        var read: [String: (UInt64, DataStatus?)] = [:]
        for index in 0..<columns.count {
            read[columns.unitCodes[Int(columns.unit[index])] + "/" + columns.entryIDs[Int(columns.entry[index])]] = (
                columns.value[index].bitPattern, columns.status[index]
            )
        }
        let expected = try store.observations(year: 2022)
        #expect(columns.count == 5 && expected.count == 5)
        for observation in expected {
            let got = read[observation.unitCode + "/" + observation.indicatorID]
            #expect(got?.0 == observation.value.bitPattern, "\(observation.unitCode) \(observation.indicatorID)")
            #expect(got?.1 == observation.provenance.status, "\(observation.unitCode) \(observation.indicatorID)")
        }
        #expect(read["48/human_resources"]?.1 == nil)
        #expect(read["01/awareness"]?.0 == (1e300).bitPattern)
    }

    /// A damaged block in a history is named as such by every reader, and the process goes on.
    @Test func aDamagedBlockIsAnErrorForEveryReader() throws {
        let path = HistoryStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        _ = try store.store([HistoryStoreTests.observation("48", "awareness", 0.5)], importedAt: "t1")
        try store.connection.execute("UPDATE storedBlock SET valueBytes = x'01ff', provenanceBytes = x'01'")
        for read in [
            { _ = try store.columns(year: 2022, unitSetID: UnitSet.provinces63ID) }, { _ = try store.observations(year: 2022) },
            { _ = try store.history(unitCode: "48", year: 2022) },
        ] as [() throws -> Void] {
            #expect {
                try read()
            } throws: { error in
                guard case .damagedBlock(path) = error as? StorageError else { return false }
                return "\(error)".contains("damaged") && (error as? StorageError)?.wording.text(.vi).contains("bị hỏng") == true
            }
        }
    }
}

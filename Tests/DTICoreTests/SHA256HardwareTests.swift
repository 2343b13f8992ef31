import Testing

@testable import DTICore

/// Blocks are compressed with the processor's SHA extensions where it has them: the digest must
/// be the portable compression's for every length, content and way of handing the bytes over.
struct SHA256HardwareTests {
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func digest(_ bytes: [UInt8], hardware: Bool, piece: Int) -> String {
        var hasher = SHA256(hardware: hardware)
        var start = 0
        repeat {
            let end = min(start + piece, bytes.count)
            hasher.update(bytes[start..<end])
            start = end
        } while start < bytes.count
        return hasher.hexDigest()
    }

    @Test func everyLengthGivesThePortableDigest() {
        for length in Array(0...300) + [1_000, 4_095, 4_096, 65_537, 1_000_003] {
            let input = Self.bytes(length, seed: UInt64(length))
            let portable = Self.digest(input, hardware: false, piece: max(1, length))
            #expect(Self.digest(input, hardware: true, piece: max(1, length)) == portable, "\(length) bytes")
            #expect(Self.digest(input, hardware: true, piece: 13) == portable, "\(length) bytes in pieces of 13")
        }
    }

    @Test func theLongVectorWithEitherCompression() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        for hardware in [false, true] {
            #expect(Self.digest(input, hardware: hardware, piece: 4_096) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        }
    }
}

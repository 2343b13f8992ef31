import CSHA256

/// SHA-256 (FIPS 180-4) as lowercase hex: the fingerprint stored with every imported value, so a
/// report can name exactly which file a figure came from.
///
/// Written out here because Foundation on Linux has no digest API. It is incremental
/// (`update`, then `hexDigest`), so a file is fingerprinted while it is read in chunks, never
/// held whole.
public struct SHA256: Sendable {
    private var h: [UInt32] = [0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19]
    /// Bytes not yet making up a whole 64-byte block.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// Whether blocks are compressed with the processor's SHA extensions: several times faster,
    /// the same digest (the tests compare the two on every length and alignment).
    private let usesHardware: Bool

    /// Whether this processor has the SHA extensions, asked once.
    static let hardwareAvailable = dti_sha256_has_hardware() == 1

    /// A hasher with nothing hashed yet.
    public init() {
        self.init(hardware: Self.hardwareAvailable)
    }

    /// A hasher that uses the SHA extensions only if `hardware` (and the processor has them):
    /// the tests hash with both and compare.
    init(hardware: Bool) {
        usesHardware = hardware && Self.hardwareAvailable
        pending.reserveCapacity(64)
    }

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes[...])
        return hasher.hexDigest()
    }

    /// Hashes `bytes` after what was hashed before.
    public mutating func update(_ bytes: ArraySlice<UInt8>) {
        length &+= UInt64(bytes.count)
        var index = bytes.startIndex
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending += bytes[index..<index + take]
            index += take
            guard pending.count == 64 else { return }
            let block = pending
            pending.removeAll(keepingCapacity: true)
            block.withUnsafeBufferPointer { compress($0, at: 0) }
        }
        let whole = (bytes.endIndex - index) / 64 * 64
        if whole > 0 {
            bytes.withUnsafeBufferPointer { buffer in
                compress(buffer, blocksFrom: index - bytes.startIndex, count: whole / 64)
            }
            index += whole
        }
        pending += bytes[index...]
    }

    /// The digest of everything hashed, as 64 lowercase hex digits.
    public func hexDigest() -> String {
        var copy = self
        let bitLength = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBufferPointer { buffer in
            for offset in stride(from: 0, to: buffer.count, by: 64) { copy.compress(buffer, at: offset) }
        }
        let digits = Array("0123456789abcdef")
        var result = ""
        for word in copy.h {
            for shift in stride(from: 28, through: 0, by: -4) { result.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return result
    }

    private mutating func compress(_ message: UnsafeBufferPointer<UInt8>, at chunk: Int) {
        compress(message, blocksFrom: chunk, count: 1)
    }

    /// Compresses `count` 64-byte blocks from `start`: the schedule in a stack buffer and the
    /// state in locals, so the loop checks no array bounds or uniqueness (it was a tenth of a
    /// large import's time).
    private mutating func compress(_ message: UnsafeBufferPointer<UInt8>, blocksFrom start: Int, count: Int) {
        precondition(start >= 0 && start + count * 64 <= message.count)
        guard count > 0, let base = message.baseAddress else { return }
        if usesHardware {
            h.withUnsafeMutableBufferPointer { state in
                guard let words = state.baseAddress else { return }
                dti_sha256_compress_hardware(words, base + start, count)
            }
            return
        }
        var (h0, h1, h2, h3, h4, h5, h6, h7) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        // The round constants are the C target's, one table for both compressions.
        withUnsafeBytes(of: dti_sha256_round_constants) { constants in
            let k = constants.bindMemory(to: UInt32.self)
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                for block in 0..<count {
                    let bytes = base + start + block * 64
                    for t in 0..<16 {
                        let word = UnsafeRawPointer(bytes + t * 4).loadUnaligned(as: UInt32.self)
                        w[t] = UInt32(bigEndian: word)
                    }
                    for t in 16..<64 {
                        let s0 = Self.rotate(w[t - 15], 7) ^ Self.rotate(w[t - 15], 18) ^ (w[t - 15] >> 3)
                        let s1 = Self.rotate(w[t - 2], 17) ^ Self.rotate(w[t - 2], 19) ^ (w[t - 2] >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var (a, b, c, d, e, f, g, hh) = (h0, h1, h2, h3, h4, h5, h6, h7)
                    for t in 0..<64 {
                        let s1 = Self.rotate(e, 6) ^ Self.rotate(e, 11) ^ Self.rotate(e, 25)
                        let choice = (e & f) ^ (~e & g)
                        let temp1 = hh &+ s1 &+ choice &+ k[t] &+ w[t]
                        let s0 = Self.rotate(a, 2) ^ Self.rotate(a, 13) ^ Self.rotate(a, 22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let temp2 = s0 &+ majority
                        (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= hh
                }
            }
        }
        h = [h0, h1, h2, h3, h4, h5, h6, h7]
    }

    private static func rotate(_ value: UInt32, _ amount: UInt32) -> UInt32 { value >> amount | value << (32 - amount) }
}

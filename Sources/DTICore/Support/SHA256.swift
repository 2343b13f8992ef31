import CSHA256

/// SHA-256 (FIPS 180-4) as lowercase hex: the fingerprint stored with every imported value, so a
/// report can name exactly which file a figure came from.
///
/// Written out here because Foundation on Linux has no digest API. It is incremental
/// (`update`, then `hexDigest`), so a file is fingerprinted while it is read in chunks, never
/// held whole.
public struct SHA256: Sendable {
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

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
        Self.k.withUnsafeBufferPointer { k in
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

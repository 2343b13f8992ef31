import DTICore
import Dispatch

/// Fingerprints a file's bytes on a thread of its own while the reader goes on parsing them:
/// SHA-256 in Swift takes about 1.5 s of a 330 MB import, which the second core now does. At most
/// `inFlight` chunks wait, so a slow hasher holds the reader back instead of its memory growing.
final class BackgroundHasher: @unchecked Sendable {
    private let queue = DispatchQueue(label: "dti.fingerprint")
    private let slots: DispatchSemaphore
    /// Touched only on `queue`.
    private var hasher = SHA256()

    init(inFlight: Int = 8) {
        slots = DispatchSemaphore(value: inFlight)
    }

    /// Hashes `bytes` after the bytes handed over before.
    func update(_ bytes: ArraySlice<UInt8>) {
        let chunk = Array(bytes)
        slots.wait()
        queue.async {
            self.hasher.update(chunk[...])
            self.slots.signal()
        }
    }

    /// The digest of every byte handed over, once all are hashed.
    func hexDigest() -> String {
        queue.sync { hasher.hexDigest() }
    }
}

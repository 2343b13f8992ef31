/// The names of dti's temporary files: `.<name>.<16 hex digits>.dti-tmp`, beside the file they
/// become. Hidden, so a listing or a site does not show them; random, so no two runs share one
/// and nobody can plant a link at it beforehand; with a fixed ending, so a killed run's leftovers
/// are known as dti's own and removed later.
public enum TemporaryName {
    /// The ending of every temporary name.
    public static let suffix = ".dti-tmp"

    /// Seconds after which a leftover is stale: a run writes a file in well under a second, so an
    /// older one was left by a run that was stopped.
    public static let staleAfter: Double = 60

    /// A new temporary name for `name` (shortened so it stays within the 255 bytes of a file name).
    static func make(for name: String) -> String {
        var base = name
        while base.utf8.count > 200 { base.removeLast() }
        return "." + base + "." + SystemCalls.randomSuffix() + suffix
    }

    /// Whether `name` is exactly of dti's temporary naming: a dot, a name, a dot, 16 lower-case
    /// hex digits and the ending, within a file name's 255 bytes. A file a user named
    /// `.notes.dti-tmp` is not dti's, and is never removed.
    public static func isTemporary(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        let tail = 1 + 16 + suffix.utf8.count
        guard bytes.count > 1 + tail, bytes.count <= 255, bytes[0] == UInt8(ascii: "."), name.hasSuffix(suffix) else { return false }
        let random = bytes[(bytes.count - tail)..<(bytes.count - suffix.utf8.count)]
        guard random.first == UInt8(ascii: ".") else { return false }
        return random.dropFirst().allSatisfy {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
        }
    }
}

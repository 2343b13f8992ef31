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

    /// Whether `name` is of dti's temporary naming (this one, or the fixed `.<name>.dti-tmp` of
    /// earlier versions).
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(suffix) && name.count > suffix.count + 1
    }
}

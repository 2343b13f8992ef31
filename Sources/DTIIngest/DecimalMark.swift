import DTICore

/// Which character separates the fraction in a file's numbers: `0.8253` or `0,8253`.
///
/// Vietnamese Excel writes `56,83` and `1.417` (thousands); English writes `56.83` and `1,417`.
/// A file's convention is decided from all its numbers together (`DecimalEvidence`),
/// or given with `--decimal`.
public enum DecimalMark: String, Sendable, Hashable, CaseIterable {
    /// `0.8253`, thousands `1,417`.
    case point
    /// `0,8253`, thousands `1.417`.
    case comma

    /// The mark's Vietnamese name.
    /// The mark's name in a sentence: "point" / "chấm".
    public var wording: Wording { self == .point ? Messages.Ingest.decimalPoint : Messages.Ingest.decimalComma }

    /// The character.
    public var character: Character { self == .point ? "." : "," }

    /// The other mark, used as the thousands separator.
    public var other: DecimalMark { self == .point ? .comma : .point }
}

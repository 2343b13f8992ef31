import DTICore

/// How terminal output is decorated: colour only when the caller says the output is a terminal
/// and `NO_COLOR` is not set (decided by the command line, not here).
public struct TerminalStyle: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// Bold text, when colour is on.
    public func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    /// Dim text, when colour is on.
    public func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    /// A bar of eighth-block glyphs, `width` cells long at 1.0: `████▋`.
    public static func bar(_ value: Double?, width: Int = 20) -> String {
        guard let value else { return "" }
        let eighths = Int((min(max(value, 0), 1) * Double(width * 8)).rounded())
        let glyphs = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + glyphs[eighths % 8]
    }
}

/// Prose wrapped to a terminal's width at spaces, so that a long notice or a list of groups
/// reads as a paragraph instead of running off the screen. Tables are never wrapped.
public enum TextWrapping {
    /// `text` in lines of at most `width` characters (a word longer than that stands alone), the
    /// lines after the first indented by `indent`.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        guard width > indent.count + 10, text.count > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let prefix = lines.isEmpty ? "" : indent
            if line.isEmpty {
                line = prefix + word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = indent + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Each line of `text` wrapped, a notice (`! …`) with its continuation lines under its words.
    public static func wrapLines(_ text: String, width: Int?) -> String {
        guard let width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let string = String(line)
            return wrap(string, width: width, indent: string.hasPrefix("! ") ? "  " : "")
        }.joined(separator: "\n")
    }

    /// The prose lines of a terminal text wrapped: notices (`! …`) and lines without a run of two
    /// spaces, which every table row and heading has between its columns.
    public static func wrapProse(_ text: String, width: Int?) -> String {
        guard let width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let string = String(line)
            guard string.hasPrefix("! ") || !string.contains("  ") else { return [string] }
            return wrap(string, width: width, indent: string.hasPrefix("! ") ? "  " : "")
        }.joined(separator: "\n")
    }
}

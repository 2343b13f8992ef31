import DTICore

/// Text from files (names, notes, file names) made safe to print on a terminal: control
/// characters would act on it (`ESC[2J` clears the screen, `ESC[8m` hides what follows, a CR
/// overwrites the line) and bidirectional overrides would reorder what the reader sees. They are
/// shown escaped instead: `\x1B`, `\r`, `\u{202E}`. Line breaks and tabs stay.
public enum TerminalEscaping {
    /// `text` with every control and bidirectional-formatting character escaped.
    public static func escaped(_ text: String) -> String {
        escaped(text, lineBreaks: false)
    }

    /// `text` as one line: line breaks escaped too (`\n`), so a name holding one cannot start a
    /// line of its own, such as a forged "0 errors" summary.
    public static func escapedLine(_ text: String) -> String {
        escaped(text, lineBreaks: true)
    }

    private static func escaped(_ text: String, lineBreaks: Bool) -> String {
        let isUnsafe = { (scalar: Unicode.Scalar) in UnsafeCharacters.contains(scalar) || (lineBreaks && scalar == "\n") }
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x80:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + (hex.count == 1 ? "0" : "") + hex
            default:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }
}

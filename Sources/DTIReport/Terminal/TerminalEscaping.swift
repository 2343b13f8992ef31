/// Text from files (names, notes, file names) made safe to print on a terminal: control
/// characters would act on it (`ESC[2J` clears the screen, `ESC[8m` hides what follows, a CR
/// overwrites the line) and bidirectional overrides would reorder what the reader sees. They are
/// shown escaped instead: `\x1B`, `\r`, `\u{202E}`. Line breaks and tabs stay.
public enum TerminalEscaping {
    /// `text` with every control and bidirectional-formatting character escaped.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
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

    /// C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional marks,
    /// embeddings, overrides and isolates.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

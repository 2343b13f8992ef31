/// Characters that act on a terminal or reorder what a reader sees rather than being text: C0
/// controls but tab and line feed, DEL, C1 controls, the line and paragraph separators (U+2028,
/// U+2029, which some terminals and editors break lines at), and the bidirectional marks,
/// embeddings, overrides and isolates. Names may not hold them; outputs show them escaped.
public enum UnsafeCharacters {
    /// Whether `scalar` is one of them.
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first of them in `text`, if any.
    public static func first(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: contains)
    }
}

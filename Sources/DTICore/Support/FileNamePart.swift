/// A unit code as part of a file name (`profile-<part>.html`): the one way a code becomes a path.
///
/// Letters, digits, `.`, `_` and `-` stay as they are, so the codes of provinces and communes
/// (`01`, `27001`, `U00042`) give the names they always did; every other byte of the code's UTF-8
/// is written `~XX` in hexadecimal (`~` itself too), so `a/b` is `a~2Fb`, a line break `~0A`, and
/// no code can name a folder, climb out of one, split a manifest line or end a Markdown link.
/// Decoding gives the code back: two codes never share a part.
public enum FileNamePart {
    /// The part of a file name that stands for `code`.
    public static func encoded(_ code: String) -> String {
        var result = ""
        for byte in code.utf8 {
            if isKept(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "~" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// The part of `code` in lower case: two codes with the same are one file on a disk that
    /// ignores case. A code of lower-case letters, digits, `.`, `_` and `-` is its own (most
    /// codes are digits), without building the part.
    public static func caseFolded(_ code: String) -> String {
        if code.utf8.allSatisfy({ isKept($0) && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) { return code }
        return encoded(code).lowercased()
    }

    /// The code a part stands for; `nil` when `part` is not an encoding.
    public static func decoded(_ part: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = part.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "~") {
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                guard isKept(byte) else { return nil }
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Two codes whose parts differ only in case: one file on a disk that ignores case (macOS,
    /// Windows, most USB sticks), so a unit file may not hold both.
    public static func collide(_ lhs: String, _ rhs: String) -> Bool {
        lhs != rhs && encoded(lhs).lowercased() == encoded(rhs).lowercased()
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
}

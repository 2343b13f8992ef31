import DTICore

/// Plain decimal numbers only: digits, an optional `.` fraction and exponent. Rejects `nan`,
/// `inf`, hexadecimal and locale forms that `Double(_:)` would otherwise accept or misread.
public enum PlainNumber {
    /// The value of `text`, or `nil` when it is not a plain finite number.
    public static func parse(_ text: String) -> Double? {
        var sawDigit = false
        var index = text.startIndex
        func advance(while predicate: (Character) -> Bool) {
            while index < text.endIndex, predicate(text[index]) {
                if text[index].isASCIIDigit { sawDigit = true }
                index = text.index(after: index)
            }
        }
        if index < text.endIndex, text[index] == "-" || text[index] == "+" { index = text.index(after: index) }
        advance(while: \.isASCIIDigit)
        if index < text.endIndex, text[index] == "." {
            index = text.index(after: index)
            advance(while: \.isASCIIDigit)
        }
        guard sawDigit else { return nil }
        if index < text.endIndex, text[index] == "e" || text[index] == "E" {
            index = text.index(after: index)
            if index < text.endIndex, text[index] == "-" || text[index] == "+" { index = text.index(after: index) }
            let exponentStart = index
            advance(while: \.isASCIIDigit)
            guard index > exponentStart else { return nil }
        }
        guard index == text.endIndex, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

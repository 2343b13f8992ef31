/// Text that a spreadsheet program would take for a formula (`=HYPERLINK(…)`, `+cmd|…`,
/// `@SUM(…)`, a leading tab or carriage return) gets a leading `'`, so a name or note from a data
/// file is shown, never run, when a CSV or workbook dti wrote is opened. Numbers (`-0.25`) pass.
public enum FormulaNeutralising {
    /// `text`, with a `'` in front when it starts as a formula would.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        if isPlainNumber(text) { return text }
        return "'" + text
    }

    /// `-0.25`, `+1`, `-1e-05`: a sign, digits, at most one point, an optional exponent.
    private static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        let mantissa = scalars.prefix { $0 != "e" && $0 != "E" }
        let exponent = scalars.dropFirst(mantissa.count)
        let digits = mantissa.filter { $0 != "." }
        guard !digits.isEmpty, digits.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }),
            mantissa.count - digits.count <= 1
        else { return false }
        guard !exponent.isEmpty else { return true }
        var rest = exponent.dropFirst()
        if let sign = rest.first, sign == "-" || sign == "+" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.properties.numericType == .decimal }
    }
}

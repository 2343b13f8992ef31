/// A number as messages and templates show it, exactly: whole numbers without a fraction (`100`,
/// not `100.0`), others in the shortest form that reads back to the same value (`0.8253`,
/// `1e+300`). One rule, so a huge value (a catalogue's `points: 1e300`) is printed, not trapped on.
public enum NumberText {
    /// A whole number with its thousands grouped by `separator` (`3.321` in Vietnamese, `3,321`
    /// in English).
    public static func grouped(_ value: Int, separator: Character) -> String {
        let digits = Array(String(value.magnitude))
        var result = value < 0 ? "-" : ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(separator) }
            result.append(digit)
        }
        return result
    }

    public static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

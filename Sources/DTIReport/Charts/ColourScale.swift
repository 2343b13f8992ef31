/// A sequential scale from the viridis palette: ordered by lightness, readable by colour-blind
/// readers and in greyscale print. Values are also always printed, so colour is never the only cue.
public enum ColourScale {
    static let stops: [(r: Double, g: Double, b: Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]

    /// The colour of `fraction` in [0, 1] as `#rrggbb`.
    public static func colour(_ fraction: Double) -> String {
        let clamped = min(max(fraction.isFinite ? fraction : 0, 0), 1)
        let position = clamped * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        let t = position - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        func channel(_ x: Double, _ y: Double) -> String {
            let value = Int((x + (y - x) * t).rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[value / 16], digits[value % 16]])
        }
        return "#" + channel(a.r, b.r) + channel(a.g, b.g) + channel(a.b, b.b)
    }

    /// Dark text on light tiles, light text on dark ones.
    public static func textColour(_ fraction: Double) -> String { fraction > 0.55 ? "#111111" : "#ffffff" }
}

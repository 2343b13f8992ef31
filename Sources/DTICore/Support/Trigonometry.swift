/// Cosine without Foundation (DTICore and DTIReport stay free of it), for map geometry.
public enum Trigonometry {
    /// cos by its Taylor series: exact to 1e-12 on [−π/2, π/2] (every latitude), far beyond a
    /// drawing's tenth of a unit.
    public static func cosine(_ x: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        for n in stride(from: 2, through: 30, by: 2) {
            term *= -x * x / Double((n - 1) * n)
            sum += term
        }
        return sum
    }
}

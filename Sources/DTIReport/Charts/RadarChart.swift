import DTICore

/// A radar chart of main indicators: the unit's values against a reference (the national mean).
public struct RadarChart {
    public struct Axis: Sendable, Hashable {
        public var label: String
        public var value: Double
        public var reference: Double

        public init(label: String, value: Double, reference: Double) {
            self.label = label
            self.value = value
            self.reference = reference
        }
    }

    public var title: String
    public var axes: [Axis]
    public var seriesLabel: String
    public var referenceLabel: String
    /// 360 units wide with 11-unit text, so at its smallest (11 px text) it fits a 390 px phone's
    /// 366 px column; the axes' names are written in lines of at most `lineLength` characters.
    static let width = 360.0
    static let height = 290.0
    static let radius = 80.0
    static let centre = (x: 180.0, y: 135.0)
    static let lineLength = 15
    static let lineHeight = 12.0

    public init(title: String, axes: [Axis], seriesLabel: String, referenceLabel: String) {
        self.title = title
        self.axes = axes
        self.seriesLabel = seriesLabel
        self.referenceLabel = referenceLabel
    }

    /// Where `value` (in [0, 1]) lies on axis `index`: the first axis points up, then clockwise.
    public func point(axis index: Int, value: Double) -> (x: Double, y: Double) {
        let angle = Double(index) / Double(max(axes.count, 1)) * 2 * Double.pi
        let r = min(max(value, 0), 1) * Self.radius
        return (Self.centre.x + r * Self.sine(angle), Self.centre.y - r * Self.cosine(angle))
    }

    public func svg(standalone: Bool = false) -> SafeMarkup {
        var b = HTMLBuilder()
        b.raw("<svg")
        if standalone { b.raw(" xmlns=\"http://www.w3.org/2000/svg\"") }
        b.attribute("viewBox", "0 0 \(HTMLBuilder.coordinate(Self.width)) \(HTMLBuilder.coordinate(Self.height))")
        b.raw(" role=\"img\" class=\"chart radar\"")
        if !standalone { b.attribute("style", ChartSizing.style(viewBoxWidth: Self.width, smallestFont: 11)) }
        b.attribute("aria-label", title)
        b.raw("><title>")
        b.text(title)
        b.raw(
            "</title><style>svg.radar text{font:11px sans-serif;fill:#222}svg.radar .grid{fill:none;stroke:#bbb}svg.radar .ref{fill:none;stroke:#222;stroke-dasharray:4 3}svg.radar .own{fill:rgba(217,95,2,.25);stroke:#d95f02;stroke-width:2}</style>"
        )
        for ring in [0.25, 0.5, 0.75, 1.0] {
            b.raw("<polygon class=\"grid\"")
            b.attribute("points", polygon(axes.map { _ in ring }))
            b.raw("/>")
        }
        for index in axes.indices {
            let end = point(axis: index, value: 1)
            b.raw("<line class=\"grid\"")
            b.attribute("x1", Self.centre.x)
            b.attribute("y1", Self.centre.y)
            b.attribute("x2", end.x)
            b.attribute("y2", end.y)
            b.raw("/>")
            let label = point(axis: index, value: 1.1)
            let side = label.x - Self.centre.x
            let lines = Self.lines(axes[index].label)
            // Lines centred on the axis's end; above it at the top, below it at the bottom.
            let above = label.y < Self.centre.y - Self.radius * 0.9
            let below = label.y > Self.centre.y + Self.radius * 0.9
            let count = Double(lines.count)
            let first = above ? label.y - (count - 1) * Self.lineHeight : below ? label.y + 8 : label.y + 4 - (count - 1) * Self.lineHeight / 2
            b.raw(side < -5 ? "<text text-anchor=\"end\"" : side > 5 ? "<text text-anchor=\"start\"" : "<text text-anchor=\"middle\"")
            b.attribute("y", first)
            b.raw(">")
            for (number, line) in lines.enumerated() {
                b.raw("<tspan")
                b.attribute("x", label.x)
                if number > 0 { b.attribute("dy", Self.lineHeight) }
                b.raw(">")
                b.text(line)
                b.raw("</tspan>")
            }
            b.raw("</text>")
        }
        b.raw("<polygon class=\"ref\"")
        b.attribute("points", polygon(axes.map(\.reference)))
        b.raw("/><polygon class=\"own\"")
        b.attribute("points", polygon(axes.map(\.value)))
        b.raw("/><text x=\"8\"")
        b.attribute("y", Self.height - 8)
        b.raw(">")
        b.text("■ \(seriesLabel)   ┄ \(referenceLabel)")
        b.raw("</text></svg>")
        return b.result
    }

    /// `text` in lines of at most `lineLength` characters, broken between words (a longer word
    /// stays whole on its line).
    public static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        for word in text.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= lineLength {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines.isEmpty ? [text] : lines
    }

    private func polygon(_ values: [Double]) -> String {
        values.enumerated().map { index, value in
            let p = point(axis: index, value: value)
            return "\(HTMLBuilder.coordinate(p.x)),\(HTMLBuilder.coordinate(p.y))"
        }.joined(separator: " ")
    }

    // Sine and cosine without Foundation, by Taylor series after range reduction: chart geometry
    // needs a tenth of a pixel, which these give with room to spare.
    static func sine(_ x: Double) -> Double {
        var angle = x.truncatingRemainder(dividingBy: 2 * Double.pi)
        if angle > Double.pi { angle -= 2 * Double.pi }
        if angle < -Double.pi { angle += 2 * Double.pi }
        var term = angle
        var sum = angle
        for n in 1..<12 {
            term *= -angle * angle / Double((2 * n) * (2 * n + 1))
            sum += term
        }
        return sum
    }

    static func cosine(_ x: Double) -> Double { sine(x + Double.pi / 2) }
}

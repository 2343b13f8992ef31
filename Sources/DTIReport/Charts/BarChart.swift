/// A horizontal bar chart of values in [0, `maximum`], labelled and valued on every bar.
public struct BarChart {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double
        public var isHighlighted: Bool

        public init(label: String, value: Double, isHighlighted: Bool = false) {
            self.label = label
            self.value = value
            self.isHighlighted = isHighlighted
        }
    }

    public var title: String
    public var bars: [Bar]
    public var maximum: Double
    public var valueText: (Double) -> String
    /// A reference value drawn as a line (e.g. the national mean), with its label.
    public var reference: (value: Double, label: String)?

    static let labelWidth = 150.0
    /// 395 units in all with 12-unit text: at its smallest (11 px text) 363 px, inside a 390 px
    /// phone's 366 px column, so no value at a bar's end is scrolled out of sight.
    static let plotWidth = 175.0
    static let rowHeight = 22.0

    public init(
        title: String, bars: [Bar], maximum: Double = 1, valueText: @escaping (Double) -> String, reference: (value: Double, label: String)? = nil
    ) {
        self.title = title
        self.bars = bars
        self.maximum = maximum
        self.valueText = valueText
        self.reference = reference
    }

    /// The length of a bar: proportional to its value, 0 for negatives, full width at `maximum`.
    public func length(of value: Double) -> Double {
        guard maximum > 0 else { return 0 }
        return min(max(value / maximum, 0), 1) * Self.plotWidth
    }

    /// The chart as SVG; `standalone` adds the XML namespace for a separate .svg file.
    public func svg(standalone: Bool = false) -> SafeMarkup {
        let height = Double(bars.count) * Self.rowHeight + (reference == nil ? 8 : 26)
        let width = Self.labelWidth + Self.plotWidth + 70
        var b = HTMLBuilder()
        b.raw("<svg")
        if standalone { b.raw(" xmlns=\"http://www.w3.org/2000/svg\"") }
        b.attribute("viewBox", "0 0 \(HTMLBuilder.coordinate(width)) \(HTMLBuilder.coordinate(height))")
        b.raw(" role=\"img\" class=\"chart bars\"")
        if !standalone { b.attribute("style", ChartSizing.style(viewBoxWidth: width, smallestFont: 12)) }
        b.attribute("aria-label", title)
        b.raw("><title>")
        b.text(title)
        b.raw(
            "</title><style>svg.bars text{font:12px sans-serif;fill:#222}svg.bars .bar{fill:#3b528b}svg.bars .hi{fill:#d95f02}svg.bars .ref{stroke:#222;stroke-dasharray:4 3}</style>"
        )
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * Self.rowHeight + 4
            b.raw("<text text-anchor=\"end\"")
            b.attribute("x", Self.labelWidth - 6)
            b.attribute("y", y + 14)
            b.raw(">")
            b.text(bar.label)
            b.raw("</text><rect")
            b.raw(bar.isHighlighted ? " class=\"hi\"" : " class=\"bar\"")
            b.attribute("x", Self.labelWidth)
            b.attribute("y", y + 3)
            b.attribute("width", length(of: bar.value))
            b.attribute("height", Self.rowHeight - 6)
            b.raw("/><text")
            b.attribute("x", Self.labelWidth + length(of: bar.value) + 4)
            b.attribute("y", y + 14)
            b.raw(">")
            b.text(valueText(bar.value))
            b.raw("</text>")
        }
        if let reference {
            let x = Self.labelWidth + length(of: reference.value)
            b.raw("<line class=\"ref\"")
            b.attribute("x1", x)
            b.attribute("x2", x)
            b.attribute("y1", 0)
            b.attribute("y2", Double(bars.count) * Self.rowHeight + 6)
            b.raw("/><text text-anchor=\"middle\"")
            b.attribute("x", x)
            b.attribute("y", height - 4)
            b.raw(">")
            b.text(reference.label)
            b.raw("</text>")
        }
        b.raw("</svg>")
        return b.result
    }
}

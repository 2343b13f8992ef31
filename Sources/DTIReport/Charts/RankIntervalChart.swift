/// Each unit's rank interval over the Monte Carlo runs: a whisker from the 5th to the 95th
/// percentile rank, a dot at the median and a ring at the official rank, units in official order.
public struct RankIntervalChart {
    public struct Row: Sendable, Hashable {
        public var label: String
        public var nominal: Int
        public var median: Int
        public var low: Int
        public var high: Int

        public init(label: String, nominal: Int, median: Int, low: Int, high: Int) {
            self.label = label
            self.nominal = nominal
            self.median = median
            self.low = low
            self.high = high
        }
    }

    public var title: String
    public var rows: [Row]
    /// The worst rank on the axis (the number of units ranked).
    public var worst: Int
    public var axisLabel: String

    static let labelWidth = 150.0
    static let plotWidth = 320.0
    static let rowHeight = 12.0

    public init(title: String, rows: [Row], worst: Int, axisLabel: String) {
        self.title = title
        self.rows = rows
        self.worst = max(worst, 2)
        self.axisLabel = axisLabel
    }

    /// Where rank `rank` falls: rank 1 at the left.
    public func x(_ rank: Int) -> Double {
        Self.labelWidth + 8 + Double(rank - 1) / Double(worst - 1) * (Self.plotWidth - 16)
    }

    public func svg(standalone: Bool = false) -> SafeMarkup {
        let height = Double(rows.count) * Self.rowHeight + 34
        let width = Self.labelWidth + Self.plotWidth + 10
        var b = HTMLBuilder()
        b.raw("<svg")
        if standalone { b.raw(" xmlns=\"http://www.w3.org/2000/svg\"") }
        b.attribute("viewBox", "0 0 \(HTMLBuilder.coordinate(width)) \(HTMLBuilder.coordinate(height))")
        b.raw(" role=\"img\" class=\"chart intervals\"")
        if !standalone { b.attribute("style", ChartSizing.style(viewBoxWidth: width, smallestFont: 9)) }
        b.attribute("aria-label", title)
        b.raw("><title>")
        b.text(title)
        b.raw(
            "</title><style>svg.intervals text{font:9px sans-serif;fill:#222}svg.intervals .w{stroke:#3b528b;stroke-width:2}svg.intervals .m{fill:#3b528b}svg.intervals .n{fill:none;stroke:#d95f02;stroke-width:1.2}svg.intervals .g{stroke:#ddd}</style>"
        )
        let step = worst > 20 ? 10 : 5
        var ticks = [1] + Array(stride(from: step, to: worst, by: step))
        if worst - (ticks.last ?? 1) >= step / 2 { ticks.append(worst) }
        for tick in ticks {
            b.raw("<line class=\"g\"")
            b.attribute("x1", x(tick))
            b.attribute("x2", x(tick))
            b.attribute("y1", 2)
            b.attribute("y2", height - 22)
            b.raw("/><text text-anchor=\"middle\"")
            b.attribute("x", x(tick))
            b.attribute("y", height - 12)
            b.raw(">")
            b.text(String(tick))
            b.raw("</text>")
        }
        b.raw("<text text-anchor=\"middle\"")
        b.attribute("x", x(1) + (x(worst) - x(1)) / 2)
        b.attribute("y", height - 2)
        b.raw(">")
        b.text(axisLabel)
        b.raw("</text>")
        for (index, row) in rows.enumerated() {
            let y = Double(index) * Self.rowHeight + 8
            b.raw("<text text-anchor=\"end\"")
            b.attribute("x", Self.labelWidth - 4)
            b.attribute("y", y + 3)
            b.raw(">")
            b.text(row.label)
            b.raw("</text><line class=\"w\"")
            b.attribute("x1", x(row.low) - (row.low == row.high ? 1.5 : 0))
            b.attribute("x2", x(row.high) + (row.low == row.high ? 1.5 : 0))
            b.attribute("y1", y)
            b.attribute("y2", y)
            b.raw("/><circle class=\"m\" r=\"2.6\"")
            b.attribute("cx", x(row.median))
            b.attribute("cy", y)
            b.raw("/><circle class=\"n\" r=\"4\"")
            b.attribute("cx", x(row.nominal))
            b.attribute("cy", y)
            b.raw("/>")
        }
        b.raw("</svg>")
        return b.result
    }
}

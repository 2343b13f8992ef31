/// Values over editions, one line per series, years on the x axis and [0, 1] on the y axis.
public struct LineChart {
    public struct Series: Sendable, Hashable {
        public var name: String
        public var points: [(year: Int, value: Double)]

        public init(name: String, points: [(year: Int, value: Double)]) {
            self.name = name
            self.points = points
        }

        public static func == (lhs: Series, rhs: Series) -> Bool {
            lhs.name == rhs.name && lhs.points.map(\.year) == rhs.points.map(\.year) && lhs.points.map(\.value) == rhs.points.map(\.value)
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    }

    public var title: String
    public var series: [Series]
    public var valueText: (Double) -> String
    /// 360 units wide with 11-unit text: at its smallest (11 px text) it fits a 390 px phone's
    /// 366 px column, so the last year is never scrolled out of sight.
    static let plot = (x: 50.0, y: 15.0, width: 280.0, height: 170.0)
    static let width = 360.0
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"]
    static let colours = ["#d95f02", "#3b528b", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"]

    public init(title: String, series: [Series], valueText: @escaping (Double) -> String) {
        self.title = title
        self.series = series
        self.valueText = valueText
    }

    var years: [Int] { Array(Set(series.flatMap { $0.points.map(\.year) })).sorted() }

    /// Where a year and value are drawn; the y range is [0, 1].
    public func point(year: Int, value: Double) -> (x: Double, y: Double) {
        let years = self.years
        let index = years.firstIndex(of: year) ?? 0
        let x = Self.plot.x + (years.count > 1 ? Double(index) / Double(years.count - 1) * Self.plot.width : Self.plot.width / 2)
        let y = Self.plot.y + (1 - min(max(value, 0), 1)) * Self.plot.height
        return (x, y)
    }

    public func svg(standalone: Bool = false) -> SafeMarkup {
        let legendHeight = Double(series.count) * 14
        var b = HTMLBuilder()
        b.raw("<svg")
        if standalone { b.raw(" xmlns=\"http://www.w3.org/2000/svg\"") }
        b.attribute("viewBox", "0 0 \(HTMLBuilder.coordinate(Self.width)) \(HTMLBuilder.coordinate(215 + legendHeight))")
        b.raw(" role=\"img\" class=\"chart line\"")
        if !standalone { b.attribute("style", ChartSizing.style(viewBoxWidth: Self.width, smallestFont: 11)) }
        b.attribute("aria-label", title)
        b.raw("><title>")
        b.text(title)
        b.raw("</title><style>svg.line text{font:11px sans-serif;fill:#222}svg.line .axis{stroke:#999}</style>")
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let y = Self.plot.y + (1 - tick) * Self.plot.height
            b.raw("<line class=\"axis\"")
            b.attribute("x1", Self.plot.x)
            b.attribute("x2", Self.plot.x + Self.plot.width)
            b.attribute("y1", y)
            b.attribute("y2", y)
            b.raw("/><text text-anchor=\"end\"")
            b.attribute("x", Self.plot.x - 4)
            b.attribute("y", y + 4)
            b.raw(">")
            b.text(valueText(tick))
            b.raw("</text>")
        }
        for year in years {
            let x = point(year: year, value: 0).x
            b.raw("<text text-anchor=\"middle\"")
            b.attribute("x", x)
            b.attribute("y", Self.plot.y + Self.plot.height + 16)
            b.raw(">")
            b.text(String(year))
            b.raw("</text>")
        }
        for (index, line) in series.enumerated() {
            let colour = Self.colours[index % Self.colours.count]
            let coordinates = line.points.map { point(year: $0.year, value: $0.value) }
            b.raw("<polyline fill=\"none\" stroke-width=\"2\"")
            b.attribute("stroke", colour)
            b.attribute("stroke-dasharray", Self.dashes[index % Self.dashes.count])
            b.attribute("points", coordinates.map { "\(HTMLBuilder.coordinate($0.x)),\(HTMLBuilder.coordinate($0.y))" }.joined(separator: " "))
            b.raw("/>")
            for p in coordinates {
                b.raw("<circle r=\"3\"")
                b.attribute("cx", p.x)
                b.attribute("cy", p.y)
                b.attribute("fill", colour)
                b.raw("/>")
            }
            let legendY = 222 + Double(index) * 14
            b.raw("<line stroke-width=\"2\"")
            b.attribute("stroke", colour)
            b.attribute("stroke-dasharray", Self.dashes[index % Self.dashes.count])
            b.attribute("x1", Self.plot.x)
            b.attribute("x2", Self.plot.x + 24)
            b.attribute("y1", legendY - 4)
            b.attribute("y2", legendY - 4)
            b.raw("/><text")
            b.attribute("x", Self.plot.x + 30)
            b.attribute("y", legendY)
            b.raw(">")
            b.text(line.name)
            b.raw("</text>")
        }
        b.raw("</svg>")
        return b.result
    }
}

/// A tile map: one square per unit at its hand-placed grid position, coloured by value, with the
/// unit's short name and value printed on it.
public struct TileMap {
    public struct Tile: Sendable, Hashable {
        public var code: String
        public var name: String
        public var column: Int
        public var row: Int
        public var value: Double?
        public var link: String?

        public init(code: String, name: String, column: Int, row: Int, value: Double?, link: String? = nil) {
            self.code = code
            self.name = name
            self.column = column
            self.row = row
            self.value = value
            self.link = link
        }
    }

    public var title: String
    public var tiles: [Tile]
    public var valueText: (Double?) -> String
    static let size = 64.0

    public init(title: String, tiles: [Tile], valueText: @escaping (Double?) -> String) {
        self.title = title
        self.tiles = tiles
        self.valueText = valueText
    }

    /// The colour position of a value: the range of the values shown is stretched over the scale.
    public func fraction(of value: Double) -> Double {
        let values = tiles.compactMap(\.value)
        guard let low = values.min(), let high = values.max(), high > low else { return 0.5 }
        return (value - low) / (high - low)
    }

    /// The top-left corner of a tile.
    public func origin(of tile: Tile) -> (x: Double, y: Double) {
        (Double(tile.column) * Self.size, Double(tile.row) * Self.size)
    }

    public func svg(standalone: Bool = false) -> SafeMarkup {
        let columns = (tiles.map(\.column).max() ?? 0) + 1
        let rows = (tiles.map(\.row).max() ?? 0) + 1
        var b = HTMLBuilder()
        b.raw("<svg")
        if standalone { b.raw(" xmlns=\"http://www.w3.org/2000/svg\"") }
        b.attribute("viewBox", "0 0 \(HTMLBuilder.coordinate(Double(columns) * Self.size)) \(HTMLBuilder.coordinate(Double(rows) * Self.size))")
        b.raw(" role=\"img\" class=\"chart tilemap\"")
        if !standalone { b.attribute("style", ChartSizing.style(viewBoxWidth: Double(columns) * Self.size, smallestFont: 9)) }
        b.attribute("aria-label", title)
        b.raw("><title>")
        b.text(title)
        b.raw("</title><style>svg.tilemap text{font:9px sans-serif}svg.tilemap .v{font-weight:bold}</style>")
        for tile in tiles.sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
            let (x, y) = origin(of: tile)
            let fill = tile.value.map { ColourScale.colour(fraction(of: $0)) } ?? "#dddddd"
            let ink = tile.value.map { ColourScale.textColour(fraction(of: $0)) } ?? "#111111"
            if let link = tile.link {
                b.raw("<a")
                b.attribute("href", link)
                b.raw(">")
            }
            b.raw("<g><title>")
            b.text("\(tile.name): \(valueText(tile.value))")
            b.raw("</title><rect")
            b.attribute("x", x + 1)
            b.attribute("y", y + 1)
            b.attribute("width", Self.size - 2)
            b.attribute("height", Self.size - 2)
            b.attribute("fill", fill)
            b.raw(" rx=\"4\"/>")
            for (offset, line) in Self.wrap(tile.name).enumerated() {
                b.raw("<text text-anchor=\"middle\"")
                b.attribute("x", x + Self.size / 2)
                b.attribute("y", y + 18 + Double(offset) * 11)
                b.attribute("fill", ink)
                b.raw(">")
                b.text(line)
                b.raw("</text>")
            }
            b.raw("<text class=\"v\" text-anchor=\"middle\"")
            b.attribute("x", x + Self.size / 2)
            b.attribute("y", y + Self.size - 9)
            b.attribute("fill", ink)
            b.raw(">")
            b.text(valueText(tile.value))
            b.raw("</text></g>")
            if tile.link != nil { b.raw("</a>") }
        }
        b.raw("</svg>")
        return b.result
    }

    /// A name on at most two lines of about 11 characters.
    static func wrap(_ name: String) -> [String] {
        guard name.count > 11 else { return [name] }
        let words = name.split(separator: " ")
        var first = ""
        var index = 0
        while index < words.count, (first + " " + words[index]).count <= 12 || first.isEmpty {
            first += (first.isEmpty ? "" : " ") + words[index]
            index += 1
        }
        let rest = words[index...].joined(separator: " ")
        return rest.isEmpty ? [first] : [first, rest.count > 12 ? String(rest.prefix(11)) + "…" : rest]
    }
}

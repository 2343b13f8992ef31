import DTICore

/// A map of a unit set drawn from its boundaries (`UnitMap`), as inline SVG. Two uses:
/// - `.values`: each unit filled by its class (quantiles, viridis), a legend with the class bounds
///   and a "no data" entry, a `<title>` on every unit (name, value, rank) so a hover shows it;
/// - `.locator`: the units of a profile or a comparison highlighted on a plain map.
/// Both draw the Hoàng Sa and Trường Sa archipelagos in place, in the colour of the unit that
/// administers them, with their names written beside them.
public struct ChoroplethMap {
    public struct Area: Sendable, Hashable {
        public var name: String
        public var value: Double?
        public var rank: Int?
        /// The page of the unit (without extension).
        public var page: String?

        public init(name: String, value: Double?, rank: Int?, page: String?) {
            self.name = name
            self.value = value
            self.rank = rank
            self.page = page
        }
    }

    /// Words a map needs, in the report's language.
    public struct Labels: Sendable {
        /// Each archipelago's label by its `archipelago` property, as lines, e.g. ["Quần đảo", "Hoàng Sa"].
        public var archipelagos: [String: [String]]
        public var noData: String
        public var rank: String
        public var administeredBy: String
        /// The word before a class's upper bound, which the class does not include ("under", "dưới").
        public var under: String
        /// The label of the enlarged panel, which says where its area lies on the map.
        public var zoom: String

        public init(
            archipelagos: [String: [String]], noData: String, rank: String, administeredBy: String, under: String = "under",
            zoom: String = "Enlarged: the dashed box"
        ) {
            self.archipelagos = archipelagos
            self.noData = noData
            self.rank = rank
            self.administeredBy = administeredBy
            self.under = under
            self.zoom = zoom
        }
    }

    public enum Style: Sendable {
        case values
        /// The codes to highlight.
        case locator(Set<String>)
    }

    public var title: String
    /// The map, projected and simplified for this style's size.
    public var drawing: MapDrawing
    public var map: UnitMap { drawing.map }
    /// Areas by unit code; a unit of the map without an area is drawn as having no data.
    public var areas: [String: Area]
    public var style: Style
    public var labels: Labels
    public var valueText: (Double?) -> String
    /// A locator's units as drawn unhighlighted, written once by `preparedLocator()` for the
    /// thousands of profiles that share a locator: each then writes only its own units anew.
    var plainUnits: PlainUnits?
    /// The same for the locator saved as an image (`interactive` false).
    var imagePlainUnits: PlainUnits?
    /// Whether units carry their links and hover titles: not on a locator saved as an image (the
    /// Markdown pages' charts), where neither works and they would double the file.
    var interactive = true

    /// The markup of each unhighlighted unit: in place by shape index, in a panel by the panel's
    /// index in the drawing and the path's position in it.
    struct PlainUnits {
        var inPlace: [Int: SafeMarkup] = [:]
        var panels: [[SafeMarkup]] = []
    }

    public init(
        title: String, map: UnitMap, areas: [String: Area], style: Style, labels: Labels, valueText: @escaping (Double?) -> String
    ) {
        let drawing: MapDrawing = if case .locator = style { .locator(map) } else { .full(map) }
        self.init(title: title, drawing: drawing, areas: areas, style: style, labels: labels, valueText: valueText)
    }

    /// A map drawn from outlines computed once (`MapDrawing`), for many pages.
    public init(
        title: String, drawing: MapDrawing, areas: [String: Area], style: Style, labels: Labels, valueText: @escaping (Double?) -> String
    ) {
        self.title = title
        self.drawing = drawing
        self.areas = areas
        self.style = style
        self.labels = labels
        self.valueText = valueText
    }

    static let missingFill = "#f2f2f2"
    public static let highlightFill = "#b5179e"
    static let plainFill = "#d4d4d4"

    /// The classes of the values shown: five quantile classes (none on a locator, which shows no
    /// values: sorting 3,321 of them for every profile's locator would cost more than drawing it).
    public var classes: ClassBreaks { ClassBreaks(isLocator ? [] : areas.values.compactMap(\.value), count: 5) }

    /// The colour of class `index` of `count`: evenly spaced on the viridis scale, lightest last.
    static func classColour(_ index: Int, of count: Int) -> String {
        ColourScale.colour(count <= 1 ? 0.5 : Double(index) / Double(count - 1))
    }

    /// The fill of a unit: its class colour, the highlight, or the no-data fill.
    func fill(code: String, classes: ClassBreaks) -> String {
        switch style {
        case let .locator(highlighted): return highlighted.contains(code) ? Self.highlightFill : Self.plainFill
        case .values:
            guard let value = areas[code]?.value, let index = classes.index(of: value) else { return Self.missingFill }
            return Self.classColour(index, of: classes.count)
        }
    }

    var isLocator: Bool { if case .locator = style { true } else { false } }

    var width: Double { drawing.width }
    var fontSize: Double { isLocator ? 14 : 17 }

    /// The panels this map shows: every inset; the zoom on a value map, and on a locator only when
    /// a highlighted unit is in it (elsewhere it would enlarge what the page is not about).
    var shownPanels: [Int] {
        drawing.panels.indices.filter { index in
            let panel = drawing.panels[index]
            guard panel.kind == .zoom, case let .locator(highlighted) = style else { return true }
            return panel.paths.contains { highlighted.contains(map.shapes[$0.shape].code) }
        }
    }

    /// This locator with every unit's unhighlighted markup written once, to be highlighted for
    /// each profile by `highlighting(_:title:)`.
    public func preparedLocator() -> ChoroplethMap {
        var plain = self
        plain.style = .locator([])
        plain.plainUnits = plain.unhighlightedUnits()
        plain.interactive = false
        plain.imagePlainUnits = plain.unhighlightedUnits()
        plain.interactive = true
        return plain
    }

    /// Every unit's markup as this map writes it unhighlighted.
    private func unhighlightedUnits() -> PlainUnits {
        var units = PlainUnits()
        let classes = self.classes
        for (index, shape) in map.shapes.enumerated() where shape.archipelago == nil && !drawing.paths[index].isEmpty {
            var b = HTMLBuilder()
            write(shape, path: drawing.paths[index], classes: classes, to: &b)
            units.inPlace[index] = b.result
        }
        units.panels = drawing.panels.map { panel in
            panel.paths.map { index, path in
                var b = HTMLBuilder()
                write(map.shapes[index], path: path, classes: classes, to: &b)
                return b.result
            }
        }
        return units
    }

    /// This locator with `codes` highlighted, under `title` (its prepared units kept).
    public func highlighting(_ codes: Set<String>, title: String) -> ChoroplethMap {
        var copy = self
        copy.style = .locator(codes)
        copy.title = title
        return copy
    }

    /// The unit's markup prepared unhighlighted, when this is a prepared locator and the unit is
    /// not highlighted on it.
    private func plain(_ code: String, _ markup: SafeMarkup?) -> SafeMarkup? {
        guard let markup, case let .locator(highlighted) = style, !highlighted.contains(code) else { return nil }
        return markup
    }

    public func svg(standalone: Bool = false) -> SafeMarkup {
        if standalone, isLocator, interactive {
            var image = self
            image.interactive = false
            image.plainUnits = imagePlainUnits
            return image.svg(standalone: true)
        }
        let projection = drawing.projection
        let classes = self.classes
        let shown = shownPanels
        let panels = shown.map { drawing.panels[$0] }
        let placement = drawing.placement(showing: panels)
        let legendRows = isLocator ? 0 : (classes.count + 2) / 2
        let legendTop = placement.height + 6
        let height = placement.height + (legendRows > 0 ? Double(legendRows) * 24 + 10 : 0)
        var b = HTMLBuilder()
        b.raw("<svg")
        if standalone { b.raw(" xmlns=\"http://www.w3.org/2000/svg\"") }
        b.attribute("viewBox", "0 0 \(HTMLBuilder.coordinate(width)) \(HTMLBuilder.coordinate(height))")
        b.raw(isLocator ? " role=\"img\" class=\"chart map locator\"" : " role=\"img\" class=\"chart map\"")
        b.attribute("aria-label", title)
        b.raw("><title>")
        b.text(title)
        b.raw("</title><style>svg.map path{stroke:#ffffff;stroke-width:.6;stroke-linejoin:round}svg.map text{font-family:sans-serif;fill:#1a1a1a}")
        b.raw("svg.map .arch{stroke:#555555;stroke-width:.4}svg.map .lab{font-style:italic}")
        if !panels.isEmpty {
            b.raw("svg.map .frame{fill:#eef4fa;stroke:#777777;stroke-width:.8}")
            b.raw("svg.map .zoombox{fill:none;stroke:#1a1a1a;stroke-width:1.2;stroke-dasharray:4 3}")
        }
        if !drawing.markers.isEmpty { b.raw("svg.map circle{stroke:#1a1a1a;stroke-width:1.2}") }
        b.raw("</style>")
        b.raw("<rect width=\"100%\" height=\"100%\" fill=\"#eef4fa\"/>")
        let shapes = map.shapes.enumerated()
        for (index, shape) in shapes where shape.archipelago == nil && !drawing.paths[index].isEmpty {
            if let markup = plain(shape.code, plainUnits?.inPlace[index]) {
                b.append(markup)
            } else {
                write(shape, path: drawing.paths[index], classes: classes, to: &b)
            }
        }
        for (index, shape) in shapes where shape.archipelago != nil {
            write(shape, path: drawing.paths[index], classes: classes, to: &b)
            writeLabel(of: shape, key: shape.archipelago ?? "", projection: projection, to: &b)
        }
        // A unit that is an archipelago (the Hoàng Sa and Trường Sa special zones among the
        // country's communes), drawn in place, is named as the provinces' maps name it.
        for (index, shape) in shapes where shape.archipelago == nil && labels.archipelagos[shape.name] != nil && !drawing.paths[index].isEmpty {
            writeLabel(of: shape, key: shape.name, projection: projection, to: &b)
        }
        for marker in drawing.markers {
            guard let shape = map.shapes.first(where: { $0.code == marker.code }) else { continue }
            writeMarker(shape, at: (marker.x, marker.y), classes: classes, to: &b)
        }
        for (index, frame) in zip(shown, placement.frames) {
            writePanel(drawing.panels[index], plain: plainUnits?.panels[index], at: frame, classes: classes, to: &b)
        }
        if legendRows > 0 { writeLegend(classes: classes, top: legendTop, to: &b) }
        b.raw("</svg>")
        return b.result
    }

    /// A panel: its label, its frame, and its shapes in it (clipped to the frame for a zoom, whose
    /// edges cut through units); a zoom's box is also outlined on the main drawing.
    private func writePanel(
        _ panel: MapDrawing.Panel, plain prepared: [SafeMarkup]?, at frame: (x: Double, y: Double, centre: Double), classes: ClassBreaks,
        to b: inout HTMLBuilder
    ) {
        let label: String
        switch panel.kind {
        case .zoom: label = labels.zoom
        case let .inset(index):
            let names = drawing.layout.insets[index].codes.map { code in areas[code]?.name ?? map.shapes.first { $0.code == code }?.name ?? code }
            let room = Int(panel.share * width / (fontSize * 0.55))
            let all = names.joined(separator: ", ")
            label = all.count <= room || names.count == 1 ? all : "\(names[0]), …"
        }
        if let outline = panel.outline {
            b.raw("<rect class=\"zoombox\"")
            b.attribute("x", outline.x)
            b.attribute("y", outline.y)
            b.attribute("width", outline.width)
            b.attribute("height", outline.height)
            b.raw("/>")
        }
        b.raw("<text text-anchor=\"middle\"")
        b.attribute("font-size", fontSize)
        b.attribute("x", frame.centre)
        b.attribute("y", frame.y - 6)
        b.raw(">")
        b.text(label)
        b.raw("</text><g")
        b.attribute("transform", "translate(\(HTMLBuilder.coordinate(frame.x)) \(HTMLBuilder.coordinate(frame.y)))")
        b.raw("><rect class=\"frame\"")
        b.attribute("width", panel.projection.width)
        b.attribute("height", panel.projection.height)
        b.raw("/>")
        let clip = "zoom-\(Int(width))"
        if panel.kind == .zoom {
            b.raw("<clipPath")
            b.attribute("id", clip)
            b.raw("><rect")
            b.attribute("width", panel.projection.width)
            b.attribute("height", panel.projection.height)
            b.raw("/></clipPath><g")
            b.attribute("clip-path", "url(#\(clip))")
            b.raw(">")
        }
        for (position, (index, path)) in panel.paths.enumerated() {
            if let markup = plain(map.shapes[index].code, prepared?[position]) {
                b.append(markup)
            } else {
                write(map.shapes[index], path: path, classes: classes, to: &b)
            }
        }
        if panel.kind == .zoom { b.raw("</g>") }
        b.raw("</g>")
    }

    /// A circle where a unit too small to see lies, in its fill, so it can be seen and pointed at.
    private func writeMarker(_ shape: UnitShape, at point: (x: Double, y: Double), classes: ClassBreaks, to b: inout HTMLBuilder) {
        let area = areas[shape.code]
        let link = interactive ? area?.page : nil
        if let link {
            b.raw("<a")
            b.attribute("href", link + ".html")
            b.raw(">")
        }
        b.raw("<circle r=\"5\"")
        b.attribute("cx", point.x)
        b.attribute("cy", point.y)
        b.attribute("data-code", shape.code)
        b.attribute("fill", fill(code: shape.code, classes: classes))
        guard interactive else { return b.raw("/>") }
        b.raw("><title>")
        b.text(tooltip(shape, area: area))
        b.raw("</title></circle>")
        if link != nil { b.raw("</a>") }
    }

    private func write(_ shape: UnitShape, path: String, classes: ClassBreaks, to b: inout HTMLBuilder) {
        let area = areas[shape.code]
        let link = shape.archipelago == nil && interactive ? area?.page : nil
        if let link {
            b.raw("<a")
            b.attribute("href", link + ".html")
            b.raw(">")
        }
        b.raw("<path")
        if shape.archipelago != nil { b.raw(" class=\"arch\"") }
        b.attribute("data-code", shape.code)
        b.attribute("fill", fill(code: shape.code, classes: classes))
        b.raw(" fill-rule=\"evenodd\"")
        b.pathData(path)
        guard interactive else { return b.raw("/>") }
        b.raw("><title>")
        b.text(tooltip(shape, area: area))
        b.raw("</title></path>")
        if link != nil { b.raw("</a>") }
    }

    private func tooltip(_ shape: UnitShape, area: Area?) -> String {
        let name = area?.name ?? shape.name
        if let archipelago = shape.archipelago {
            let label = (labels.archipelagos[archipelago] ?? [archipelago]).joined(separator: " ")
            return "\(label) (\(labels.administeredBy) \(name))"
        }
        guard let area, area.value != nil else { return "\(name): — \(labels.noData)" }
        return "\(name): \(valueText(area.value))" + (area.rank.map { " (\(labels.rank) \($0))" } ?? "")
    }

    /// The archipelago's name in lines, to the right of its islands (left when there is no room).
    private func writeLabel(of shape: UnitShape, key archipelago: String, projection: MapProjection, to b: inout HTMLBuilder) {
        let lines = labels.archipelagos[archipelago] ?? [archipelago]
        var box = (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity)
        for polygon in shape.polygons {
            for point in polygon.first ?? [] {
                let (x, y) = projection.project(point)
                box = (min(box.minX, x), min(box.minY, y), max(box.maxX, x), max(box.maxY, y))
            }
        }
        guard box.minX.isFinite else { return }
        let lineHeight = fontSize * 1.15
        let estimatedWidth = Double(lines.map(\.count).max() ?? 0) * fontSize * 0.55
        // Above the islands, centred on them, moved in from the edges of the drawing.
        let top = box.minY - lineHeight * Double(lines.count) - 2
        let centre = min(max((box.minX + box.maxX) / 2, estimatedWidth / 2 + 4), width - estimatedWidth / 2 - 4)
        b.raw("<text class=\"lab\" text-anchor=\"middle\"")
        b.attribute("font-size", fontSize)
        b.attribute("data-archipelago", archipelago)
        b.raw(">")
        for (index, line) in lines.enumerated() {
            if index > 0 { b.raw(" ") }
            b.raw("<tspan")
            b.attribute("x", centre)
            b.attribute("y", max(top, lineHeight) + lineHeight * Double(index + 1) - 3)
            b.raw(">")
            b.text(line)
            b.raw("</tspan>")
        }
        b.raw("</text>")
    }

    /// Class swatches with their bounds, two per row, then "no data". Classes are half-open, so
    /// each but the last says its upper bound is not in it ("0,7028 – dưới 0,7450"): a value on a
    /// boundary belongs to the class that starts there.
    private func writeLegend(classes: ClassBreaks, top: Double, to b: inout HTMLBuilder) {
        var entries: [(fill: String, text: String)] = (0..<classes.count).map { index in
            let lower = classes.bounds[index]
            let upper = classes.bounds[index + 1]
            let isLast = index == classes.count - 1
            return (
                Self.classColour(index, of: classes.count), "\(valueText(lower)) – \(isLast ? "" : labels.under + " ")\(valueText(upper))"
            )
        }
        entries.append((Self.missingFill, "— \(labels.noData)"))
        let column = (width - 12) / 2
        for (index, entry) in entries.enumerated() {
            let x = 6 + Double(index % 2) * column
            let y = top + Double(index / 2) * 24
            b.raw("<rect width=\"20\" height=\"16\" stroke=\"#888888\" stroke-width=\".5\"")
            b.attribute("x", x)
            b.attribute("y", y)
            b.attribute("fill", entry.fill)
            b.raw("/><text font-size=\"15\"")
            b.attribute("x", x + 26)
            b.attribute("y", y + 13.5)
            b.raw(">")
            b.text(entry.text)
            b.raw("</text>")
        }
    }
}

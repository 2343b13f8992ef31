/// Markup that is known to be safe: it can only be made by `HTMLBuilder`, which escapes every
/// dynamic string. This is the one place where data meet HTML and SVG.
public struct SafeMarkup: Sendable, Hashable {
    public fileprivate(set) var markup: String
}

/// Writes HTML and SVG. Literal markup must be a `StaticString` (written in the source code);
/// everything else, such as a province name, goes through `text` or `attribute` and is escaped,
/// so a name containing `<script>` or quotes can only ever render as text.
public struct HTMLBuilder: Sendable {
    private var output = ""

    public init() {}

    /// The markup written so far.
    public var result: SafeMarkup { SafeMarkup(markup: output) }

    /// Literal markup from the source code.
    public mutating func raw(_ markup: StaticString) { output += markup.description }

    /// Escaped text.
    public mutating func text(_ text: String) { output += Self.escape(text) }

    /// ` name="value"` with the value escaped.
    public mutating func attribute(_ name: StaticString, _ value: String) {
        output += " \(name.description)=\"\(Self.escape(value))\""
    }

    /// ` d="M1 2 3 4Z"`: SVG path data made by `MapProjection` from numbers alone ("M", "Z",
    /// digits, '.', '-' and spaces), written without the scan for characters to escape: the maps'
    /// outlines are most of a commune report's bytes. Checked in debug builds (the tests').
    mutating func pathData(_ d: String) {
        assert(d.utf8.allSatisfy { $0 == 0x4D || $0 == 0x5A || $0 == 0x20 || $0 == 0x2E || $0 == 0x2D || (0x30...0x39).contains($0) })
        output += " d=\""
        output += d
        output += "\""
    }

    /// ` name="1.5"`: a coordinate, with one decimal, the same on every machine.
    public mutating func attribute(_ name: StaticString, _ value: Double) {
        output += " \(name.description)=\"\(Self.coordinate(value))\""
    }

    /// `<script type="application/json" id="…">` holding `value`. `JSONValue` writes `<` as
    /// `\u003c`, so no string in the data can close the element or open a comment.
    public mutating func jsonScript(id: StaticString, _ value: JSONValue) {
        output += "<script type=\"application/json\" id=\"\(id.description)\">"
        output += value.serialized()
        output += "</script>"
    }

    /// `<script>…</script>` holding a script of the package's own, compiled into the binary from
    /// its file (`.embedInCode` in Package.swift): source code, as `raw`'s literals are. Internal,
    /// so nothing from outside this module can pass text here.
    mutating func script(embedded bytes: [UInt8]) {
        let source = String(decoding: bytes, as: UTF8.self)
        precondition(!source.lowercased().contains("</script"), "an embedded script must not close its own element")
        output += "<script>" + source + "</script>"
    }

    /// Markup made by another builder.
    public mutating func append(_ markup: SafeMarkup) { output += markup.markup }

    /// `<tag class="…">text</tag>` in one call.
    public mutating func element(_ tag: StaticString, _ text: String, class className: String? = nil) {
        output += "<\(tag.description)"
        if let className { attribute("class", className) }
        output += ">"
        self.text(text)
        output += "</\(tag.description)>"
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`: safe in text and in quoted attributes.
    public static func escape(_ text: String) -> String {
        // Most text (numbers, SVG paths, most names) has nothing to escape: return it as it is.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A number for SVG geometry: one decimal, `.` as the mark, no `-0.0`.
    public static func coordinate(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}

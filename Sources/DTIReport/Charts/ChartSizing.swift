/// How small a chart may be drawn on a page: never so small that its text reads below 11 CSS
/// pixels (an SVG is scaled to its box, so a 520-unit chart with 12-unit text shrinks to 8 px on
/// a 390 px phone). Each chart declares the width below which that would happen, as the custom
/// property `--min-width` the page's style turns into a `min-width` on screens (the figure then
/// scrolls sideways inside the page, as a wide table does); print and standalone files ignore it.
enum ChartSizing {
    /// The smallest text a reader is given, in CSS pixels.
    static let smallestText = 11.0

    /// The `style` attribute value for a chart `viewBoxWidth` units wide whose smallest text is
    /// `smallestFont` units.
    static func style(viewBoxWidth: Double, smallestFont: Double) -> String {
        let width = (viewBoxWidth * smallestText / smallestFont).rounded(.up)
        return "--min-width:\(Int(width))px"
    }
}

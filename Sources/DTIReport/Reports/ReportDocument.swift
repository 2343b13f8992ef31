/// A report page as content, independent of format: the HTML and Markdown renderers draw the same
/// document, so both formats always carry the same figures.
public struct ReportDocument {
    /// The page's file name without extension, e.g. `national`, `profile-27`.
    public var name: String
    public var title: String
    public var blocks: [ReportBlock]

    public init(name: String, title: String, blocks: [ReportBlock]) {
        self.name = name
        self.title = title
        self.blocks = blocks
    }
}

/// One block of a page.
public enum ReportBlock {
    case heading(String, level: Int)
    case paragraph(String)
    /// A statement that must stand out (sample data, provisional framework).
    case banner(String)
    case table(ReportTable)
    /// A chart with its title; `id` names its .svg file beside a Markdown page.
    case chart(id: String, svg: (Bool) -> SafeMarkup, caption: String)
    /// Links to other pages: text and page name (without extension).
    case links([(text: String, page: String)])
    /// Blocks side by side where the page is wide enough (a map and its table), one after the
    /// other where it is not and in Markdown.
    case beside([ReportBlock])
    /// The sandbox where a reader tries other weights (HTML only: it needs a script).
    case sandbox(Sandbox)
}

/// A table with header cells; the first column holds row headers.
public struct ReportTable {
    public var header: [String]
    public var rows: [[ReportCell]]
    /// Columns holding numbers: right-aligned, sorted numerically.
    public var numericColumns: Set<Int>
    /// Whether the inline script may sort it (the page reads the same without it).
    public var isSortable: Bool
    /// Whether it is a grid of many narrow columns (a heat map, a correlation matrix), set smaller
    /// so that it fits its box on a wide screen.
    public var isCompact: Bool

    public init(header: [String], rows: [[ReportCell]], numericColumns: Set<Int> = [], isSortable: Bool = false, isCompact: Bool = false) {
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
        self.isSortable = isSortable
        self.isCompact = isCompact
    }
}

/// A table cell: text, an optional link to another page, a mark for the best of its row, and a
/// background colour for heat maps.
public struct ReportCell {
    public var text: String
    public var page: String?
    public var isBest: Bool
    /// A fraction in [0, 1] for a heat-map colour.
    public var heat: Double?
    /// The exact value, for numeric sorting.
    public var sortValue: Double?
    /// A longer explanation shown on hover (HTML `title`), e.g. why a value is missing.
    public var note: String?
    /// Whether the cell stands for a value that was not given (drawn hatched, never coloured).
    public var isMissing = false
    /// Whether the text may wrap onto several lines (flags, notes), so a long one does not widen
    /// the table past its box.
    public var wraps = false
    /// A rank interval drawn as a dot and whisker in HTML (the text says it in words).
    public var interval: (low: Int, median: Int, high: Int, worst: Int)?

    public init(_ text: String, page: String? = nil, isBest: Bool = false, heat: Double? = nil, sortValue: Double? = nil) {
        self.text = text
        self.page = page
        self.isBest = isBest
        self.heat = heat
        self.sortValue = sortValue
    }
}

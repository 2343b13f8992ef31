/// A sheet to write: rows of typed cells, a frozen header, column widths and input rules.
public struct Worksheet: Sendable {
    /// The tab's name (at most 31 characters; `[]:*?/\` are replaced, as Excel forbids them).
    public var name: String
    /// The rows, top to bottom; the first `frozenRows` stay in view when scrolling.
    public var rows: [[OutputCell]]
    /// Rows kept in view at the top (the header).
    public var frozenRows: Int
    /// Column widths in characters, from column A; columns beyond get the default width.
    public var columnWidths: [Double]
    /// Rules the cells accept (Excel's data validation).
    public var validations: [DataValidation]
    /// A sheet kept out of the tabs (what a program records for itself, such as a template's edition).
    public var isHidden: Bool

    /// Creates a sheet.
    public init(
        name: String, rows: [[OutputCell]], frozenRows: Int = 1, columnWidths: [Double] = [], validations: [DataValidation] = [],
        isHidden: Bool = false
    ) {
        self.name = name
        self.rows = rows
        self.frozenRows = frozenRows
        self.columnWidths = columnWidths
        self.validations = validations
        self.isHidden = isHidden
    }
}

/// One cell to write.
public enum OutputCell: Sendable, Hashable {
    /// Nothing.
    case empty
    /// Text, stored as text.
    case text(String)
    /// Bold text, for a header.
    case heading(String)
    /// A number stored as a number and shown with `format`.
    case number(Double, NumberFormat)

    /// How a number is shown; the value is always stored at full precision.
    public enum NumberFormat: Sendable, Hashable {
        /// `0.0000`: DTI scores as published.
        case fourDecimals
        /// `0`: ranks, years, counts.
        case integer
        /// As typed.
        case general
    }
}

/// A rule for the cells of `ranges`: a number between bounds, a whole number, or one of a list.
public struct DataValidation: Sendable, Hashable {
    /// What the cells accept.
    public enum Rule: Sendable, Hashable {
        /// A decimal number in `minimum…maximum`.
        case decimal(minimum: Double, maximum: Double)
        /// A whole number in `minimum…maximum`.
        case whole(minimum: Int, maximum: Int)
        /// One of these words (no commas in them).
        case list([String])
    }

    /// The rule.
    public var rule: Rule
    /// The cells, e.g. `H2:H40`.
    public var ranges: [CellRange]
    /// Whether an empty cell is accepted.
    public var allowsBlank: Bool
    /// The message shown when a value breaks the rule (title and text).
    public var errorTitle: String
    public var errorMessage: String
    /// The message shown when a cell is selected, if any.
    public var prompt: String?

    /// Creates a rule.
    public init(
        _ rule: Rule, ranges: [CellRange], allowsBlank: Bool = true, errorTitle: String, errorMessage: String, prompt: String? = nil
    ) {
        self.rule = rule
        self.ranges = ranges
        self.allowsBlank = allowsBlank
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
        self.prompt = prompt
    }
}

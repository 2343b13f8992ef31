/// How much of a workbook dti is willing to read. A workbook is a ZIP of XML parts, so a few
/// kilobytes on disk can claim gigabytes once inflated; every limit ends in a clear error, not in
/// memory running out.
public struct XLSXLimits: Sendable, Hashable {
    /// The most any one part (a sheet, the shared strings) may inflate to.
    public var maxPartBytes: Int
    /// The most all the parts read may inflate to together.
    public var maxTotalBytes: Int
    /// The highest row number a sheet may use.
    public var maxRows: Int
    /// The most entries the ZIP may list.
    public var maxEntries: Int

    /// Creates limits.
    public init(maxPartBytes: Int, maxTotalBytes: Int, maxRows: Int, maxEntries: Int) {
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRows = maxRows
        self.maxEntries = maxEntries
    }

    /// The defaults: a sheet part of up to 64 MiB and 250,000 rows. A national commune edition
    /// in the long layout is about 3,321 × 40 = 133,000 rows and about 10 MB of sheet XML.
    public static let standard = XLSXLimits(
        maxPartBytes: 64 << 20, maxTotalBytes: 192 << 20, maxRows: 250_000, maxEntries: 10_000)
}

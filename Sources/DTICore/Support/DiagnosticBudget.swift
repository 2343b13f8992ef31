/// Keeps the first few diagnostics of each kind and counts the rest, so that a file of a million
/// bad rows gives a readable list ("… and 999,900 more like this") in bounded memory, not a
/// million lines. A kind is a file, a severity and a message with its quoted parts and numbers
/// left out: "value 'abc' is not a number" and "value 'x1' is not a number" are one kind.
public struct DiagnosticBudget: Sendable {
    /// How many of one kind are kept.
    public let perKind: Int
    private var kept: [Diagnostic] = []
    private var kinds: [String: (index: Int, count: Int)] = [:]
    private var order: [String] = []

    /// A budget of `perKind` diagnostics of each kind.
    public init(perKind: Int = 100) {
        self.perKind = perKind
    }

    /// Keeps `diagnostic` if its kind has room, else counts it; says whether it was kept.
    @discardableResult
    public mutating func add(_ diagnostic: Diagnostic) -> Bool {
        let key = Self.kind(of: diagnostic)
        if let existing = kinds[key] {
            kinds[key] = (existing.index, existing.count + 1)
            guard existing.count < perKind else { return false }
            kept.append(diagnostic)
            return true
        }
        kinds[key] = (kept.count, 1)
        order.append(key)
        kept.append(diagnostic)
        return true
    }

    /// Keeps or counts each of `diagnostics`.
    public mutating func add(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    /// What was kept, in the order given, then a line for each kind that overflowed.
    public var diagnostics: [Diagnostic] {
        var result = kept
        for key in order {
            guard let kind = kinds[key], kind.count > perKind else { continue }
            let first = kept[kind.index]
            let more = kind.count - perKind
            var summary = Diagnostic(
                first.severity, first.key,
                Messages.Core.moreLikeThis(count: GroupedCount(more), first: first.wording),
                hint: Messages.Core.firstAreListedFixThose(perKind: perKind),
                at: first.location.map { SourceLocation(file: $0.file, sheet: $0.sheet) })
            summary.occurrences = more
            result.append(summary)
        }
        return result
    }

    /// How many diagnostics were given, kept or not.
    public var total: Int { kinds.values.reduce(0) { $0 + $1.count } }

    static func kind(of diagnostic: Diagnostic) -> String {
        // Byte by byte: this runs for every diagnostic of a file of a million bad rows.
        var key = Array((diagnostic.location?.file ?? "").utf8)
        key.append(0x1F)
        key += diagnostic.severity.rawValue.utf8
        key.append(0x1F)
        var inQuote = false
        for byte in diagnostic.message.utf8 {
            if byte == UInt8(ascii: "'") {
                inQuote.toggle()
                key.append(byte)
            } else if !inQuote, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                key.append(byte)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }
}

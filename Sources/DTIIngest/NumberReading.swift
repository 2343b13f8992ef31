import DTICore

/// Reads numbers as spreadsheets export them: `0.8253`, `56,83`, `1.417` (Vietnamese thousands),
/// `97%`, `1 350 000`, `1591/2003`.
///
/// Reading is two-step because `1.417` means 1417 in a Vietnamese file and 1.417 in an English
/// one: each cell is first analysed on its own (`analyse`), then the file's decimal mark is decided
/// from the cells that prove one (`convention`), and only then are values fixed (`value`). A cell
/// that stays ambiguous, or contradicts the file, is an error naming the cell: never a guess.
public enum NumberReading {
    /// What one cell says on its own.
    public enum Analysis: Sendable, Hashable {
        /// Not a number; the reason.
        case invalid(Wording)
        /// A number without a decimal or thousands separator: the same under either mark.
        case plain(Double)
        /// The separators prove the decimal mark, e.g. `56,83` or `1.350.000` (comma).
        case decided(DecimalMark, Double)
        /// One separator followed by three digits, e.g. `1.417`: 1.417 or 1417.
        case ambiguous(ifPoint: Double, ifComma: Double)

        /// The mark this cell proves, if any.
        public var evidence: DecimalMark? {
            if case let .decided(mark, _) = self { return mark }
            return nil
        }
    }

    /// A fraction `a/b` or a single number; `%` divides by 100.
    public static func analyse(_ text: String) -> Analysis {
        if let decided = plainDecimal(text) { return decided }
        return analyseInFull(text)
    }

    /// The common cell, `0.4872` or `56.83`, read without the general analysis (a third of an
    /// import's time on ten million values): ASCII digits, one point, and a number of digits after
    /// it other than three, so the point can only be a decimal mark. `nil` for anything else.
    static func plainDecimal(_ text: String) -> Analysis? {
        var before = 0
        var after = 0
        var seenPoint = false
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                if seenPoint { after += 1 } else { before += 1 }
            } else if byte == 0x2E, !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
        }
        guard seenPoint, before > 0, after > 0, after != 3, before + after <= 15, let value = Double(text) else { return nil }
        return .decided(.point, value)
    }

    /// `analyse` without the fast path for plain decimals: every form a cell may take.
    static func analyseInFull(_ text: String) -> Analysis {
        let trimmed = text.trimmingWhitespace()
        if let slash = trimmed.firstIndex(of: "/") {
            let numerator = analyse(String(trimmed[..<slash]))
            let denominator = analyse(String(trimmed[trimmed.index(after: slash)...]))
            let quotient =
                combine(numerator, denominator) { top, bottom in
                    bottom == 0 ? nil : top / bottom
                } ?? .invalid(Messages.Ingest.dividesByZero(trimmed: trimmed))
            // A chain of fractions (`12e307/907/0.02`) can overflow where each part did not.
            return finite(quotient, text: trimmed)
        }
        return withinRange(analyseNumber(trimmed), text: trimmed)
    }

    /// A fraction whose value no double holds is out of range.
    private static func finite(_ analysis: Analysis, text: String) -> Analysis {
        switch analysis {
        case let .plain(value) where value.isInfinite, let .decided(_, value) where value.isInfinite:
            return .invalid(
                Messages.Ingest.isOutOfRangeNo(text: text))
        case let .ambiguous(ifPoint, ifComma) where ifPoint.isInfinite || ifComma.isInfinite:
            return .invalid(
                Messages.Ingest.isOutOfRangeNo(text: text))
        default:
            return analysis
        }
    }

    /// A value no double holds is out of range, and a non-zero one that rounds to 0 too small:
    /// neither may pass as infinity or 0.
    private static func withinRange(_ analysis: Analysis, text: String) -> Analysis {
        let values: [Double]
        switch analysis {
        case .invalid: return analysis
        case let .plain(value), let .decided(_, value): values = [value]
        case let .ambiguous(ifPoint, ifComma): values = [ifPoint, ifComma]
        }
        if values.contains(where: \.isInfinite) {
            return .invalid(
                Messages.Ingest.isOutOfRangeNo(text: text))
        }
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        if values.contains(0), mantissa.contains(where: { $0 >= "1" && $0 <= "9" }) {
            return .invalid(Messages.Ingest.isTooSmallToStore(text: text))
        }
        return analysis
    }

    /// Decides a file's decimal mark from its cells: the mark more cells prove (ties: none).
    public static func convention(of analyses: [Analysis]) -> DecimalMark? {
        var evidence = DecimalEvidence()
        for analysis in analyses { evidence.add(analysis) }
        return evidence.mark
    }

    /// The value of a cell under the file's mark, or why it cannot be read.
    public static func value(_ analysis: Analysis, mark: DecimalMark?) -> Result<Double, ValueProblem> {
        switch analysis {
        case let .invalid(reason):
            return .failure(.invalid(reason))
        case let .plain(value):
            return .success(value)
        case let .decided(cellMark, value):
            guard let mark, cellMark != mark else { return .success(value) }
            return .failure(.contradicts(cellMark: cellMark, fileMark: mark))
        case let .ambiguous(ifPoint, ifComma):
            guard let mark else { return .failure(.ambiguous(ifPoint: ifPoint, ifComma: ifComma)) }
            return .success(mark == .point ? ifPoint : ifComma)
        }
    }

    /// Why a cell's value cannot be read.
    public enum ValueProblem: Error, Sendable, Hashable {
        case invalid(Wording)
        case contradicts(cellMark: DecimalMark, fileMark: DecimalMark)
        case ambiguous(ifPoint: Double, ifComma: Double)
    }

    private static func combine(_ lhs: Analysis, _ rhs: Analysis, _ operation: (Double, Double) -> Double?) -> Analysis? {
        switch (lhs, rhs) {
        case let (.invalid(reason), _), let (_, .invalid(reason)):
            return .invalid(reason)
        case let (.plain(a), .plain(b)):
            return operation(a, b).map(Analysis.plain)
        case let (.decided(mark, a), .plain(b)), let (.plain(a), .decided(mark, b)):
            return operation(a, b).map { .decided(mark, $0) }
        case let (.decided(m1, a), .decided(m2, b)):
            guard m1 == m2 else {
                return .invalid(
                    Messages.Ingest.twoNumbersOfFractionUse)
            }
            return operation(a, b).map { .decided(m1, $0) }
        default:
            // Ambiguity on either side: keep both readings.
            func reading(_ analysis: Analysis, _ mark: DecimalMark) -> Double? {
                try? value(analysis, mark: mark).get()
            }
            guard let aPoint = reading(lhs, .point), let bPoint = reading(rhs, .point),
                let aComma = reading(lhs, .comma), let bComma = reading(rhs, .comma),
                let ifPoint = operation(aPoint, bPoint), let ifComma = operation(aComma, bComma)
            else { return nil }
            return .ambiguous(ifPoint: ifPoint, ifComma: ifComma)
        }
    }

    private static func analyseNumber(_ text: String) -> Analysis {
        var body = Substring(text)
        let lowered = text.lowercased()
        if ["nan", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"].contains(lowered) {
            return .invalid(Messages.Ingest.isNotFiniteNumber(text: text))
        }
        var isPercent = false
        if body.hasSuffix("%") {
            body = body.dropLast()
            while body.last == " " { body = body.dropLast() }
            isPercent = true
        }
        var sign = 1.0
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        if body.isEmpty { return .invalid(Messages.Ingest.isNotNumber(text: text)) }

        // Exponent form from scripts, e.g. 1e-05: point only.
        if body.contains(where: { $0 == "e" || $0 == "E" }) {
            guard !body.contains(","), let value = PlainNumber.parse(String(body)) else {
                // `Double` reads an exponent too large for it as infinity: say so, not "not a number".
                if !body.contains(","), let huge = Double(String(body)), huge.isInfinite { return .plain(huge) }
                return .invalid(Messages.Ingest.isNotNumber(text: text))
            }
            return .plain(sign * (isPercent ? value / 100 : value))
        }

        // Letters or other signs: not a number, whatever spaces it has.
        let spaceLikeOrNumeric: (Character) -> Bool = {
            $0.isASCIIDigit || $0 == "." || $0 == "," || $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}"
        }
        guard body.allSatisfy(spaceLikeOrNumeric) else { return .invalid(Messages.Ingest.isNotNumber(text: text)) }

        // Spaces as thousands separators: 1 350 000 (also no-break and narrow no-break spaces).
        let spaceLike: Set<Character> = [" ", "\u{00A0}", "\u{202F}"]
        if body.contains(where: { spaceLike.contains($0) }) {
            let groups = body.split(omittingEmptySubsequences: false, whereSeparator: { spaceLike.contains($0) })
            let head = groups[0]
            let tail = groups.dropFirst()
            let headOK = (1...3).contains(head.count) && head.allSatisfy { $0.isASCIIDigit }
            let tailOK = tail.enumerated().allSatisfy { offset, group in
                let digits = group.prefix(3)
                guard digits.count == 3, digits.allSatisfy({ $0.isASCIIDigit }) else { return false }
                return group.count == 3 || (offset == tail.count - 1 && (group.dropFirst(3).first == "," || group.dropFirst(3).first == "."))
            }
            guard headOK, tailOK else {
                return .invalid(
                    Messages.Ingest.hasSpacesThatAreNot(text: text)
                )
            }
            body = groups.joined()[...]
        }

        guard body.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }) else {
            return .invalid(Messages.Ingest.isNotNumber(text: text))
        }
        guard let last = body.last, last.isASCIIDigit else { return .invalid(Messages.Ingest.isNotNumber(text: text)) }

        let points = body.filter { $0 == "." }.count
        let commas = body.filter { $0 == "," }.count
        // A percentage shifts the decimal exponent, so 60.63% is exactly the double nearest 0.6063
        // (multiplying by 0.01 would give 0.6063000000000001).
        func number(_ digits: String) -> Double? { Double(digits + (isPercent ? "e-2" : "")).map { sign * $0 } }
        func groupedCorrectly(_ text: Substring, separator: Character) -> Bool {
            let groups = text.split(separator: separator, omittingEmptySubsequences: false)
            return (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
        }

        switch (points, commas) {
        case (0, 0):
            return number(String(body)).map(Analysis.plain) ?? .invalid(Messages.Ingest.isNotNumber(text: text))
        case (_, 0) where points > 1, (0, _) where commas > 1:
            // Several of one mark: thousands separators, so the decimal mark is the other one.
            let separator: Character = points > 1 ? "." : ","
            guard groupedCorrectly(body, separator: separator) else {
                return .invalid(
                    Messages.Ingest.repeatsButNotInGroups(text: text, value: separator))
            }
            let mark: DecimalMark = separator == "." ? .comma : .point
            return number(body.filter { $0 != separator }).map { .decided(mark, $0) }
                ?? .invalid(Messages.Ingest.isNotNumber(text: text))
        case (1, 0), (0, 1):
            let separator: Character = points == 1 ? "." : ","
            let mark: DecimalMark = separator == "." ? .point : .comma
            let parts = body.split(separator: separator, omittingEmptySubsequences: false)
            let integer = parts[0]
            let fraction = parts[1]
            let asDecimal = number((integer.isEmpty ? "0" : String(integer)) + "." + fraction)
            let asThousands = number(String(integer) + fraction)
            guard let asDecimal else { return .invalid(Messages.Ingest.isNotNumber(text: text)) }
            if fraction.count != 3 || integer.isEmpty || integer.count > 3 || integer == "0" {
                return .decided(mark, asDecimal)
            }
            guard let asThousands else { return .invalid(Messages.Ingest.isNotNumber(text: text)) }
            return mark == .point
                ? .ambiguous(ifPoint: asDecimal, ifComma: asThousands)
                : .ambiguous(ifPoint: asThousands, ifComma: asDecimal)
        default:
            // Both marks: the last one is the decimal mark, used once; the other groups thousands.
            guard let lastMark = body.last(where: { $0 == "." || $0 == "," }) else {
                return .invalid(Messages.Ingest.isNotNumber(text: text))
            }
            let mark: DecimalMark = lastMark == "." ? .point : .comma
            let thousands = mark.other.character
            let decimalCount = lastMark == "." ? points : commas
            guard decimalCount == 1, let split = body.lastIndex(of: lastMark) else {
                return .invalid(
                    Messages.Ingest.mixesAndInWayNo(text: text))
            }
            let integerPart = body[..<split]
            guard integerPart.last != thousands, groupedCorrectly(integerPart, separator: thousands) else {
                return .invalid(
                    Messages.Ingest.mixesAndInWayNo(text: text))
            }
            let digits = integerPart.filter { $0 != thousands } + "." + body[body.index(after: split)...]
            return number(digits).map { .decided(mark, $0) } ?? .invalid(Messages.Ingest.isNotNumber(text: text))
        }
    }
}

/// Finds a unit from any common way of writing it: its code (`27`, `1` for `01`), its name with or
/// without diacritics, in NFC or NFD, with or without "TP."/"Thành phố"/"Tỉnh", in English, or an
/// alias such as the name dti.gov.vn prints ("Thừa Thiên - Huế").
public struct UnitMatcher: Sendable {
    /// Why a name could not be matched.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// No unit has that name; `suggestions` holds the closest names.
        case unknown(String, unitSetLabel: String, suggestions: [String])
        /// Several units have that name.
        case ambiguous(String, candidates: [String])

        public var description: String {
            switch self {
            case let .unknown(text, label, suggestions):
                let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
                return "unknown province '\(text)' among the \(label)\(hint)"
            case let .ambiguous(text, candidates):
                return "'\(text)' could be \(candidates.map { "'\($0)'" }.joined(separator: " or ")); write the code or the full name"
            }
        }
    }

    private static let prefixes = ["thanh pho ", "tp ", "tinh ", "province of ", "city of "]
    private static let suffixes = [" province", " city", " municipality"]

    /// The set being matched against.
    public let unitSet: UnitSet
    private let codesByKey: [String: [String]]
    private let suggestionKeys: [(key: String, code: String)]

    /// Indexes every spelling of every unit in `unitSet`.
    public init(_ unitSet: UnitSet) {
        self.unitSet = unitSet
        var codesByKey: [String: [String]] = [:]
        var suggestionKeys: [(String, String)] = []
        for unit in unitSet.units {
            let spellings = [unit.name, unit.fullName, unit.nameEN] + unit.aliases
            var keys: [String] = []
            for spelling in spellings {
                let key = Self.key(for: spelling)
                if !key.isEmpty, !keys.contains(key) { keys.append(key) }
            }
            for key in keys {
                codesByKey[key, default: []].append(unit.code)
                suggestionKeys.append((key, unit.code))
            }
        }
        self.codesByKey = codesByKey
        self.suggestionKeys = suggestionKeys
    }

    /// The folded form used for comparison: no diacritics, no administrative prefix or suffix.
    public static func key(for text: String) -> String {
        var folded = TextFolding.fold(text)
        for prefix in prefixes where folded.hasPrefix(prefix) {
            folded.removeFirst(prefix.count)
            break
        }
        for suffix in suffixes where folded.hasSuffix(suffix) {
            folded.removeLast(suffix.count)
            break
        }
        return folded
    }

    /// The unit written as `text`.
    public func match(_ text: String) -> Result<AdministrativeUnit, Failure> {
        let trimmed = text.trimmingWhitespace()
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) {
            let code = trimmed.count == 1 ? "0" + trimmed : trimmed
            if let unit = unitSet.unit(code: code) { return .success(unit) }
            return .failure(.unknown(trimmed, unitSetLabel: unitSet.label, suggestions: []))
        }
        let key = Self.key(for: trimmed)
        let codes = codesByKey[key] ?? []
        let unique = codes.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if unique.count == 1, let unit = unitSet.unit(code: unique[0]) { return .success(unit) }
        if unique.count > 1 {
            return .failure(.ambiguous(trimmed, candidates: unique.compactMap { unitSet.unit(code: $0).map { "\($0.name) (\($0.code))" } }))
        }
        return .failure(.unknown(trimmed, unitSetLabel: unitSet.label, suggestions: suggestions(for: key)))
    }

    private func suggestions(for key: String) -> [String] {
        let close = EditDistance.closest(to: key, among: suggestionKeys.map(\.key), limit: 6)
        var names: [String] = []
        for candidate in close {
            guard let code = suggestionKeys.first(where: { $0.key == candidate })?.code,
                let unit = unitSet.unit(code: code), !names.contains(unit.name)
            else { continue }
            names.append(unit.name)
        }
        return Array(names.prefix(3))
    }
}

extension Character {
    /// Whether this is one of `0`…`9` (not other scripts' digits, which `isNumber` accepts).
    public var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The string without leading and trailing white space (Foundation-free).
    public func trimmingWhitespace() -> String {
        // Most cells have nothing to trim: say so from their first and last bytes.
        if let head = utf8.first, let tail = utf8.last, head > 0x20, head < 0x80, tail > 0x20, tail < 0x80 { return self }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

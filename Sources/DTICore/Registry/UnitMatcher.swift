/// Finds a unit from any common way of writing it: its code (`27`, `1` for `01`), its name with or
/// without diacritics, in NFC or NFD, with or without "TP."/"Thành phố"/"Tỉnh", in English, or an
/// alias such as the name dti.gov.vn prints ("Thừa Thiên - Huế"). In a set of communes or
/// districts, where names repeat across provinces ("Tân An" is ten communes), a name may be
/// followed by its province ("Tân An, Tây Ninh" or "Tân An (Tây Ninh)").
public struct UnitMatcher: Sendable {
    /// Why a name could not be matched.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible, WordedError {
        /// No unit has that name; `suggestions` holds the closest names.
        case unknown(String, unitSetLabel: Wording, suggestions: [String])
        /// Several units have that name.
        case ambiguous(String, candidates: [String])
        /// No commune or district has that name (a set whose units have parents).
        case unknownUnit(String, unitSetLabel: Wording, suggestions: [String])
        /// Several communes or districts have that name: `candidates` say which province each is in.
        case ambiguousUnit(String, candidates: [Candidate], example: String)

        /// A unit a name could be: `Name (Province)` and its code.
        public struct Candidate: Sendable, Hashable {
            public var name: String
            public var code: String
        }

        public var description: String { wording.text(.en) }

        /// The kind of failure, as a diagnostic key.
        public var key: String {
            switch self {
            case .unknown, .unknownUnit: "unit.unknown"
            case .ambiguous, .ambiguousUnit: "unit.ambiguous"
            }
        }

        /// What went wrong, in both languages.
        public var wording: Wording {
            switch self {
            case let .unknown(text, label, suggestions):
                return Messages.Core.unknownProvinceAmong(text: text, label: label).appending("", Self.hint(suggestions))
            case let .unknownUnit(text, label, suggestions):
                return Messages.Core.unknownUnitAmong(text: text, label: label)
                    .appending("", Self.hint(suggestions))
            case let .ambiguous(text, candidates):
                return Messages.Core.couldBeWriteCode(text: text, candidates: Wording.list(candidates.map { "'\($0)'" }, or: true))
            case let .ambiguousUnit(text, candidates, example):
                let named = candidates.prefix(5).map { Messages.Core.unitNamedWithCode(name: $0.name, code: $0.code) }
                var listed = named.dropFirst().reduce(named[0]) { $0.appending(", ", $1) }
                if candidates.count > 5 { listed = Messages.Core.andMoreUnits(list: listed, count: candidates.count - 5) }
                return Messages.Core.nameOfSeveralUnits(text: text, count: candidates.count, listed: listed, example: example)
            }
        }

        private static func hint(_ suggestions: [String]) -> Wording {
            guard !suggestions.isEmpty else { return .same("") }
            let quoted = suggestions.map { "'\($0)'" }
            return Messages.Core.didYouMean(quoted: quoted.joined(separator: ", "))
        }
    }

    private static let prefixes = ["thanh pho ", "tp ", "tinh ", "province of ", "city of "]
    private static let suffixes = [" province", " city", " municipality"]

    /// The set being matched against.
    public let unitSet: UnitSet
    private let codesByKey: [String: [String]]
    /// Codes by spelling with its diacritics (lower case): where folding makes names collide
    /// ("Tân Dĩnh", "Tân Định"), the exact spelling decides.
    private let codesBySpelling: [String: [String]]
    /// Codes by Vietnamese name or full name as written (lower case): tried before the other
    /// spellings, so a unit named 'Thanh An' is not taken for 'Thạnh An', whose English name
    /// that is.
    private let codesByName: [String: [String]]
    private let suggestionKeys: [(key: String, code: String)]
    /// The set of the units' parents (provinces), for names followed by their province.
    private let parents: UnitSet?
    private let parentKeys: [String: String]

    /// Indexes every spelling of every unit in `unitSet`; `parents` is the set its units' parent
    /// codes refer to, when they have parents.
    public init(_ unitSet: UnitSet, parents: UnitSet? = nil) {
        self.unitSet = unitSet
        self.parents = parents
        var parentKeys: [String: String] = [:]
        for parent in parents?.units ?? [] {
            for spelling in [parent.name, parent.fullName, parent.nameEN, parent.code] + parent.aliases {
                let key = Self.key(for: spelling)
                if !key.isEmpty, parentKeys[key] == nil { parentKeys[key] = parent.code }
            }
        }
        self.parentKeys = parentKeys
        var codesByKey: [String: [String]] = [:]
        var codesBySpelling: [String: [String]] = [:]
        var codesByName: [String: [String]] = [:]
        var suggestionKeys: [(String, String)] = []
        for unit in unitSet.units {
            let spellings = [unit.name, unit.fullName, unit.nameEN] + unit.aliases
            for spelling in Set(spellings.map { $0.lowercased() }) { codesBySpelling[spelling, default: []].append(unit.code) }
            for spelling in Set([unit.name, unit.fullName].map { $0.lowercased() }) { codesByName[spelling, default: []].append(unit.code) }
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
        self.codesBySpelling = codesBySpelling
        self.codesByName = codesByName
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

    /// Whether the set's units have parents (communes, districts): messages then say "unit".
    private var hasParents: Bool { unitSet.parentSetID != nil }

    /// The unit written as `text`.
    public func match(_ text: String) -> Result<AdministrativeUnit, Failure> {
        let trimmed = text.trimmingWhitespace()
        // A unit file's codes may be any text (`U00042`): a code always names its unit.
        if let unit = unitSet.unit(code: trimmed) { return .success(unit) }
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) {
            let code = trimmed.count == 1 ? "0" + trimmed : trimmed
            if let unit = unitSet.unit(code: code) { return .success(unit) }
            return .failure(unknown(trimmed, suggestions: []))
        }
        let key = Self.key(for: trimmed)
        let unique = exactly(trimmed, among: distinct(codesByKey[key] ?? []))
        if unique.count == 1, let unit = unitSet.unit(code: unique[0]) { return .success(unit) }
        if unique.count > 1 {
            let units = unique.compactMap { unitSet.unit(code: $0) }
            if hasParents, let first = units.first {
                // `Name (Province)` is the form every input takes, a comma-separated option list too.
                return .failure(
                    .ambiguousUnit(
                        trimmed, candidates: units.map { Failure.Candidate(name: "\($0.name) (\(parentName($0)))", code: $0.code) },
                        example: "\(first.name) (\(parentName(first)))"))
            }
            return .failure(.ambiguous(trimmed, candidates: units.map { "\($0.name) (\($0.code))" }))
        }
        if hasParents, let found = matchWithParent(trimmed) { return found }
        return .failure(unknown(trimmed, suggestions: suggestions(for: key)))
    }

    /// Of `codes`, which fold to one key, those whose exact spelling is `text`: a Vietnamese name
    /// first, then any other spelling; all of them when none is (or in a set without parents,
    /// where provinces never share a folded name).
    private func exactly(_ text: String, among codes: [String]) -> [String] {
        guard codes.count > 1, hasParents else { return codes }
        let spelling = text.lowercased()
        for index in [codesByName, codesBySpelling] {
            if let exact = index[spelling] {
                let kept = codes.filter(exact.contains)
                if !kept.isEmpty { return kept }
            }
        }
        return codes
    }

    private func unknown(_ text: String, suggestions: [String]) -> Failure {
        hasParents
            ? .unknownUnit(text, unitSetLabel: unitSet.labelWording, suggestions: suggestions)
            : .unknown(text, unitSetLabel: unitSet.labelWording, suggestions: suggestions)
    }

    private func distinct(_ codes: [String]) -> [String] {
        codes.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    private func parentName(_ unit: AdministrativeUnit) -> String {
        unit.parentCode.map { code in parents?.unit(code: code)?.name ?? code } ?? "?"
    }

    /// "Tân An, Tây Ninh" or "Tân An (Tây Ninh)": the unit of that name whose parent is that
    /// province; `nil` when the text has no such form or names no such unit.
    private func matchWithParent(_ text: String) -> Result<AdministrativeUnit, Failure>? {
        let name: Substring
        let parent: Substring
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            name = text[..<open]
            parent = text[text.index(after: open)..<text.index(before: text.endIndex)]
        } else if let comma = text.lastIndex(of: ",") {
            name = text[..<comma]
            parent = text[text.index(after: comma)...]
        } else {
            return nil
        }
        guard let parentCode = parentKeys[Self.key(for: String(parent))] else { return nil }
        let codes = distinct(codesByKey[Self.key(for: String(name))] ?? []).filter { unitSet.unit(code: $0)?.parentCode == parentCode }
        let inParent = exactly(String(name).trimmingWhitespace(), among: codes).compactMap { unitSet.unit(code: $0) }
        guard inParent.count == 1 else { return nil }
        return .success(inParent[0])
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

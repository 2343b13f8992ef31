/// A place in an input file, 1-based, as editors and compilers print it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file name or path as the user gave it.
    public var file: String
    /// 1-based line number; `nil` when only the file is known.
    public var line: Int?
    /// 1-based column (in characters); `nil` when only the line is known.
    public var column: Int?
    /// The sheet of a workbook; then `line` is its row and `column` its column (A = 1).
    public var sheet: String?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// `file:line:column`, leaving out what is unknown; in a workbook `file:Sheet!C12`, as
    /// spreadsheets name a cell (a sheet name with spaces or punctuation in quotes).
    public var description: String {
        var text = file
        if let sheet {
            text += ":" + Self.quotedSheetName(sheet)
            if let line { text += "!" + (column.map { Self.columnLetters($0) + String(line) } ?? "\(line):\(line)") }
            return text
        }
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// `A`, `B`, …, `Z`, `AA`, … for a 1-based column.
    public static func columnLetters(_ column: Int) -> String {
        var number = column
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// A sheet name as a formula writes it: as it is when it is letters, digits and `_`, else in
    /// single quotes with quotes doubled.
    static func quotedSheetName(_ name: String) -> String {
        if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { return name }
        return "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
}

/// A problem found in data, returned as a value so that every problem of a file can be shown at once.
///
/// Only unreadable input is thrown; everything a user can fix in their data is a diagnostic.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Information only.
        case note
        /// Suspicious but usable; `--strict` makes it an error.
        case warning
        /// The input cannot be used as it is.
        case error

        private var order: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.order < rhs.order }
    }

    /// How serious it is.
    public var severity: Severity
    /// The kind of problem, stable across versions and languages (`unit.unknown`,
    /// `value.out-of-range`): what `validate --format json` gives scripts to match on.
    public var key: String
    /// What is wrong, naming the offending value, in both languages.
    public var wording: Wording
    /// How to fix it, when there is something useful to say.
    public var hintWording: Wording?
    /// Where it is, when it comes from a file.
    public var location: SourceLocation?
    /// How many problems it stands for: 1, or the count of those left out of a long list
    /// ("… and 999,900 more like this"), so that summaries count every problem.
    public var occurrences: Int = 1

    /// Creates a diagnostic of kind `key`.
    public init(_ severity: Severity, _ key: String, _ message: Wording, hint: Wording? = nil, at location: SourceLocation? = nil) {
        self.severity = severity
        self.key = key
        self.wording = message
        self.hintWording = hint
        self.location = location
    }

    /// What is wrong, in English.
    public var message: String { wording.text(.en) }
    /// How to fix it, in English.
    public var hint: String? { hintWording?.text(.en) }

    /// `file:line:column: error: message; hint`, the form compilers use, so editors can jump to it.
    public var description: String { description(in: .en) }

    /// The same line in `language`: the place stays as it is, the severity and sentences are
    /// translated (`lỗi`, `cảnh báo`, `ghi chú`, as GCC's Vietnamese messages say).
    public func description(in language: Language) -> String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.word(language)): \(wording.text(language))"
        if let hint = hintWording { text += "; \(hint.text(language))" }
        return text
    }
}

extension Diagnostic.Severity {
    /// The severity as a person reads it.
    public func word(_ language: Language) -> String {
        switch self {
        case .note: Messages.Core.severityNote.text(language)
        case .warning: Messages.Core.severityWarning.text(language)
        case .error: Messages.Core.severityError.text(language)
        }
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// How many problems of `severity` these stand for, counting those left out of long lists.
    public func count(_ severity: Diagnostic.Severity) -> Int {
        reduce(0) { $0 + ($1.severity == severity ? $1.occurrences : 0) }
    }

    /// The same diagnostics with warnings promoted to errors (`--strict`).
    public func promotingWarnings() -> [Diagnostic] {
        map { diagnostic in
            var promoted = diagnostic
            if promoted.severity == .warning { promoted.severity = .error }
            return promoted
        }
    }
}

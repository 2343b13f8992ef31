/// Why a catalogue or edition table was refused.
public enum CatalogueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is structurally wrong; every problem found is listed.
    case invalid(file: String, problems: [Diagnostic])
    /// The file declares a format version this build does not understand.
    case unsupportedVersion(file: String, version: Int, highestSupported: Int)
    /// No edition table entry for the year; `ownSets` have a framework of their own for it.
    case noFramework(year: Int, known: [Int], ownSets: [String] = [])
    /// The edition table names a framework with no catalogue file.
    case unknownFramework(String, year: Int, known: [String])

    public var description: String {
        switch self {
        case let .invalid(file, problems):
            let lines = problems.map { "  \($0)" }.joined(separator: "\n")
            return "the catalogue \(file) is not valid (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n\(lines)"
        case let .unsupportedVersion(file, version, highest):
            return "\(file): catalogue format version \(version) is newer than this dti understands (\(highest)); "
                + "update dti or write the file in version \(highest)"
        case let .noFramework(year, known, ownSets):
            let (message, hint) = Self.noFrameworkWording(year: year, known: known, ownSets: ownSets)
            return "\(message.english); \(hint.english)"
        case let .unknownFramework(framework, year, known):
            return "the edition \(year) uses framework '\(framework)', but no catalogue defines it; known: "
                + known.joined(separator: ", ")
        }
    }
}

extension CatalogueError: WordedError {
    public var wording: Wording {
        switch self {
        case let .invalid(file, problems):
            let lines = problems.map { "  " + $0.description(in: .vi) }.joined(separator: "\n")
            return Wording(description, vi: "bộ chỉ số \(file) không hợp lệ (\(problems.count) lỗi):\n\(lines)")
        case let .noFramework(year, known, ownSets):
            let (message, hint) = Self.noFrameworkWording(year: year, known: known, ownSets: ownSets)
            return Wording(description, vi: "\(message.vietnamese); \(hint.vietnamese)")
        case .unsupportedVersion, .unknownFramework:
            return Wording(description, vi: description)
        }
    }
}

extension CatalogueError {
    /// Why `year` has no framework, said plainly, and what a user can do: another set's own
    /// framework for the year (`--units communes`), or a catalogue of their own (`--catalogue`),
    /// which scores a year no edition covers. Every command named here works as written.
    public static func noFrameworkWording(year: Int, known: [Int], ownSets: [String]) -> (message: Wording, hint: Wording) {
        let list = known.map(String.init).joined(separator: ", ")
        if let first = known.first, year < first {
            return (
                Wording(
                    "no DTI framework is known for \(year): the index began with the \(first) edition",
                    vi: "năm \(year) không có bộ chỉ số DTI: chỉ số bắt đầu từ kỳ \(first)"),
                Wording("check the year; editions with a framework: \(list)", vi: "kiểm tra lại năm; các năm có bộ chỉ số: \(list)")
            )
        }
        let message: Wording
        if let last = known.last, year > last {
            message = Wording(
                "\(year) has no DTI framework yet: this dti knows the editions \(list), and none has been published for \(year)",
                vi: "năm \(year) chưa có bộ chỉ số DTI: dti này biết các kỳ \(list), và chưa có bộ chỉ số nào được công bố cho năm \(year)")
        } else {
            message = Wording(
                "no DTI framework is known for \(year); editions with a framework: \(list)",
                vi: "chưa có bộ chỉ số DTI nào cho năm \(year); các năm có bộ chỉ số: \(list)")
        }
        if let own = ownSets.first {
            return (
                message,
                Wording(
                    "only the units of '\(own)' have a framework of their own for \(year): for their data give --units \(own)",
                    vi: "chỉ các đơn vị của '\(own)' có bộ chỉ số riêng cho năm \(year): với số liệu của chúng, hãy dùng --units \(own)")
            )
        }
        let base = "dti-\(known.last ?? year)"
        return (
            message,
            Wording(
                "to score \(year) with a framework of your own, write it as a catalogue and give it with --catalogue FILE.yaml "
                    + "(the least is three lines: 'version: 1', 'framework: my-\(year)', 'extends: \(base)')",
                vi: "để chấm năm \(year) theo bộ chỉ số của riêng bạn, hãy viết nó thành một tệp bộ chỉ số và dùng --catalogue TỆP.yaml "
                    + "(ít nhất ba dòng: 'version: 1', 'framework: my-\(year)', 'extends: \(base)')")
        )
    }
}

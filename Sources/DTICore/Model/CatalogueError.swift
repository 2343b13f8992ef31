/// Why a catalogue or edition table was refused.
public enum CatalogueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is structurally wrong; every problem found is listed.
    case invalid(file: String, problems: [Diagnostic])
    /// The file declares a format version this build does not understand.
    case unsupportedVersion(file: String, version: Int, highestSupported: Int)
    /// No edition table entry for the year.
    case noFramework(year: Int, known: [Int])
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
        case let .noFramework(year, known):
            return "no DTI framework is known for the year \(year); editions with a framework: "
                + known.map(String.init).joined(separator: ", ")
                + " (add the year to Indicators/editions.csv to use another)"
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
        case let .noFramework(year, known):
            return Wording(
                description,
                vi: "chưa có bộ chỉ số DTI nào cho năm \(year); các năm có bộ chỉ số: \(known.map(String.init).joined(separator: ", "))"
                    + " (thêm năm vào Indicators/editions.csv để dùng năm khác)")
        case .unsupportedVersion, .unknownFramework:
            return Wording(description, vi: description)
        }
    }
}

import DTICore

/// The labels of `explain`, `whatif` and `target`, and of the profile's "why it moved" section,
/// in Vietnamese and English.
public struct ExplainStrings: Sendable {
    public let explainTitle: String
    public let whatIfTitle: String
    public let targetTitle: String
    public let whyItMoved: String
    public let indicator: String
    public let points: String
    public let dtiShare: String
    public let then: String
    public let now: String
    public let total: String
    public let notComparable: String
    public let frameworkChanged: String
    public let passed: String
    public let fellBehind: String
    public let decidedBy: String
    public let nobody: String
    public let components: String
    public let change: String
    public let value: String
    public let previousValue: String
    public let rank: String
    public let dti: String
    public let unit: String
    public let pointsNote: String
    public let whatIfNote: String
    public let alreadyHeld: String
    public let unreachable: String
    public let plan: String
    public let pointsNeeded: String
    public let after: String
    public let rankMoved: String
    public let shortBy: String
    public let comparedParts: String
    public let none: String

    public static let vietnamese = ExplainStrings(
        explainTitle: "Vì sao DTI thay đổi", whatIfTitle: "Giả định", targetTitle: "Mục tiêu hạng", whyItMoved: "Vì sao thay đổi",
        indicator: "Chỉ số", points: "Điểm", dtiShare: "DTI", then: "Kỳ trước", now: "Kỳ này", total: "Tổng",
        notComparable: "không so sánh được", frameworkChanged: "Bộ chỉ số đã thay đổi",
        passed: "Vượt qua", fellBehind: "Bị vượt", decidedBy: "chủ yếu do", nobody: "không có",
        components: "chỉ số thành phần", change: "Thay đổi", value: "Giá trị", previousValue: "Giá trị cũ", rank: "Hạng",
        dti: "DTI", unit: "Đơn vị",
        pointsNote: "Điểm trên thang 1.000; cột DTI làm tròn 4 chữ số sao cho cộng đúng bằng tổng thay đổi.",
        whatIfNote: "Điểm của mỗi thay đổi tính theo thứ tự đã cho; các giá trị khác giữ nguyên.",
        alreadyHeld: "đã đạt hạng này", unreachable: "không thể đạt", plan: "Kế hoạch", pointsNeeded: "cần thêm {points} điểm",
        after: "Sau khi thực hiện",
        rankMoved: "hạng", shortBy: "thiếu", comparedParts: "so sánh được {count} chỉ số", none: "không có")

    public static let english = ExplainStrings(
        explainTitle: "Why the DTI changed", whatIfTitle: "What if", targetTitle: "Rank target", whyItMoved: "Why it moved",
        indicator: "Indicator", points: "Points", dtiShare: "DTI", then: "Then", now: "Now", total: "Total",
        notComparable: "not comparable", frameworkChanged: "The framework changed",
        passed: "Passed", fellBehind: "Fell behind", decidedBy: "decided by", nobody: "nobody",
        components: "components", change: "Change", value: "Value", previousValue: "Was", rank: "Rank", dti: "DTI", unit: "Unit",
        pointsNote: "Points of 1,000; the DTI column is rounded to 4 decimals so that it adds up to the total change.",
        whatIfNote: "Each change's points are counted in the order given; every other value stays as stored.",
        alreadyHeld: "rank already held", unreachable: "not reachable", plan: "Plan", pointsNeeded: "{points} more points",
        after: "After the plan",
        rankMoved: "rank", shortBy: "short by", comparedParts: "{count} parts compared", none: "none")
}

extension ReportLanguage {
    /// The labels of the explanation commands in this language.
    public var explainStrings: ExplainStrings { self == .vi ? .vietnamese : .english }

    /// A result's notice in this language, as every page and command prints it.
    public func text(of notice: Notice) -> String {
        switch notice {
        case .syntheticData: strings.sampleBanner
        case let .provisionalFramework(reason, vi): "\(strings.provisionalFramework): \(self == .vi ? vi ?? reason : reason)"
        case .mergedUnits: strings.mergedUnits
        case let .illustrativeCatalogue(reason, vi): "\(strings.illustrativeCatalogue): \(self == .vi ? vi ?? reason : reason)"
        case let .imputedValues(method):
            self == .vi
                ? "KHÔNG PHẢI PHƯƠNG PHÁP CHÍNH THỨC: giá trị thiếu được ước tính (\(method)); phương pháp chính thức tính 0 điểm cho giá trị thiếu."
                : notice.message
        case let .customMethod(method):
            self == .vi
                ? "KHÔNG PHẢI PHƯƠNG PHÁP CHÍNH THỨC: DTI và thứ hạng ở đây được tính theo cách của bạn (\(method)); các trụ cột và chỉ số là số liệu chính thức, còn DTI công bố dùng điểm chính thức, tổng có trọng số và tỷ lệ giữ nguyên."
                : notice.message
        case let .fewUnitsWithValues(ranked, units):
            self == .vi
                ? "CHỈ \(count(ranked)) TRÊN \(count(units)) ĐƠN VỊ CÓ SỐ LIỆU cho kỳ này: bảng xếp hạng chỉ gồm \(count(ranked)) đơn vị đó, các đơn vị còn lại không được xếp hạng; hãy kiểm tra đã nhập đủ các tệp."
                : notice.message
        case let .ownAndMergedUnits(_, _, own, ownCount, mergedCount):
            self == .vi
                ? "\(ownCount) đơn vị được tính từ số liệu riêng của tập này (\(own.joined(separator: ", "))\(ownCount > own.count ? " và \(ownCount - own.count) đơn vị khác" : ""), có cờ “số liệu riêng”); \(mergedCount) đơn vị còn lại được gộp từ các tỉnh trước 1/7/2025: chỉ số chính của mỗi đơn vị là trung bình cộng của các tỉnh thành viên, rồi tính điểm (quy tắc chính thức năm 2024)."
                : notice.message
        case let .valuesOutsideUnitSet(values, unitCount, units):
            self == .vi
                ? "\(values) giá trị đã lưu thuộc về \(unitCount) đơn vị không còn trong danh sách đơn vị (\(units.joined(separator: ", "))\(unitCount > units.count ? " và \(unitCount - units.count) đơn vị khác" : "")): không được xếp hạng; xem bằng 'dti history MÃ --units TỆP --year NĂM'."
                : notice.message
        }
    }
}

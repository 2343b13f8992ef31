import DTICore

/// Every label of the reports, one instance per language: nothing user-visible is spelled
/// anywhere else in the report code.
public struct ReportStrings: Sendable {
    public var htmlLanguage: String
    public var nationalTitle: String
    public var profileTitle: String
    public var comparisonTitle: String
    public var indexTitle: String
    public var sampleBanner: String
    public var headline: String
    public var mean: String
    public var median: String
    public var best: String
    public var worst: String
    public var aboveMean: String
    public var ranking: String
    public var rank: String
    public var province: String
    public var dti: String
    public var change: String
    public var rankChange: String
    public var flags: String
    public var leaderboards: String
    public var regions: String
    public var region: String
    public var units: String
    public var spread: String
    public var distribution: String
    public var heatMap: String
    public var movers: String
    public var tileMap: String
    public var tileMapNote: String
    public var methodology: String
    public var dataAppendix: String
    public var sources: String
    public var file: String
    public var values: String
    public var missingAndFlagged: String
    public var none: String
    public var pillars: String
    public var nationalMean: String
    public var regionBest: String
    public var indicators: String
    public var radar: String
    public var history: String
    public var pointsLeft: String
    public var maxPoints: String
    public var earned: String
    public var left: String
    public var neighbours: String
    public var comparison: String
    public var bestMarked: String
    public var rankingRule: String
    public var provisional: String
    public var previousEdition: String
    public var noPrevious: String
    public var profiles: String
    public var generated: String
    public var value: String
    public var count: String
    public var formedFrom: String
    public var sortHint: String
    public var backToIndex: String
    public var membersHistory: String
    public var countsIn: String
    public var units63: String
    public var units34: String
    public var provisionalFramework: String
    public var mergedUnits: String
    public var illustrativeCatalogue: String
    public var backCast: String
    /// A merged unit's own history line, `{name}` and `{count}` replaced: "Bắc Ninh (34 đơn vị, tính lùi)".
    public var ownHistoryMerged: String
    /// A member's history line before the merger: "Bắc Ninh trước 1/7/2025".
    public var memberHistory: String
    /// A compared unit given under two names: "{unit} is compared once: it stands for {names}".
    public var standsFor: String
    /// A compared unit asked for by a former province's name it now includes: "{name} is now part
    /// of {unit}…" (without it the page would show Phú Thọ to a reader who asked for Vĩnh Phúc).
    public var nowPartOf: String
    public var map: String
    public var mapNote: String
    public var locator: String
    public var noData: String
    public var administeredBy: String
    /// Before a map class's upper bound, which the class does not include.
    public var under: String
    /// What a mean marked * is: the one definition of a mean over units, said under its table.
    public var meanRule: String
    /// Archipelago labels by the map's `archipelago` property, in lines.
    public var archipelagos: [String: [String]]
    public var mapSource: String
    public var top10: String
    public var note: String
    public var byProvince: String
    /// The label of a map's enlarged panel.
    public var mapZoom: String
    /// Under a map with insets: far parts drawn apart, each at its own scale.
    public var mapInsets: String
    /// Under a map with units too small to see: "{count} units …".
    public var mapTooSmall: String
    /// The clause of `mapNote` that points to the table beside the map, and what replaces it when
    /// the set is ranked over several pages and the map has no table beside it.
    public var mapTableClause: String
    public var mapPagedTable: String

    public static let vietnamese = ReportStrings(
        htmlLanguage: "vi", nationalTitle: "Chỉ số chuyển đổi số cấp tỉnh (DTI)", profileTitle: "Hồ sơ DTI",
        comparisonTitle: "So sánh DTI", indexTitle: "Báo cáo DTI",
        sampleBanner: "DỮ LIỆU MẪU: các giá trị là tổng hợp để minh hoạ, không phải kết quả DTI chính thức.",
        headline: "Số liệu chính", mean: "Trung bình", median: "Trung vị", best: "Cao nhất", worst: "Thấp nhất",
        aboveMean: "Trên trung bình", ranking: "Bảng xếp hạng", rank: "Hạng", province: "Tỉnh, thành phố", dti: "DTI",
        change: "Thay đổi", rankChange: "Thay đổi hạng", flags: "Ghi chú", leaderboards: "Dẫn đầu theo trụ cột",
        regions: "Theo vùng", region: "Vùng", units: "Số đơn vị", spread: "Chênh lệch", distribution: "Phân bố giá trị DTI",
        heatMap: "Bản đồ nhiệt: tỉnh × chỉ số chính", movers: "Thay đổi lớn nhất",
        tileMap: "Bản đồ ô", tileMapNote: "Mỗi ô là một đơn vị, đặt gần đúng theo vị trí địa lý; màu theo giá trị DTI.",
        methodology: "Phụ lục phương pháp", dataAppendix: "Phụ lục dữ liệu", sources: "Nguồn dữ liệu", file: "Tệp",
        values: "Số giá trị", missingAndFlagged: "Giá trị thiếu và cần lưu ý", none: "Không có", pillars: "Trụ cột",
        nationalMean: "Trung bình cả nước*", regionBest: "Cao nhất vùng", indicators: "Chỉ số chính",
        radar: "Chỉ số chính so với trung bình cả nước", history: "Diễn biến qua các kỳ",
        pointsLeft: "Điểm còn bỏ ngỏ theo chỉ số chính", maxPoints: "Điểm tối đa", earned: "Đạt được", left: "Còn thiếu",
        neighbours: "Các tỉnh liền trên và liền dưới", comparison: "So sánh", bestMarked: "★ cao nhất hàng",
        rankingRule: "Xếp hạng cạnh tranh (1, 2, 2, 4) trên giá trị làm tròn 4 chữ số thập phân.",
        provisional: "TẠM TÍNH", previousEdition: "so với kỳ trước", noPrevious: "Không có kỳ trước để so sánh.",
        profiles: "Hồ sơ tỉnh", generated: "Ngày lập", value: "Giá trị", count: "Số lượng", formedFrom: "Hình thành từ",
        sortHint: "Bấm hoặc chạm vào tiêu đề cột để sắp xếp.", backToIndex: "Về trang mục lục",
        membersHistory: "Đơn vị sáp nhập: diễn biến của các tỉnh thành viên trước 1/7/2025.", countsIn: "Tính vào",
        units63: "63 tỉnh, thành phố (trước 1/7/2025)", units34: "34 tỉnh, thành phố (từ 1/7/2025)",
        provisionalFramework: "BỘ CHỈ SỐ TẠM TÍNH",
        mergedUnits:
            "Đơn vị sáp nhập: chỉ số chính của mỗi đơn vị là trung bình cộng của các tỉnh thành viên, rồi tính điểm (quy tắc chính thức năm 2024).",
        illustrativeCatalogue: "BỘ CHỈ SỐ MINH HOẠ", backCast: "tính lùi theo quy tắc trung bình",
        ownHistoryMerged: "{name} ({count} đơn vị, tính lùi)", memberHistory: "{name} trước 1/7/2025",
        standsFor: "{unit} được so sánh một lần: đơn vị này gồm {names} (các tỉnh trước 1/7/2025).",
        nowPartOf: "{name} nay thuộc {unit} (từ 1/7/2025): trang này so sánh {unit}.",
        map: "Bản đồ",
        mapNote:
            "Mỗi tỉnh, thành phố tô màu theo nhóm giá trị DTI (năm nhóm có số đơn vị gần bằng nhau); di chuột lên một đơn vị để xem giá trị và thứ hạng, hoặc chạm vào để mở hồ sơ của đơn vị; các giá trị cũng có trong bảng bên cạnh (bên dưới trên điện thoại). Mỗi nhóm gồm cận dưới, không gồm cận trên (trừ nhóm cao nhất).",
        locator: "Vị trí", noData: "không có số liệu", administeredBy: "thuộc", under: "dưới",
        meanRule:
            "* Trung bình trên các đơn vị có giá trị: giá trị thiếu được bỏ qua, không tính là 0; (n/N) là số đơn vị có giá trị trên số đơn vị được xếp hạng.",
        archipelagos: ["Hoàng Sa": ["Quần đảo", "Hoàng Sa"], "Trường Sa": ["Quần đảo", "Trường Sa"]],
        mapSource: "Ranh giới bản đồ", top10: "10 đơn vị dẫn đầu", note: "Ghi chú",
        byProvince: "Theo tỉnh, thành phố", mapZoom: "Phóng to vùng trong khung nét đứt",
        mapInsets: "Đảo và đặc khu ở xa được vẽ trong khung riêng phía dưới, mỗi khung một tỷ lệ.",
        mapTooSmall: "{count} đơn vị quá nhỏ để thấy ở tỷ lệ này: di chuột lên bản đồ để xem tên, hoặc xem bảng xếp hạng.",
        mapTableClause: "các giá trị cũng có trong bảng bên cạnh (bên dưới trên điện thoại)",
        mapPagedTable: "giá trị của mọi đơn vị có trong bảng xếp hạng ở trên và các trang tiếp theo")

    public static let english = ReportStrings(
        htmlLanguage: "en", nationalTitle: "Provincial Digital Transformation Index (DTI)", profileTitle: "DTI profile",
        comparisonTitle: "DTI comparison", indexTitle: "DTI reports",
        sampleBanner: "SAMPLE DATA: these values are synthetic, made for demonstration; they are not official DTI results.",
        headline: "Headline figures", mean: "Mean", median: "Median", best: "Best", worst: "Worst",
        aboveMean: "Above the mean", ranking: "Ranking", rank: "Rank", province: "Province", dti: "DTI",
        change: "Change", rankChange: "Rank change", flags: "Flags", leaderboards: "Pillar leaderboards",
        regions: "By region", region: "Region", units: "Units", spread: "Spread", distribution: "Distribution of DTI values",
        heatMap: "Heat map: provinces × main indicators", movers: "Biggest movers",
        tileMap: "Tile map", tileMapNote: "One tile per unit, placed roughly where it lies; coloured by DTI.",
        methodology: "Methodology appendix", dataAppendix: "Data appendix", sources: "Data sources", file: "File",
        values: "Values", missingAndFlagged: "Missing and flagged values", none: "None", pillars: "Pillars",
        nationalMean: "National mean*", regionBest: "Region's best", indicators: "Main indicators",
        radar: "Main indicators against the national mean", history: "History over the editions",
        pointsLeft: "Points left on the table per main indicator", maxPoints: "Max points", earned: "Earned", left: "Left",
        neighbours: "Just above and below", comparison: "Comparison", bestMarked: "★ best of the row",
        rankingRule: "Competition ranking (1, 2, 2, 4) on values rounded to 4 decimals.",
        provisional: "PROVISIONAL", previousEdition: "since the previous edition", noPrevious: "No previous edition to compare with.",
        profiles: "Province profiles", generated: "Generated", value: "Value", count: "Count", formedFrom: "Formed from",
        sortHint: "Click or tap a column heading to sort.", backToIndex: "Back to the index",
        membersHistory: "Merged unit: the history of its member provinces before 1 July 2025.", countsIn: "Counts in",
        units63: "63 provinces (before 1 July 2025)", units34: "34 provinces (from 1 July 2025)",
        provisionalFramework: "PROVISIONAL FRAMEWORK",
        mergedUnits:
            "Merged units: each unit's main indicators are the unweighted mean of its members' values, then scored (the official 2024 rule).",
        illustrativeCatalogue: "ILLUSTRATIVE CATALOGUE", backCast: "back-cast by the mean rule",
        ownHistoryMerged: "{name} ({count} units, back-cast)", memberHistory: "{name} before 1 July 2025",
        standsFor: "{unit} is compared once: it stands for {names} (provinces before 1 July 2025).",
        nowPartOf: "{name} is part of {unit} since 1 July 2025: {unit} is compared.",
        map: "Map",
        mapNote:
            "Each unit is filled by its DTI class (five classes of about equal size); hover over a unit for its value and rank, or tap it to open its profile; the same values are in the table beside it (below it on a phone). Each class includes its lower bound and not its upper one (but the highest).",
        locator: "Location", noData: "no data", administeredBy: "administered by", under: "under",
        meanRule:
            "* The mean over the units with a value: a missing value is left out, not counted as 0; (n/N) is the units with a value of those ranked.",
        archipelagos: ["Hoàng Sa": ["Hoang Sa (Paracel)", "Islands"], "Trường Sa": ["Truong Sa (Spratly)", "Islands"]],
        mapSource: "Map boundaries", top10: "top 10", note: "Note", byProvince: "By province",
        mapZoom: "Enlarged: the area in the dashed box",
        mapInsets: "Far islands and special zones are drawn apart, in the frames below the map, each at its own scale.",
        mapTooSmall: "{count} units are too small to see at this scale: hover over the map for names, or see the ranking.",
        mapTableClause: "the same values are in the table beside it (below it on a phone)",
        mapPagedTable: "every unit's value is in the ranking above and on its further pages")
}

extension ReportStrings {
    /// The words that name units, fitted to `unitSet`: the provinces keep "tỉnh, thành phố" and
    /// the national mean; communes and the units of a unit file are called what they are, and a
    /// mean says over which units it is taken ("Trung bình 99 xã, phường của Bắc Ninh"): the
    /// `ranked` ones, which are all it is taken over (99 when only Bắc Ninh's of the 3,321 have
    /// values, not "3321 xã, phường").
    public func fitted(to unitSet: UnitSet, ranked: Int? = nil, language: ReportLanguage) -> ReportStrings {
        guard unitSet.parentSetID != nil else { return self }
        var fitted = self
        let noun = unitSet.unitNoun.text(language)
        let counted = unitSet.countedUnits(ranked ?? unitSet.count).text(language)
        if language == .vi {
            fitted.province = noun.prefix(1).uppercased() + noun.dropFirst()
            fitted.heatMap = "Bản đồ nhiệt: \(noun) × chỉ số chính"
            fitted.nationalMean = "Trung bình \(counted)*"
            fitted.radar = "Chỉ số chính so với trung bình \(counted)"
            fitted.neighbours = "Các \(noun) liền trên và liền dưới"
            fitted.profiles = "Hồ sơ \(noun)"
            let provinces = "Mỗi tỉnh, thành phố"
            if mapNote.hasPrefix(provinces) { fitted.mapNote = "Mỗi \(noun)" + mapNote.dropFirst(provinces.count) }
        } else {
            fitted.province = unitSet.unitNoun.text(.en) == "units" ? "Unit" : "Commune or ward"
            fitted.heatMap = "Heat map: \(noun) × main indicators"
            fitted.nationalMean = "Mean of \(counted)*"
            fitted.radar = "Main indicators against the mean of \(counted)"
            fitted.profiles = unitSet.unitNoun.text(.en) == "units" ? "Unit profiles" : "Commune and ward profiles"
        }
        return fitted
    }
}

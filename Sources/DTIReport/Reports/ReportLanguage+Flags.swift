import DTICore

extension ReportLanguage {
    /// A flag's short form for a narrow table cell: `missing:institutions` in English (the stable
    /// code scripts see); in Vietnamese, which a reader reads, the entry by its name when
    /// `catalogue` knows it and a member by its name ("thiếu: Thể chế số (Hậu Giang)", not
    /// `thiếu:institutions@93`).
    public func shortForm(of flag: UnitFlag, catalogue: IndicatorCatalogue? = nil) -> String {
        guard self == .vi else { return flag.shortForm }
        func entry(_ id: String) -> String { catalogue?.node(id)?.nameVI ?? id }
        switch flag {
        case let .missingValue(id): return "thiếu: \(entry(id))"
        case let .memberMissingValue(id, _, name): return "thiếu: \(entry(id)) (\(name))"
        case let .merged(_, names): return "gộp: \(names.joined(separator: " + "))"
        case .noData: return "không có số liệu"
        case let .componentsOverridden(id): return "trực tiếp: \(entry(id))"
        case let .imputed(id, method): return "ước tính: \(entry(id)) (\(method))"
        case .ownValues: return "số liệu riêng"
        }
    }

    /// A flag's explanation in this language (the English one is `UnitFlag.message`, which JSON
    /// and CSV keep, so scripts see one stable text). Vietnamese messages name an entry by its Vietnamese name when `catalogue` knows it
    /// ("Thể chế số (institutions)"), since a reader of a Vietnamese page may not know the ids.
    public func message(of flag: UnitFlag, catalogue: IndicatorCatalogue? = nil) -> String {
        guard self == .vi else { return flag.message }
        func entry(_ id: String) -> String { catalogue?.node(id).map { "\($0.nameVI) (\(id))" } ?? "'\(id)'" }
        switch flag {
        case let .missingValue(id): return "không có giá trị \(entry(id)): tính 0 điểm"
        case let .memberMissingValue(id, _, name): return "\(name) không có giá trị \(entry(id)): tính 0 trong trung bình"
        case let .merged(_, names): return "trung bình các chỉ số chính của \(names.joined(separator: ", "))"
        case .noData: return "không có số liệu kỳ này: không xếp hạng"
        case let .componentsOverridden(id):
            return "\(entry(id)) có cả giá trị trực tiếp và các chỉ số thành phần: dùng giá trị trực tiếp, bỏ qua các thành phần"
        case let .imputed(id, method):
            return "không có giá trị \(entry(id)): ước tính (\(method)), KHÔNG phải phương pháp chính thức (0 điểm)"
        case .ownValues: return "tính từ số liệu riêng của đơn vị trong tập này, không gộp từ các tỉnh cũ"
        }
    }
}

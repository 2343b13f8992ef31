import DTICore

/// Builds the unit registry (63 provinces before 1 July 2025, 34 units after, regions, aliases)
/// from the CSV files in `Indicators/units/`, which are copies of `shared/domain`.
public enum UnitRegistryLoader {
    /// The texts of the reference files, with the names to use in messages.
    public struct Sources: Sendable {
        /// `provinces-63.csv`.
        public var provinces63: (text: String, file: String)
        /// `provinces-34.csv`.
        public var provinces34: (text: String, file: String)
        /// `regions-6.csv`.
        public var regions: (text: String, file: String)
        /// `aliases.csv`: extra spellings (`unit_set,code,alias`).
        public var aliases: (text: String, file: String)?

        /// Creates the set of sources.
        public init(
            provinces63: (text: String, file: String), provinces34: (text: String, file: String),
            regions: (text: String, file: String), aliases: (text: String, file: String)?
        ) {
            self.provinces63 = provinces63
            self.provinces34 = provinces34
            self.regions = regions
            self.aliases = aliases
        }
    }

    /// The id of the 63-province set.
    public static let provinces63 = UnitSet.provinces63ID
    /// The id of the 34-unit set formed on 1 July 2025.
    public static let units34 = UnitSet.provinces34ID

    /// Reads the sources into a registry with the sets `vn63` and `vn34`.
    public static func load(_ sources: Sources) throws -> UnitRegistry {
        let regionTable = try ReferenceTable(
            sources.regions.text, file: sources.regions.file,
            required: ["region_name_vi", "region_name_en", "province_code"])
        var regions: [Region] = []
        var regionByCode: [String: String] = [:]
        for row in regionTable.rows {
            let nameVI = regionTable.value("region_name_vi", in: row)
            let nameEN = regionTable.value("region_name_en", in: row)
            let id = TextFolding.fold(nameEN).split(separator: " ").joined(separator: "-")
            if !regions.contains(where: { $0.id == id }) { regions.append(Region(id: id, nameVI: nameVI, nameEN: nameEN)) }
            regionByCode[regionTable.value("province_code", in: row)] = id
        }

        var aliasesByUnit: [String: [String]] = [:]
        if let aliases = sources.aliases {
            let table = try ReferenceTable(aliases.text, file: aliases.file, required: ["unit_set", "code", "alias"])
            for row in table.rows {
                aliasesByUnit["\(table.value("unit_set", in: row))/\(table.value("code", in: row))", default: []]
                    .append(table.value("alias", in: row))
            }
        }

        let old = try ReferenceTable(
            sources.provinces63.text, file: sources.provinces63.file,
            required: ["code", "name", "full_name", "name_en", "dti_display_name_2022"])
        let oldUnits = old.rows.map { row in
            let code = old.value("code", in: row)
            return AdministrativeUnit(
                code: code, name: VietnameseSpelling.toneOnFirstVowel(old.value("name", in: row)),
                fullName: VietnameseSpelling.toneOnFirstVowel(old.value("full_name", in: row)),
                nameEN: old.value("name_en", in: row),
                aliases: [old.value("dti_display_name_2022", in: row)] + (aliasesByUnit["\(provinces63)/\(code)"] ?? []),
                regionID: regionByCode[code])
        }

        let new = try ReferenceTable(
            sources.provinces34.text, file: sources.provinces34.file,
            required: ["code", "name", "full_name", "formed_from_old_codes"])
        let newUnits = new.rows.map { row in
            let code = new.value("code", in: row)
            let name = VietnameseSpelling.toneOnFirstVowel(new.value("name", in: row))
            let members = new.value("formed_from_old_codes", in: row).split(separator: ";").map {
                String($0).trimmingWhitespace()
            }
            let english = oldUnits.first { $0.name == name }?.nameEN ?? TextFolding.fold(name).capitalizedWords()
            return AdministrativeUnit(
                code: code, name: name, fullName: VietnameseSpelling.toneOnFirstVowel(new.value("full_name", in: row)), nameEN: english,
                aliases: aliasesByUnit["\(units34)/\(code)"] ?? [], regionID: nil, memberCodes: members)
        }

        return UnitRegistry([
            UnitSet(
                id: provinces63, label: "63 provinces (before 1 July 2025)", labelVI: "63 tỉnh, thành phố (trước 1/7/2025)", units: oldUnits,
                regions: regions),
            UnitSet(
                id: units34, label: "34 provinces (from 1 July 2025)", labelVI: "34 tỉnh, thành phố (từ 1/7/2025)", predecessorID: provinces63,
                units: newUnits,
                regions: regions),
        ])
    }
}

extension String {
    /// "thai nguyen" → "Thai Nguyen".
    func capitalizedWords() -> String {
        split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

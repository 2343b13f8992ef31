import DTICore

/// Catalogues and units built in code, so core tests need no files.
enum Fixtures {
    static let foundation = ["awareness", "institutions", "infrastructure", "human_resources", "cybersecurity"]

    /// The Decision 922 framework as `Indicators/dti-2022.yaml` declares it.
    static func catalogue2022() throws -> IndicatorCatalogue {
        var nodes = [
            CatalogueNode(id: "dti", kind: .index, nameVI: "DTI", nameEN: "DTI", points: 1000),
            CatalogueNode(id: "government", kind: .pillar, nameVI: "Chính quyền số", nameEN: "Government", points: 700),
            CatalogueNode(id: "economy", kind: .pillar, nameVI: "Kinh tế số", nameEN: "Economy", points: 650),
            CatalogueNode(id: "society", kind: .pillar, nameVI: "Xã hội số", nameEN: "Society", points: 650),
        ]
        let all = ["dti", "government", "economy", "society"]
        for id in foundation {
            nodes.append(CatalogueNode(id: id, kind: .indicator, nameVI: id, nameEN: id, points: 100, countsIn: all))
        }
        nodes.append(CatalogueNode(id: "smart_city", kind: .indicator, nameVI: "Đô thị thông minh", nameEN: "Smart city", points: 0, countsIn: all))
        nodes.append(
            CatalogueNode(id: "government_activity", kind: .indicator, nameVI: "g", nameEN: "g", points: 200, countsIn: ["dti", "government"]))
        nodes.append(CatalogueNode(id: "economy_activity", kind: .indicator, nameVI: "e", nameEN: "e", points: 150, countsIn: ["dti", "economy"]))
        nodes.append(CatalogueNode(id: "society_activity", kind: .indicator, nameVI: "s", nameEN: "s", points: 150, countsIn: ["dti", "society"]))
        return try IndicatorCatalogue(framework: "dti-2022", title: "922", decision: "922", sourceName: "test", nodes: nodes)
    }

    /// The Decision 1726 framework: pillars given directly, 400/300/300.
    static func catalogue2020() throws -> IndicatorCatalogue {
        try IndicatorCatalogue(
            framework: "dti-2020", title: "1726", decision: "1726", sourceName: "test",
            nodes: [
                CatalogueNode(id: "dti", kind: .index, nameVI: "DTI", nameEN: "DTI", points: 1000),
                CatalogueNode(id: "government", kind: .pillar, nameVI: "g", nameEN: "g", points: 400, countsIn: ["dti"]),
                CatalogueNode(id: "economy", kind: .pillar, nameVI: "e", nameEN: "e", points: 300, countsIn: ["dti"]),
                CatalogueNode(id: "society", kind: .pillar, nameVI: "s", nameEN: "s", points: 300, countsIn: ["dti"]),
            ])
    }

    /// Đà Nẵng 2022 as published on dti.gov.vn/xep-hang-2022 (METHOD.md worked example).
    static let daNang2022: [String: Double] = [
        "awareness": 1.0, "institutions": 0.9, "infrastructure": 0.8253, "human_resources": 0.8487,
        "cybersecurity": 0.7578, "government_activity": 0.8575, "economy_activity": 0.7836, "society_activity": 0.5197,
    ]

    /// A tiny registry: three old units, two of which merge into one new unit.
    static func registry() -> UnitRegistry {
        let region = Region(id: "red-river-delta", nameVI: "Đồng bằng sông Hồng", nameEN: "Red River Delta")
        let old = UnitSet(
            id: "old", label: "3 old units",
            units: [
                AdministrativeUnit(code: "24", name: "Bắc Giang", fullName: "Tỉnh Bắc Giang", nameEN: "Bac Giang", regionID: region.id),
                AdministrativeUnit(code: "27", name: "Bắc Ninh", fullName: "Tỉnh Bắc Ninh", nameEN: "Bac Ninh", regionID: region.id),
                AdministrativeUnit(code: "48", name: "Đà Nẵng", fullName: "Thành phố Đà Nẵng", nameEN: "Da Nang"),
            ], regions: [region])
        let new = UnitSet(
            id: "new", label: "2 new units", predecessorID: "old",
            units: [
                AdministrativeUnit(code: "24", name: "Bắc Ninh", fullName: "Tỉnh Bắc Ninh", nameEN: "Bac Ninh", memberCodes: ["24", "27"]),
                AdministrativeUnit(code: "48", name: "Đà Nẵng", fullName: "Thành phố Đà Nẵng", nameEN: "Da Nang", memberCodes: ["48"]),
            ], regions: [region])
        return UnitRegistry([old, new])
    }

    static func observations(year: Int, unit: String, _ values: [String: Double], status: DataStatus? = nil) -> [Observation] {
        values.sorted { $0.key < $1.key }.map {
            Observation(
                year: year, unitCode: unit, indicatorID: $0.key, value: $0.value, provenance: Provenance(file: "t.csv", line: 2, status: status))
        }
    }
}

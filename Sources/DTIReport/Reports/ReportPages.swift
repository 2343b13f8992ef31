import DTICore

/// Builds the pages of a report set from a `ReportInput`: the national report, one profile per
/// unit, an optional comparison and the index. Pure: the same input gives the same documents.
public struct ReportPages {
    public let input: ReportInput
    let s: ReportStrings
    let lang: ReportLanguage
    let result: EditionResult
    let indexID: String
    /// The unit set's outlines, projected once for the national map and for every locator map.
    let fullDrawing: MapDrawing?
    /// The locator, its units written once for every profile (`ChoroplethMap.preparedLocator`).
    let locator: ChoroplethMap?
    /// For a map of several provinces' communes (the country's 3,321), each province's communes
    /// projected apart: a commune's locator shows where it lies in its province, and a page does
    /// not carry the whole country's outlines (850 KB) to show one commune.
    let parentLocators: [String: ChoroplethMap]
    /// Each unit's name, DTI, rank and page, for the maps: made once, not once per profile's locator.
    let mapAreas: [String: ChoroplethMap.Area]
    /// The units that get a profile page: those with values this edition or in an earlier one.
    /// A unit with neither would get a page of dashes (3,222 of them in a report of all the
    /// communes when only Bắc Ninh's are imported); it is listed, unlinked, instead.
    let profiled: Set<String>
    /// Each unit's parent, for finding a locator's province.
    private let parentCodes: [String: String]
    /// The ranked rows, each entry's mean over them, and each unit's place among them: worked out
    /// once, since every one of up to 3,321 profiles reads them.
    let ranked: [ResultRow]
    private let means: [String: UnitMean]
    let rankedPosition: [String: Int]
    /// The ranked rows of each region, in rank order: a profile's "region's best".
    let rankedByRegion: [String: [ResultRow]]

    public init(_ input: ReportInput) {
        self.input = input
        s = input.language.strings.fitted(
            to: input.result.unitSet, ranked: input.result.rows.filter(\.isRanked).count, language: input.language)
        lang = input.language
        result = input.result
        indexID = input.result.catalogue.index.id
        let withHistory = Set(
            (input.history + input.backCast).flatMap { edition in
                edition.rows.filter { !$0.flags.contains(.noData) }.map(\.unit.code)
            })
        let profiled = Set(input.result.rows.filter { !$0.flags.contains(.noData) || withHistory.contains($0.unit.code) }.map(\.unit.code))
        self.profiled = profiled
        mapAreas =
            input.map == nil ? [:] : Self.mapAreas(of: input.result, indexID: input.result.catalogue.index.id, profiled: profiled)
        parentCodes = Dictionary(
            input.result.rows.compactMap { row in row.unit.parentCode.map { (row.unit.code, $0) } }, uniquingKeysWith: { a, _ in a })
        let parentDrawings = input.map.map { Self.parentLocators(of: $0, units: input.result.unitSet) } ?? [:]
        // A map of several provinces' units is the country's: its islands stay in place, as on the
        // provinces' maps; a province's own map draws its far islands apart.
        fullDrawing = input.map.map { MapDrawing.full($0, insets: parentDrawings.isEmpty) }
        let labels = Self.mapLabels(s)
        let areas = mapAreas
        let lang = lang
        func prepared(_ drawing: MapDrawing) -> ChoroplethMap {
            ChoroplethMap(title: "", drawing: drawing, areas: areas, style: .locator([]), labels: labels, valueText: { lang.number($0) })
                .preparedLocator()
        }
        locator = input.map.map { prepared(MapDrawing.locator($0, insets: parentDrawings.isEmpty)) }
        parentLocators = parentDrawings.mapValues(prepared)
        let ranked = input.result.rows.filter(\.isRanked)
        self.ranked = ranked
        var means: [String: UnitMean] = [:]
        for entry in input.result.rankedEntries {
            means[entry.id] = UnitMean(of: entry.id, in: ranked)
        }
        self.means = means
        rankedPosition = Dictionary(ranked.enumerated().map { ($1.unit.code, $0) }, uniquingKeysWith: { first, _ in first })
        var byRegion: [String: [ResultRow]] = [:]
        for row in ranked { if let region = row.unit.regionID { byRegion[region, default: []].append(row) } }
        rankedByRegion = byRegion
    }

    /// The profile page of the unit `code`, its code encoded so it can only ever name one file.
    static func profileName(_ code: String) -> String { "profile-\(FileNamePart.encoded(code))" }

    /// A unit's name in a list: with its province's when the list spans several (the country's
    /// communes: "Quang Trung (Bắc Ninh)" and "Quang Trung (Cao Bằng)" are two communes).
    func listName(_ unit: AdministrativeUnit) -> String {
        guard result.unitSet.parentSetID != nil, result.unitSet.parentName == nil, let code = unit.parentCode,
            let parent = input.parents?.unit(code: code)
        else { return unit.name }
        return "\(unit.name) (\(parent.name))"
    }

    /// How many profile pages the set has (units with no values, now or before, have none).
    public var profileCount: Int { profiled.count }

    /// The unit's profile page, when it has one (`profiled`).
    func profilePage(_ code: String) -> String? { profiled.contains(code) ? Self.profileName(code) : nil }

    /// The report's title: the provincial DTI, or for communes and districts the index as their
    /// catalogue names it ("Chỉ số chuyển đổi số cấp xã").
    var nationalTitle: String {
        result.unitSet.parentSetID == nil ? s.nationalTitle : "\(lang.name(of: result.catalogue.index)) (DTI)"
    }

    /// The heading of unit columns: province, or unit for communes and districts.
    var unitHeading: String { result.unitSet.parentSetID == nil ? s.province : lang.unitHeading(for: result.unitSet) }

    var year: Int { result.edition.year }

    /// Banners every page carries: sample data, provisional framework, illustrative catalogue, merger.
    var banners: [ReportBlock] { result.notices.map { .banner(lang.text(of: $0)) } }

    var footer: [ReportBlock] {
        var blocks: [ReportBlock] = [.links([(s.backToIndex, "index")])]
        if let date = input.date { blocks.append(.paragraph("\(s.generated): \(date)")) }
        return blocks
    }

    var mapLabels: ChoroplethMap.Labels { Self.mapLabels(s) }

    static func mapLabels(_ s: ReportStrings) -> ChoroplethMap.Labels {
        ChoroplethMap.Labels(
            archipelagos: s.archipelagos, noData: s.noData, rank: s.rank.lowercased(), administeredBy: s.administeredBy, under: s.under,
            zoom: s.mapZoom)
    }

    /// Each unit's name, DTI, rank and page, for the maps.
    static func mapAreas(of result: EditionResult, indexID: String, profiled: Set<String>) -> [String: ChoroplethMap.Area] {
        var areas: [String: ChoroplethMap.Area] = [:]
        for row in result.rows {
            areas[row.unit.code] = .init(
                name: row.unit.name, value: row.values[indexID], rank: row.ranks[indexID],
                page: profiled.contains(row.unit.code) ? Self.profileName(row.unit.code) : nil)
        }
        return areas
    }

    /// The DTI of every unit on the unit set's map, or nil when the set has no map.
    func valueMap(title: String) -> ChoroplethMap? {
        fullDrawing.map {
            ChoroplethMap(title: title, drawing: $0, areas: mapAreas, style: .values, labels: mapLabels, valueText: { lang.number($0) })
        }
    }

    /// What a value map's caption says: how to read it, where its values are listed, and, when the
    /// map has them, its insets and how many units are too small to see.
    func mapCaption(_ drawing: MapDrawing) -> String {
        var caption = isPaginated ? s.mapNote.replacing(s.mapTableClause, with: s.mapPagedTable) : s.mapNote
        if !drawing.layout.insets.isEmpty { caption += " " + s.mapInsets }
        let zoomed = Set(drawing.layout.zoom?.codes ?? [])
        let unseen = drawing.layout.small.filter { !zoomed.contains($0) }.count
        if unseen > MapDrawing.maxMarkers {
            caption += " " + s.mapTooSmall.replacing("{count}", with: lang.count(unseen))
        }
        return caption
    }

    /// Each parent's part of `map`, as a locator drawing, when the map holds the units of more than
    /// one parent (else none: the set's own locator is already its province's).
    static func parentLocators(of map: UnitMap, units: UnitSet) -> [String: MapDrawing] {
        let parents = Dictionary(units.units.compactMap { unit in unit.parentCode.map { (unit.code, $0) } }, uniquingKeysWith: { a, _ in a })
        var byParent: [String: [UnitShape]] = [:]
        for shape in map.unitShapes {
            if let parent = parents[shape.code] { byParent[parent, default: []].append(shape) }
        }
        guard byParent.count > 1 else { return [:] }
        return byParent.mapValues { MapDrawing.locator(UnitMap(note: map.note, noteVI: map.noteVI, shapes: $0)) }
    }

    /// The unit set's map with `codes` highlighted (their province's, when they share one and the
    /// map holds several), or nil when the set has no map.
    func locatorMap(highlighting codes: Set<String>, title: String) -> ChoroplethMap? {
        let parents = Set(codes.map { parentCodes[$0] ?? "" })
        let only = parents.count == 1 ? parents.first : nil
        return (only.flatMap { parentLocators[$0] } ?? locator)?.highlighting(codes, title: title)
    }

    /// A value cell: the number, or "—" with the reason as a tooltip when the value was not given
    /// (it earned 0 points; a 0,0000 in a coloured cell would read as measured).
    func missingAware(_ row: ResultRow, _ entryID: String, heat: Bool = false) -> ReportCell {
        guard !row.isMissing(entryID) else {
            var cell = ReportCell(lang.terminal.missing, sortValue: -1)
            cell.note = lang.message(of: .missingValue(indicatorID: entryID), catalogue: result.catalogue)
            cell.isMissing = true
            return cell
        }
        let value = row.values[entryID]
        return ReportCell(lang.number(value), heat: heat ? value : nil, sortValue: value ?? -1)
    }

    /// The national mean of an entry (`UnitMean`: over the units with a value).
    func mean(of entryID: String) -> Double? {
        (means[entryID] ?? UnitMean(of: entryID, in: ranked))?.value
    }

    /// A mean as a cell: the number, and how many units it is over when some lack the value.
    func meanCell(of entryID: String) -> ReportCell {
        guard let mean = means[entryID] ?? UnitMean(of: entryID, in: ranked) else { return ReportCell(lang.number(nil)) }
        return ReportCell(lang.number(mean.value) + (mean.isComplete ? "" : " (\(mean.units)/\(mean.ranked))"))
    }

    // MARK: National

    /// Rows per ranking page: a set of 3,321 communes is ranked over seven pages, so no page
    /// grows past a few hundred kilobytes and each opens at once.
    static let rankingPageSize = 500

    /// How many ranking pages the set needs (the first is the national page).
    var rankingPageCount: Int { max(1, (result.rows.count + Self.rankingPageSize - 1) / Self.rankingPageSize) }

    /// Whether the set is ranked over several pages; then the per-unit tables that would repeat
    /// the ranking (beside the map, the heat map) are left out.
    var isPaginated: Bool { rankingPageCount > 1 }

    static func rankingPageName(_ page: Int) -> String { page == 1 ? "national" : "ranking-\(page)" }

    /// The ranking table for page `page` (1-based), with links to the other pages when there are several.
    func rankingPage(_ page: Int) -> [ReportBlock] {
        let pillars = result.catalogue.pillars
        let lower = (page - 1) * Self.rankingPageSize
        let range = lower..<min(result.rows.count, lower + Self.rankingPageSize)
        var header = [unitHeading, s.rank]
        if input.uncertainty != nil { header.append(intervalHeader) }
        header.append(s.dti)
        for pillar in pillars { header += [lang.name(of: pillar), s.rank] }
        // Without a previous edition (a first year, the communes) there is no change to show: no
        // columns of dashes (the page says why above the table).
        let hasPrevious = input.previous != nil
        if hasPrevious { header += [s.change, s.rankChange] }
        header.append(s.flags)
        let numeric = Set(1..<(header.count - 1))
        let rows: [[ReportCell]] = result.rows[range].map { row in
            let movement = Movement(row, previous: input.previous, entryID: indexID)
            var cells = [
                ReportCell(listName(row.unit), page: profilePage(row.unit.code)),
                ReportCell(row.ranks[indexID].map(String.init) ?? "–", sortValue: row.ranks[indexID].map(Double.init) ?? 999),
            ]
            if input.uncertainty != nil { cells.append(intervalCell(row)) }
            cells.append(ReportCell(lang.number(row.values[indexID]), sortValue: row.values[indexID] ?? -1))
            for pillar in pillars {
                cells.append(ReportCell(lang.number(row.values[pillar.id]), sortValue: row.values[pillar.id] ?? -1))
                cells.append(ReportCell(row.ranks[pillar.id].map(String.init) ?? "–", sortValue: row.ranks[pillar.id].map(Double.init) ?? 999))
            }
            if hasPrevious {
                cells.append(ReportCell(lang.change(movement?.valueChange), sortValue: movement?.valueChange ?? 0))
                cells.append(ReportCell(lang.rankChange(movement?.rankChange), sortValue: Double(movement?.rankChange ?? 0)))
            }
            var flags = ReportCell(
                row.flags.filter(\.isShownWithTheRow).map { lang.shortForm(of: $0, catalogue: result.catalogue) }.joined(separator: " "))
            flags.wraps = true
            cells.append(flags)
            return cells
        }
        var blocks: [ReportBlock] = []
        if isPaginated { blocks.append(pager(current: page)) }
        blocks.append(.table(ReportTable(header: header, rows: rows, numericColumns: numeric, isSortable: true)))
        if isPaginated { blocks.append(pager(current: page)) }
        return blocks
    }

    /// Links to every ranking page, by the ranks each holds ("1–500", "501–1000", …).
    func pager(current: Int) -> ReportBlock {
        .links(
            (1...rankingPageCount).map { page in
                let first = (page - 1) * Self.rankingPageSize + 1
                let last = min(result.rows.count, page * Self.rankingPageSize)
                let label = "\(s.ranking) \(first)–\(last)" + (page == current ? " ●" : "")
                return (label, Self.rankingPageName(page))
            })
    }

    /// The ranking pages after the first (which is part of the national page).
    func rankingPages() -> [ReportDocument] {
        guard isPaginated else { return [] }
        return (2...rankingPageCount).map { page in
            let title = "\(nationalTitle) \(year): \(s.ranking) (\(page)/\(rankingPageCount))"
            let blocks: [ReportBlock] =
                [.heading(title, level: 1), .paragraph("\(lang.label(of: result.unitSet)) · \(lang.title(of: result.catalogue))")] + banners
                + rankingPage(page) + footer
            return ReportDocument(name: Self.rankingPageName(page), title: title, blocks: blocks)
        }
    }

    /// Each province's communes or districts: how many are ranked, their mean, best, worst and
    /// spread; nothing for a set of provinces.
    func rollUp() -> [ReportBlock] {
        guard let parents = input.parents, result.unitSet.parentSetID != nil else { return [] }
        var byParent: [String: [ResultRow]] = [:]
        for row in ranked { if let parent = row.unit.parentCode { byParent[parent, default: []].append(row) } }
        let rows: [[ReportCell]] = parents.units.compactMap { parent in
            guard let members = byParent[parent.code], let distribution = Distribution(members.compactMap { $0.values[indexID] }),
                let best = members.first, let worst = members.last
            else { return nil }
            return [
                ReportCell(parent.name), ReportCell(String(distribution.count), sortValue: Double(distribution.count)),
                ReportCell(lang.number(distribution.mean), sortValue: distribution.mean),
                ReportCell("\(lang.number(best.values[indexID])) · \(best.unit.name)", sortValue: best.values[indexID] ?? 0),
                ReportCell("\(lang.number(worst.values[indexID])) · \(worst.unit.name)", sortValue: worst.values[indexID] ?? 0),
                ReportCell(lang.number(distribution.spread), sortValue: distribution.spread),
            ]
        }
        guard !rows.isEmpty else { return [] }
        return [
            .heading(s.byProvince, level: 2),
            .table(
                ReportTable(
                    header: [s.province, s.units, s.mean, s.best, s.worst, s.spread], rows: rows, numericColumns: [1, 2, 5], isSortable: true)),
        ]
    }

    public func national() -> ReportDocument {
        let title = "\(nationalTitle) \(year)"
        var blocks: [ReportBlock] =
            [.heading(title, level: 1), .paragraph("\(lang.label(of: result.unitSet)) · \(lang.title(of: result.catalogue))")] + banners
        let pillars = result.catalogue.pillars

        // Headline.
        if let distribution = result.indexDistribution, let best = ranked.first, let worst = ranked.last {
            let above = ranked.filter { ($0.values[indexID] ?? 0) > distribution.mean }.count
            blocks.append(.heading(s.headline, level: 2))
            blocks.append(
                .table(
                    ReportTable(
                        header: [s.headline, s.value],
                        rows: [
                            [ReportCell(s.mean), ReportCell(lang.number(distribution.mean))],
                            [ReportCell(s.median), ReportCell(lang.number(distribution.median))],
                            [ReportCell(s.best), ReportCell("\(lang.number(best.values[indexID])) · \(best.unit.name)")],
                            [ReportCell(s.worst), ReportCell("\(lang.number(worst.values[indexID])) · \(worst.unit.name)")],
                            [ReportCell(s.aboveMean), ReportCell("\(above) / \(distribution.count)")],
                        ], numericColumns: [1])))
        }

        // Full ranking.
        blocks.append(.heading(s.ranking, level: 2))
        blocks.append(
            .paragraph(s.sortHint + " " + (input.previous.map { "\(s.change): \(s.previousEdition) (\($0.edition.year))." } ?? s.noPrevious)))
        blocks += rankingPage(1)
        blocks += uncertaintySection()
        if let sandbox = Sandbox(result, language: lang, unitHeading: unitHeading, page: Self.profileName) { blocks.append(.sandbox(sandbox)) }
        blocks += rollUp()

        // Map: the real boundaries when the unit set has them, else the tile layout.
        if let map = valueMap(title: "\(s.map): \(s.dti) \(year)") {
            blocks.append(.heading(s.map, level: 2))
            let chart = ReportBlock.chart(id: "map", svg: { map.svg(standalone: $0) }, caption: mapCaption(map.drawing))
            // Ranked over several pages, the set's values are in the ranking: a table of them all
            // beside the map would be the ranking again.
            let table = ReportTable(
                header: [unitHeading, s.rank, s.dti],
                rows: result.rows.map { row in
                    [
                        ReportCell(listName(row.unit), page: profilePage(row.unit.code)),
                        ReportCell(row.ranks[indexID].map(String.init) ?? "–"), ReportCell(lang.number(row.values[indexID])),
                    ]
                }, numericColumns: [1, 2])
            blocks.append(isPaginated ? chart : .beside([chart, .table(table)]))
        } else if !input.tiles.isEmpty {
            blocks.append(.heading(s.tileMap, level: 2))
            let tiles = result.rows.compactMap { row -> TileMap.Tile? in
                guard let place = input.tiles[row.unit.code] else { return nil }
                return TileMap.Tile(
                    code: row.unit.code, name: row.unit.name, column: place.column, row: place.row, value: row.values[indexID],
                    link: profilePage(row.unit.code).map { $0 + ".html" })
            }
            let tileMap = TileMap(title: "\(s.tileMap): \(s.dti) \(year)", tiles: tiles, valueText: { lang.number($0) })
            blocks.append(.chart(id: "tilemap", svg: { tileMap.svg(standalone: $0) }, caption: s.tileMapNote))
        }

        // Leaderboards.
        blocks.append(.heading(s.leaderboards, level: 2))
        for pillar in pillars {
            let top = result.rows(orderedBy: pillar.id).filter(\.isRanked).prefix(10)
            let chart = BarChart(
                title: "\(lang.name(of: pillar)): \(s.top10)",
                bars: top.map { .init(label: "\($0.ranks[pillar.id] ?? 0). \($0.unit.name)", value: $0.values[pillar.id] ?? 0) },
                valueText: { lang.number($0) }, reference: mean(of: pillar.id).map { ($0, s.nationalMean) })
            blocks.append(.heading(lang.name(of: pillar), level: 3))
            blocks.append(.chart(id: "leaders-\(pillar.id)", svg: { chart.svg(standalone: $0) }, caption: "\(lang.name(of: pillar)): \(s.top10)"))
        }
        blocks.append(.paragraph(s.meanRule))

        // Regions.
        if result.unitSet.hasRegions {
            blocks.append(.heading(s.regions, level: 2))
            let regionRows: [[ReportCell]] = result.unitSet.regions.compactMap { region in
                let members = ranked.filter { $0.unit.regionID == region.id }
                guard let distribution = Distribution(members.compactMap { $0.values[indexID] }),
                    let best = members.max(by: { ($0.values[indexID] ?? 0, $1.unit.code) < ($1.values[indexID] ?? 0, $0.unit.code) })
                else { return nil }
                return [
                    ReportCell(lang.text(en: region.nameEN, vi: region.nameVI)), ReportCell(String(distribution.count)),
                    ReportCell(lang.number(distribution.mean)), ReportCell("\(lang.number(distribution.maximum)) · \(best.unit.name)"),
                    ReportCell(lang.number(distribution.spread)),
                ]
            }
            blocks.append(.table(ReportTable(header: [s.region, s.units, s.mean, s.best, s.spread], rows: regionRows, numericColumns: [1, 2, 4])))
        }

        // Distribution.
        blocks.append(.heading(s.distribution, level: 2))
        let values = ranked.compactMap { $0.values[indexID] }
        let bins = Histogram(values, width: 0.05).bins
        let histogram = BarChart(
            title: s.distribution,
            bars: bins.map { .init(label: "\(lang.number($0.lower, decimals: 2))–\(lang.number($0.upper, decimals: 2))", value: Double($0.count)) },
            maximum: Double(bins.map(\.count).max() ?? 1), valueText: { String(Int($0)) })
        blocks.append(.chart(id: "distribution", svg: { histogram.svg(standalone: $0) }, caption: "\(s.distribution) (\(s.count))"))

        // Heat map.
        let indicators = result.catalogue.indicators.filter { $0.points > 0 }
        if !indicators.isEmpty, !isPaginated {
            blocks.append(.heading(s.heatMap, level: 2))
            let heatRows: [[ReportCell]] = ranked.map { row in
                [ReportCell(listName(row.unit), page: profilePage(row.unit.code))]
                    + indicators.map { indicator in missingAware(row, indicator.id, heat: true) }
            }
            blocks.append(
                .table(
                    ReportTable(
                        header: [unitHeading] + indicators.map { lang.name(of: $0) }, rows: heatRows,
                        numericColumns: Set(1...indicators.count), isSortable: true, isCompact: true)))
        }

        // Movers.
        if let previous = input.previous {
            let moves = ranked.compactMap { row in Movement(row, previous: previous, entryID: indexID).map { (row, $0) } }
                .sorted {
                    abs($0.1.valueChange) != abs($1.1.valueChange) ? abs($0.1.valueChange) > abs($1.1.valueChange) : $0.0.unit.code < $1.0.unit.code
                }
                .prefix(10)
            blocks.append(.heading(s.movers, level: 2))
            blocks.append(
                .table(
                    ReportTable(
                        header: [unitHeading, s.change, s.rankChange, s.dti],
                        rows: moves.map { row, move in
                            [
                                ReportCell(listName(row.unit), page: profilePage(row.unit.code)), ReportCell(lang.change(move.valueChange)),
                                ReportCell(lang.rankChange(move.rankChange)), ReportCell(lang.number(row.values[indexID])),
                            ]
                        }, numericColumns: [1, 2, 3])))
        }

        blocks += methodology() + dataAppendix() + footer
        return ReportDocument(name: "national", title: title, blocks: blocks)
    }

    func methodology() -> [ReportBlock] {
        let catalogue = result.catalogue
        var blocks: [ReportBlock] = [.heading(s.methodology, level: 2), .paragraph("\(lang.title(of: catalogue)) · \(catalogue.decision)")]
        if catalogue.isProvisional {
            let note = catalogue.provisionalNote.map { lang.text(en: $0, vi: catalogue.provisionalNoteVI) } ?? catalogue.provisionalNoteVI
            blocks.append(.banner("\(s.provisional): \(note ?? "")"))
        }
        let nodes = [catalogue.index] + catalogue.pillars + catalogue.indicators
        let notes = nodes.map { node in node.note.map { lang.text(en: $0, vi: node.noteVI) } ?? node.noteVI }
        // Where an entry counts in, and its note, are sentences: they wrap rather than widen the table.
        func wrapping(_ text: String) -> ReportCell {
            var cell = ReportCell(text)
            cell.wraps = true
            return cell
        }
        let rows: [[ReportCell]] = zip(nodes, notes).map { node, note in
            [
                ReportCell(lang.name(of: node)), ReportCell(node.id), ReportCell(lang.points(node.points)),
                wrapping(node.countsIn.map { catalogue.node($0).map(lang.name(of:)) ?? $0 }.joined(separator: ", ")),
            ] + (notes.contains { $0 != nil } ? [wrapping(note ?? "")] : [])
        }
        let header = [s.indicators, "id", s.maxPoints, s.countsIn] + (notes.contains { $0 != nil } ? [s.note] : [])
        blocks.append(.table(ReportTable(header: header, rows: rows, numericColumns: [2])))
        blocks.append(.paragraph(s.rankingRule))
        return blocks
    }

    func dataAppendix() -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(s.dataAppendix, level: 2), .heading(s.sources, level: 3)]
        blocks.append(
            .table(
                ReportTable(
                    header: [s.file, "SHA-256", s.values],
                    rows: input.sources.map {
                        [ReportCell($0.file), ReportCell($0.sha256.map { String($0.prefix(16)) } ?? "–"), ReportCell(String($0.count))]
                    },
                    numericColumns: [2])))
        if let map = input.map {
            blocks.append(.heading(s.mapSource, level: 3))
            blocks.append(.paragraph(lang.text(en: map.note, vi: map.noteVI)))
        }
        blocks.append(.heading(s.missingAndFlagged, level: 3))
        let flagged = result.rows.flatMap { row in row.flags.filter(\.isWarning).map { (row.unit.name, $0) } }
        if flagged.isEmpty {
            blocks.append(.paragraph(s.none))
        } else {
            blocks.append(
                .table(
                    ReportTable(
                        header: [unitHeading, s.flags],
                        rows: flagged.map { [ReportCell($0.0), ReportCell(lang.message(of: $0.1, catalogue: result.catalogue))] })))
        }
        return blocks
    }
}

import DTICore

extension ReportPages {
    /// One unit's page: DTI, rank and movement; pillars against the national mean and the region's
    /// best; a radar of its main indicators; its history; the points it left on the table; its
    /// neighbours in the ranking.
    public func profile(_ row: ResultRow) -> ReportDocument {
        let title = "\(s.profileTitle) \(year): \(placeName(row.unit))"
        var blocks: [ReportBlock] = [.heading(title, level: 1)] + banners
        let movement = Movement(row, previous: input.previous, entryID: indexID)
        let summary = ReportBlock.table(
            ReportTable(
                header: [s.dti, s.value],
                rows: [
                    [ReportCell(s.dti), ReportCell(lang.number(row.values[indexID]))],
                    [ReportCell(s.rank), ReportCell(row.ranks[indexID].map { "\($0) / \(ranked.count)" } ?? "–")],
                ]
                    // No "– · –" when there is no previous edition to change from.
                    + (input.previous == nil
                        ? []
                        : [[ReportCell(s.change), ReportCell("\(lang.change(movement?.valueChange)) · \(lang.rankChange(movement?.rankChange))")]])
                    + (row.unit.memberCodes.count > 1
                        ? [[ReportCell(s.formedFrom), ReportCell(memberNames(row.unit).joined(separator: ", "))]] : []),
                numericColumns: [1]))
        if let locator = locatorMap(highlighting: [row.unit.code], title: "\(s.locator): \(placeName(row.unit))") {
            blocks.append(
                .beside([summary, .chart(id: "locator", svg: { locator.svg(standalone: $0) }, caption: "\(s.locator): \(placeName(row.unit))")]))
        } else {
            blocks.append(summary)
        }
        for flag in row.flags where flag.isShownWithTheRow {
            blocks.append(.paragraph((flag.isWarning ? "⚠ " : "ℹ ") + lang.message(of: flag, catalogue: result.catalogue)))
        }
        blocks += whyItMoved(row)

        // Pillars against the national mean and the region's best (a set without regions, such as
        // the 34 units, has no region's best: no column of dashes).
        let regionMembers = row.unit.regionID.flatMap { rankedByRegion[$0] } ?? []
        let hasRegions = !rankedByRegion.isEmpty
        blocks.append(.heading(s.pillars, level: 2))
        let pillarRows: [[ReportCell]] = result.catalogue.pillars.map { pillar in
            let regionBest = regionMembers.compactMap { $0.values[pillar.id] }.max()
            return [
                ReportCell(lang.name(of: pillar)), ReportCell(lang.number(row.values[pillar.id])),
                ReportCell(row.ranks[pillar.id].map(String.init) ?? "–"), meanCell(of: pillar.id),
            ] + (hasRegions ? [ReportCell(lang.number(regionBest))] : [])
        }
        blocks.append(
            .table(
                ReportTable(
                    header: [s.pillars, s.value, s.rank, s.nationalMean] + (hasRegions ? [s.regionBest] : []), rows: pillarRows,
                    numericColumns: hasRegions ? [1, 2, 3, 4] : [1, 2, 3])))

        // Radar.
        let indicators = result.catalogue.indicators.filter { $0.points > 0 }
        if indicators.count >= 3 {
            let radar = RadarChart(
                title: s.radar,
                axes: indicators.map {
                    .init(
                        label: lang.name(of: $0) + (row.isMissing($0.id) ? " (\(lang.terminal.missing))" : ""), value: row.values[$0.id] ?? 0,
                        reference: mean(of: $0.id) ?? 0)
                },
                seriesLabel: row.unit.name, referenceLabel: s.nationalMean)
            blocks.append(.heading(s.radar, level: 2))
            blocks.append(.chart(id: "radar", svg: { radar.svg(standalone: $0) }, caption: s.radar))
            blocks.append(
                .table(
                    ReportTable(
                        header: [s.indicators, row.unit.name, s.nationalMean],
                        rows: indicators.map {
                            [ReportCell(lang.name(of: $0)), missingAware(row, $0.id), meanCell(of: $0.id)]
                        },
                        numericColumns: [1, 2])))
        }
        blocks.append(.paragraph(s.meanRule))

        // History.
        let series = history(of: row.unit)
        if !series.isEmpty {
            blocks.append(.heading(s.history, level: 2))
            if row.unit.memberCodes.count > 1, result.unitSet.id != UnitSet.provinces63ID { blocks.append(.paragraph(s.membersHistory)) }
            let chart = LineChart(title: s.history, series: series, valueText: { lang.number($0, decimals: 2) })
            blocks.append(.chart(id: "history", svg: { chart.svg(standalone: $0) }, caption: "\(s.history): \(s.dti)"))
            let years = chart.years
            blocks.append(
                .table(
                    ReportTable(
                        header: [unitHeading] + years.map(String.init),
                        rows: series.map { line in
                            [ReportCell(line.name)] + years.map { year in ReportCell(lang.number(line.points.first { $0.year == year }?.value)) }
                        }, numericColumns: Set(1...max(years.count, 1)))))
        }

        // Points left on the table.
        let left = result.pointsLeft(for: row)
        if !left.isEmpty {
            blocks.append(.heading(s.pointsLeft, level: 2))
            let chart = BarChart(
                title: s.pointsLeft, bars: left.map { .init(label: lang.name(of: $0.indicator), value: $0.left) },
                maximum: left.map(\.indicator.points).max() ?? 1, valueText: { lang.points($0) })
            blocks.append(.chart(id: "points-left", svg: { chart.svg(standalone: $0) }, caption: s.pointsLeft))
            blocks.append(
                .table(
                    ReportTable(
                        header: [s.indicators, s.maxPoints, s.earned, s.left],
                        rows: left.map {
                            [
                                ReportCell(lang.name(of: $0.indicator)), ReportCell(lang.points($0.indicator.points)),
                                ReportCell(lang.points($0.earned)), ReportCell(lang.points($0.left)),
                            ]
                        },
                        numericColumns: [1, 2, 3])))
        }

        // Neighbours.
        if let position = rankedPosition[row.unit.code] {
            let window = ranked[max(0, position - 2)...min(ranked.count - 1, position + 2)]
            blocks.append(.heading(s.neighbours, level: 2))
            blocks.append(
                .table(
                    ReportTable(
                        header: [unitHeading, s.rank, s.dti],
                        rows: window.map { other in
                            [
                                ReportCell(
                                    other.unit.name, page: other.unit.code == row.unit.code ? nil : profilePage(other.unit.code),
                                    isBest: other.unit.code == row.unit.code),
                                ReportCell(other.ranks[indexID].map(String.init) ?? "–"), ReportCell(lang.number(other.values[indexID])),
                            ]
                        }, numericColumns: [1, 2])))
        }
        blocks.append(.links([(nationalTitle, "national")]))
        blocks += footer
        return ReportDocument(name: Self.profileName(row.unit.code), title: title, blocks: blocks)
    }

    func memberNames(_ unit: AdministrativeUnit) -> [String] {
        let before = input.history.last { $0.unitSet.id != result.unitSet.id }?.unitSet
        return unit.memberCodes.map { code in before?.unit(code: code)?.name ?? code }
    }

    /// The unit's DTI in every stored edition: its own line first (scored in its own set, or back-cast
    /// by the merge rule before the merger), then, for a merged unit, each member's line before it.
    func history(of unit: AdministrativeUnit) -> [LineChart.Series] {
        var members: [String: (name: String, points: [(year: Int, value: Double)])] = [:]
        var memberOrder: [String] = []
        for edition in input.history where edition.unitSet.id != result.unitSet.id {
            let id = edition.catalogue.index.id
            for code in unit.memberCodes {
                guard let row = edition.row(code: code), let value = row.values[id] else { continue }
                if members[code] == nil {
                    members[code] = (row.unit.name, [])
                    memberOrder.append(code)
                }
                members[code]?.points.append((edition.edition.year, value))
            }
        }
        // A member's line says it is the province before the merger, so "Bắc Ninh" the former
        // province is never read as "Bắc Ninh" the new unit.
        var series = memberOrder.compactMap { code in
            members[code].map { LineChart.Series(name: s.memberHistory.replacing("{name}", with: $0.name), points: $0.points) }
        }
        if let own = ownHistory(of: unit) { series.insert(own, at: 0) }
        return series
    }

    /// The unit's own line: editions scored in the report's unit set, natively or back-cast, and the
    /// reported one. A merged unit's line is named so that it cannot be taken for a member's.
    func ownHistory(of unit: AdministrativeUnit) -> LineChart.Series? {
        var points: [Int: Double] = [:]
        for edition in input.history.filter({ $0.unitSet.id == result.unitSet.id }) + input.backCast + [result] {
            if let value = edition.row(code: unit.code)?.values[edition.catalogue.index.id] {
                points[edition.edition.year] = value
            }
        }
        guard !points.isEmpty else { return nil }
        let name =
            unit.memberCodes.count > 1 && !input.backCast.isEmpty
            ? s.ownHistoryMerged.replacing("{name}", with: unit.name).replacing("{count}", with: String(result.unitSet.count)) : unit.name
        return LineChart.Series(name: name, points: points.keys.sorted().compactMap { year in points[year].map { (year, $0) } })
    }

    /// Where the unit is, for a title: a province by its name; a commune by its full name and
    /// its province's ("Xã Quang Trung, tỉnh Bắc Ninh": the country has several Quang Trungs),
    /// in English "Quang Trung (Bắc Ninh)".
    func placeName(_ unit: AdministrativeUnit) -> String {
        guard result.unitSet.parentSetID != nil, let code = unit.parentCode, let parent = input.parents?.unit(code: code) else { return unit.name }
        let short = "\(unit.name) (\(parent.name))"
        guard unit.fullName != unit.name else { return short }
        // The full names are the data's Vietnamese ("Xã Quang Trung"): a Vietnamese page uses them.
        let province = parent.fullName == parent.name ? parent.name : parent.fullName.prefix(1).lowercased() + parent.fullName.dropFirst()
        return lang.text(en: short, vi: "\(unit.fullName), \(province)")
    }

    // MARK: Comparison

    /// Side-by-side pillars and main indicators of 2–6 units, the best of each row marked, and
    /// their histories on one chart.
    public func comparison(_ rows: [ResultRow]) -> ReportDocument {
        let title = "\(s.comparisonTitle) \(year): " + rows.map(\.unit.name).joined(separator: " · ")
        var blocks: [ReportBlock] = [.heading(title, level: 1)] + banners
        for row in rows {
            guard let names = input.comparedNames[row.unit.code] else { continue }
            if names.count > 1 {
                blocks.append(
                    .paragraph(
                        s.standsFor.replacing("{unit}", with: row.unit.name).replacing(
                            "{names}", with: names.joined(separator: Messages.Format.and.text(lang)))))
            } else if let name = names.first,
                let member = memberNames(row.unit).first(where: { TextFolding.fold($0) == TextFolding.fold(name) }),
                TextFolding.fold(member) != TextFolding.fold(row.unit.name)
            {
                // One former province's name, asked for and answered by the unit that includes it.
                blocks.append(.paragraph(s.nowPartOf.replacing("{name}", with: member).replacing("{unit}", with: row.unit.name)))
            }
        }
        blocks.append(.paragraph(s.bestMarked))
        let entries = [result.catalogue.index] + result.catalogue.pillars + result.catalogue.indicators.filter { $0.points > 0 }
        let tableRows: [[ReportCell]] = entries.map { entry in
            let values = rows.map { $0.isMissing(entry.id) ? nil : $0.values[entry.id] }
            let best = values.compactMap { $0.map(PublishedPrecision.key) }.max()
            return [ReportCell(lang.name(of: entry))]
                + zip(rows, values).map { row, value in
                    var cell = missingAware(row, entry.id)
                    cell.isBest = value.map(PublishedPrecision.key) == best && best != nil
                    return cell
                }
        }
        let values = ReportBlock.table(
            ReportTable(header: [s.comparison] + rows.map(\.unit.name), rows: tableRows, numericColumns: Set(1...rows.count)))
        let names = rows.map(\.unit.name).joined(separator: ", ")
        if let locator = locatorMap(highlighting: Set(rows.map(\.unit.code)), title: "\(s.locator): \(names)") {
            blocks.append(.beside([values, .chart(id: "locator", svg: { locator.svg(standalone: $0) }, caption: "\(s.locator): \(names)")]))
        } else {
            blocks.append(values)
        }
        blocks.append(
            .table(
                ReportTable(
                    header: [s.rank] + rows.map(\.unit.name),
                    rows: entries.map { entry in
                        [ReportCell(lang.name(of: entry))] + rows.map { ReportCell($0.ranks[entry.id].map(String.init) ?? "–") }
                    },
                    numericColumns: Set(1...rows.count))))
        let series = rows.compactMap { ownHistory(of: $0.unit) }
        if !series.isEmpty {
            let chart = LineChart(title: s.history, series: series, valueText: { lang.number($0, decimals: 2) })
            blocks.append(.heading(s.history, level: 2))
            blocks.append(.chart(id: "history", svg: { chart.svg(standalone: $0) }, caption: "\(s.history): \(s.dti)"))
        }
        blocks.append(.links(rows.compactMap { row in profilePage(row.unit.code).map { (row.unit.name, $0) } }))
        blocks += footer
        return ReportDocument(name: "compare", title: title, blocks: blocks)
    }

    // MARK: Index

    public func index(hasComparison: Bool) -> ReportDocument {
        let title = "\(s.indexTitle) \(year)"
        var blocks: [ReportBlock] = [.heading(title, level: 1)] + banners
        var links: [(text: String, page: String)] = [("\(nationalTitle) \(year)", "national")]
        if hasComparison { links.append((s.comparisonTitle, "compare")) }
        if input.audit != nil { links.append((Messages.Report.statisticalAudit(year: year).text(lang), "audit")) }
        blocks.append(.links(links))
        blocks.append(.heading(s.profiles, level: 2))
        let units = VietnameseOrder.sorted(result.rows.map(\.unit).filter { profiled.contains($0.code) }, by: \.name)
        blocks.append(.links(units.map { ($0.name, Self.profileName($0.code)) }))
        if let date = input.date { blocks.append(.paragraph("\(s.generated): \(date)")) }
        return ReportDocument(name: "index", title: title, blocks: blocks)
    }
}

/// The formats a report set can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case html, markdown

    /// Whether a report set in this format writes files like `path` (a page, or a Markdown page's
    /// chart): a page of an earlier run that this run does not write again is one to remove.
    public func ownsPage(_ path: String) -> Bool {
        switch self {
        case .html: !path.contains("/") && path.hasSuffix(".html")
        case .markdown: (!path.contains("/") && path.hasSuffix(".md")) || (path.hasPrefix("charts/") && path.hasSuffix(".svg"))
        }
    }
}

extension ReportPages {
    /// Every file of the report set, path relative to the output folder, in a stable order.
    ///
    /// In the order to write them: what a page links to before the page (charts, profiles, the
    /// comparison, the national page) and the index last, so a run stopped half-way never leaves a
    /// page whose links lead to pages not yet written.
    public func files(formats: [ReportFormat], compare: [ResultRow], threads: Int = 1) -> [(path: String, contents: String)] {
        // Each page is built and rendered apart from the others, so the work is shared among
        // `threads`; the files come back in the same order as from one thread.
        let rows = result.rows.filter { profiled.contains($0.unit.code) }
        var documents = ParallelMap.map(rows.count, threads: threads) { profile(rows[$0]) }
        if !compare.isEmpty { documents.append(comparison(compare)) }
        if let audit = input.audit { documents.append(auditPage(audit)) }
        documents += [national()] + rankingPages() + [index(hasComparison: !compare.isEmpty)]
        var files: [(String, String)] = []
        for format in formats {
            let rendered = ParallelMap.map(documents.count, threads: threads) { index -> [(String, String)] in
                let document = documents[index]
                switch format {
                case .html:
                    return [("\(document.name).html", HTMLReportRenderer.render(document, language: lang))]
                case .markdown:
                    let rendered = MarkdownReportRenderer.render(document)
                    return rendered.files + [("\(document.name).md", rendered.page)]
                }
            }
            for pages in rendered { files += pages }
        }
        return files
    }

    /// Why the unit's DTI moved since the previous edition (`dti explain`): the change split by main
    /// indicator, and whom it passed or fell behind. Nothing when there is no previous edition.
    func whyItMoved(_ row: ResultRow) -> [ReportBlock] {
        // The explanation splits the official index by its points; a method of one's own has others.
        guard result.customMethod == nil, let previous = input.previous,
            let explanation = try? ChangeExplanation(unitCode: row.unit.code, now: result, then: previous)
        else { return [] }
        let view = ExplainView(explanation, notices: [], language: lang)
        let table = view.table
        return [.heading(lang.explainStrings.whyItMoved, level: 2), .paragraph(view.headline)]
            + [.table(ReportTable(header: table.header, rows: table.rows.map { $0.map { ReportCell($0) } }, numericColumns: table.numericColumns))]
            + view.facts.map(ReportBlock.paragraph)
    }
}

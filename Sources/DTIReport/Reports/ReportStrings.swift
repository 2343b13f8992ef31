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

    /// The words of `language`, from the message catalogue (`page.…`); `{name}` placeholders are
    /// filled where the words are used.
    public static func from(_ language: Language) -> ReportStrings {
        ReportStrings(
            htmlLanguage: language.rawValue,
            nationalTitle: Messages.Page.nationalTitle.text(language),
            profileTitle: Messages.Page.profileTitle.text(language),
            comparisonTitle: Messages.Page.comparisonTitle.text(language),
            indexTitle: Messages.Page.indexTitle.text(language),
            sampleBanner: Messages.Page.sampleBanner.text(language),
            headline: Messages.Page.headline.text(language),
            mean: Messages.Page.mean.text(language),
            median: Messages.Page.median.text(language),
            best: Messages.Page.best.text(language),
            worst: Messages.Page.worst.text(language),
            aboveMean: Messages.Page.aboveMean.text(language),
            ranking: Messages.Page.ranking.text(language),
            rank: Messages.Page.rank.text(language),
            province: Messages.Page.province.text(language),
            dti: Messages.Page.dti.text(language),
            change: Messages.Page.change.text(language),
            rankChange: Messages.Page.rankChange.text(language),
            flags: Messages.Page.flags.text(language),
            leaderboards: Messages.Page.leaderboards.text(language),
            regions: Messages.Page.regions.text(language),
            region: Messages.Page.region.text(language),
            units: Messages.Page.units.text(language),
            spread: Messages.Page.spread.text(language),
            distribution: Messages.Page.distribution.text(language),
            heatMap: Messages.Page.heatMap.text(language),
            movers: Messages.Page.movers.text(language),
            tileMap: Messages.Page.tileMap.text(language),
            tileMapNote: Messages.Page.tileMapNote.text(language),
            methodology: Messages.Page.methodology.text(language),
            dataAppendix: Messages.Page.dataAppendix.text(language),
            sources: Messages.Page.sources.text(language),
            file: Messages.Page.file.text(language),
            values: Messages.Page.values.text(language),
            missingAndFlagged: Messages.Page.missingAndFlagged.text(language),
            none: Messages.Page.none.text(language),
            pillars: Messages.Page.pillars.text(language),
            nationalMean: Messages.Page.nationalMean.text(language),
            regionBest: Messages.Page.regionBest.text(language),
            indicators: Messages.Page.indicators.text(language),
            radar: Messages.Page.radar.text(language),
            history: Messages.Page.history.text(language),
            pointsLeft: Messages.Page.pointsLeft.text(language),
            maxPoints: Messages.Page.maxPoints.text(language),
            earned: Messages.Page.earned.text(language),
            left: Messages.Page.left.text(language),
            neighbours: Messages.Page.neighbours.text(language),
            comparison: Messages.Page.comparison.text(language),
            bestMarked: Messages.Page.bestMarked.text(language),
            rankingRule: Messages.Page.rankingRule.text(language),
            provisional: Messages.Page.provisional.text(language),
            previousEdition: Messages.Page.previousEdition.text(language),
            noPrevious: Messages.Page.noPrevious.text(language),
            profiles: Messages.Page.profiles.text(language),
            generated: Messages.Page.generated.text(language),
            value: Messages.Page.value.text(language),
            count: Messages.Page.count.text(language),
            formedFrom: Messages.Page.formedFrom.text(language),
            sortHint: Messages.Page.sortHint.text(language),
            backToIndex: Messages.Page.backToIndex.text(language),
            membersHistory: Messages.Page.membersHistory.text(language),
            countsIn: Messages.Page.countsIn.text(language),
            units63: Messages.Page.units63.text(language),
            units34: Messages.Page.units34.text(language),
            provisionalFramework: Messages.Page.provisionalFramework.text(language),
            mergedUnits: Messages.Page.mergedUnits.text(language),
            illustrativeCatalogue: Messages.Page.illustrativeCatalogue.text(language),
            backCast: Messages.Page.backCast.text(language),
            ownHistoryMerged: MessageCatalogue.builtIn.template("page.ownHistoryMerged", column: language.column),
            memberHistory: MessageCatalogue.builtIn.template("page.memberHistory", column: language.column),
            standsFor: MessageCatalogue.builtIn.template("page.standsFor", column: language.column),
            nowPartOf: MessageCatalogue.builtIn.template("page.nowPartOf", column: language.column),
            map: Messages.Page.map.text(language),
            mapNote: Messages.Page.mapNote.text(language),
            locator: Messages.Page.locator.text(language),
            noData: Messages.Page.noData.text(language),
            administeredBy: Messages.Page.administeredBy.text(language),
            under: Messages.Page.under.text(language),
            meanRule: Messages.Page.meanRule.text(language),
            archipelagos: [
                "Hoàng Sa": Messages.Page.archipelagoHoangSa.text(language).split(separator: "\n").map(String.init),
                "Trường Sa": Messages.Page.archipelagoTruongSa.text(language).split(separator: "\n").map(String.init),
            ],
            mapSource: Messages.Page.mapSource.text(language),
            top10: Messages.Page.top10.text(language),
            note: Messages.Page.note.text(language),
            byProvince: Messages.Page.byProvince.text(language),
            mapZoom: Messages.Page.mapZoom.text(language),
            mapInsets: Messages.Page.mapInsets.text(language),
            mapTooSmall: MessageCatalogue.builtIn.template("page.mapTooSmall", column: language.column),
            mapTableClause: Messages.Page.mapTableClause.text(language),
            mapPagedTable: Messages.Page.mapPagedTable.text(language))
    }

    /// The words of each language of the catalogue, made once.
    static let byLanguage = Language.allCases.map(ReportStrings.from)

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
        let isUnits = unitSet.unitNoun.text(.en) == "units"
        fitted.province = (isUnits ? Messages.Page.fittedProvinceUnits : Messages.Page.fittedProvinceCommunes).text(language)
        fitted.heatMap = Messages.Page.fittedHeatMap(noun: noun).text(language)
        fitted.nationalMean = Messages.Page.fittedNationalMean(counted: counted).text(language)
        fitted.radar = Messages.Page.fittedRadar(counted: counted).text(language)
        fitted.neighbours = Messages.Page.fittedNeighbours(noun: noun).text(language)
        fitted.profiles = (isUnits ? Messages.Page.fittedProfilesUnits : Messages.Page.fittedProfilesCommunes).text(language)
        // The Vietnamese map note names the provinces ("Mỗi tỉnh, thành phố…"); the English one
        // already says "Each unit".
        let provinces = "Mỗi tỉnh, thành phố"
        if mapNote.hasPrefix(provinces) { fitted.mapNote = "Mỗi \(noun)" + mapNote.dropFirst(provinces.count) }
        return fitted
    }
}

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

    /// The words of `language`, from the message catalogue (`explain.…`); `{name}` placeholders are
    /// filled where the words are used.
    public static func from(_ language: Language) -> ExplainStrings {
        ExplainStrings(
            explainTitle: Messages.Explain.explainTitle.text(language),
            whatIfTitle: Messages.Explain.whatIfTitle.text(language),
            targetTitle: Messages.Explain.targetTitle.text(language),
            whyItMoved: Messages.Explain.whyItMoved.text(language),
            indicator: Messages.Explain.indicator.text(language),
            points: Messages.Explain.points.text(language),
            dtiShare: Messages.Explain.dtiShare.text(language),
            then: Messages.Explain.then.text(language),
            now: Messages.Explain.now.text(language),
            total: Messages.Explain.total.text(language),
            notComparable: Messages.Explain.notComparable.text(language),
            frameworkChanged: Messages.Explain.frameworkChanged.text(language),
            passed: Messages.Explain.passed.text(language),
            fellBehind: Messages.Explain.fellBehind.text(language),
            decidedBy: Messages.Explain.decidedBy.text(language),
            nobody: Messages.Explain.nobody.text(language),
            components: Messages.Explain.components.text(language),
            change: Messages.Explain.change.text(language),
            value: Messages.Explain.value.text(language),
            previousValue: Messages.Explain.previousValue.text(language),
            rank: Messages.Explain.rank.text(language),
            dti: Messages.Explain.dti.text(language),
            unit: Messages.Explain.unit.text(language),
            pointsNote: Messages.Explain.pointsNote.text(language),
            whatIfNote: Messages.Explain.whatIfNote.text(language),
            alreadyHeld: Messages.Explain.alreadyHeld.text(language),
            unreachable: Messages.Explain.unreachable.text(language),
            plan: Messages.Explain.plan.text(language),
            pointsNeeded: MessageCatalogue.builtIn.template("explain.pointsNeeded", column: language.column),
            after: Messages.Explain.after.text(language),
            rankMoved: Messages.Explain.rankMoved.text(language),
            shortBy: Messages.Explain.shortBy.text(language),
            comparedParts: MessageCatalogue.builtIn.template("explain.comparedParts", column: language.column),
            none: Messages.Explain.none.text(language))
    }

    /// The words of each language of the catalogue, made once.
    static let byLanguage = Language.allCases.map(ExplainStrings.from)

}

extension ReportLanguage {
    /// The labels of the explanation commands in this language.
    public var explainStrings: ExplainStrings { ExplainStrings.byLanguage[column] }

    /// A result's notice in this language, as every page prints it: a merged set says it in the
    /// pages' words (the members' history is beside it).
    public func text(of notice: Notice) -> String {
        if case .mergedUnits = notice { return strings.mergedUnits }
        return notice.wording.text(self)
    }
}

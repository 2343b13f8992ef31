import DTIAnalysis
import DTICore

/// "Try your own weights": the national page's sandbox, where a reader gives the main indicators
/// other points, picks another aggregation or normalisation and sees every unit's score and rank
/// recomputed at once, offline. The page carries the official shares and linear weights as JSON
/// and a few kilobytes of script that does `Scenario`'s arithmetic in the same order (weights
/// rescaled to the same total, column statistics once, the geometric mean's 0.001 floor, ranks at
/// four decimals), so the page and `dti rank --weights …` give the same ranks. The state lives in
/// the URL fragment (`#weights=government_activity:400&aggregation=geometric&normalise=minmax`),
/// so a scenario is sent as a link. Without script the section says it needs one; the rest of the
/// page is complete.
public struct Sandbox {
    /// One control: an element, its name and official points.
    struct Control {
        let id: String
        let name: String
        let points: Double
    }

    let controls: [Control]
    /// The figures the script reads.
    let data: JSONValue
    let language: ReportLanguage
    let unitHeading: String

    /// The sandbox of `result`, or `nil` when it cannot have one: fewer than two units or weighted
    /// elements, or a result already scored by a method of one's own.
    init?(_ result: EditionResult, language: ReportLanguage, unitHeading: String, page: (String) -> String) {
        guard result.customMethod == nil, let matrix = try? IndexMatrix(result) else { return nil }
        self.language = language
        self.unitHeading = unitHeading
        controls = matrix.elements.map { Control(id: $0.id, name: language.name(of: $0), points: $0.points) }
        let columns = matrix.elements.count
        let units: [JSONValue] = matrix.units.indices.map { unit in
            let shares = (0..<columns).map { JSONValue.number(matrix.share(unit: unit, element: $0)) }
            let missing = (0..<columns).filter { matrix.missing[unit * columns + $0] }.map(JSONValue.integer)
            return .array([
                .string(matrix.units[unit].code), .string(matrix.units[unit].name), .string(page(matrix.units[unit].code)),
                .integer(matrix.nominalRanks[unit]), .number(matrix.nominalIndex[unit]), .array(shares), .array(missing),
            ])
        }
        data = JSONValue.object([
            (
                "elements",
                .array(
                    zip(matrix.elements, matrix.weights).map { element, weight in
                        .object([("id", .string(element.id)), ("points", .number(element.points)), ("weight", .number(weight))])
                    })
            ),
            ("decimal", .string(String(language.decimalMark))), ("thousands", .string(Messages.Format.groupSeparator.text(language))),
            ("lang", .string(language.rawValue)),
            (
                "noPoints",
                .string(
                    Messages.Report.everyIndicatorIsAt0.text(language))
            ),
            (
                "badTotal",
                .string(
                    Messages.Report.pointsAddUpToS.text(language))
            ),
            (
                "badPart",
                .string(
                    Messages.Report.partSOfLinkCould.text(language))
            ),
            (
                "reasons",
                .object([
                    ("unknown", .string(Messages.Report.sandboxReasonUnknown.text(language))),
                    ("element", .string(Messages.Report.sandboxReasonElement.text(language))),
                    ("number", .string(Messages.Report.sandboxReasonNumber.text(language))),
                    ("pair", .string(Messages.Report.sandboxReasonPair.text(language))),
                    ("choice", .string(Messages.Report.sandboxReasonChoice.text(language))),
                    ("escape", .string(Messages.Report.sandboxReasonEscape.text(language))),
                ])
            ),
            (
                "badField",
                .string(
                    Messages.Report.sForNCouldNot.text(language))
            ),
            (
                "fieldReasons",
                .object([
                    ("number", .string(Messages.Report.sandboxFieldNumber.text(language))),
                    ("ambiguous", .string(Messages.Report.sandboxFieldAmbiguous.text(language))),
                ])
            ),
            ("pager", .string(Messages.Report.pagePOfNUnits.text(language))),
            ("none", .string(Messages.Report.noUnitMatches.text(language))), ("units", .array(units)),
        ])
    }

    /// The section's title, a heading of the national page.
    var title: String { Messages.Report.tryYourOwnWeights.text(language) }

    /// What a Markdown page says in its place.
    var markdownNote: String {
        Messages.Report.htmlPageNationalHtmlHas.text(language)
    }

    /// The section: controls, the link of the scenario, the recomputed table, the data and the script.
    func write(to b: inout HTMLBuilder) {
        b.raw("<section id=\"sandbox\" class=\"sandbox\">")
        b.element("h2", title)
        b.raw("<p class=\"sandbox-off\">")
        b.text(
            Messages.Report.thisSectionNeedsJavaScriptTo.text(language)
        )
        b.raw("</p><div class=\"sandbox-on\" hidden><p class=\"banner\" role=\"note\"><strong>")
        b.text(
            Messages.Report.notOFFICIALMETHODRanksBelow.text(language)
        )
        b.raw("</strong></p><p>")
        b.text(
            Messages.Report.changePointsOfAnyMain.text(language)
        )
        b.raw("</p><form class=\"sandbox-controls\" onsubmit=\"return false\">")
        for control in controls {
            b.raw("<label>")
            b.text(control.name)
            // Text, not `type="number"`: a browser's number field reads "250,5" or "1.000" by its
            // own locale, or gives nothing; the script reads them as dti's readers do.
            b.raw(" <input type=\"text\" inputmode=\"decimal\" autocomplete=\"off\"")
            b.attribute("name", control.id)
            b.attribute("value", NumberText.exact(control.points))
            b.attribute("data-name", control.name)
            b.attribute("data-official", NumberText.exact(control.points))
            b.raw("> <small>")
            b.text((Messages.Report.official.text(language)) + NumberText.exact(control.points))
            b.raw("</small></label>")
        }
        b.raw("<label>")
        b.text(Messages.Report.aggregation.text(language))
        b.raw(" <select name=\"aggregation\"><option value=\"sum\">")
        b.text(Messages.Report.weightedSumOfficial.text(language))
        b.raw("</option><option value=\"geometric\">")
        b.text(Messages.Report.weightedGeometricMean.text(language))
        b.raw("</option></select></label><label>")
        b.text(Messages.Report.normalisation.text(language))
        b.raw(" <select name=\"normalise\">")
        let normalisations: [(String, Wording)] = [
            ("official", Messages.Report.normaliseOfficial), ("minmax", Messages.Report.normaliseMinMax),
            ("zscore", Messages.Report.normaliseZScore), ("rank", Messages.Report.normaliseRank),
        ]
        for (value, label) in normalisations {
            b.raw("<option")
            b.attribute("value", value)
            b.raw(">")
            b.text(label.text(language))
            b.raw("</option>")
        }
        b.raw("</select></label><button type=\"button\" class=\"sandbox-reset\">")
        b.text(Messages.Report.backToOfficialMethod.text(language))
        b.raw("</button></form><p class=\"sandbox-status\" role=\"status\"></p><p>")
        b.text(Messages.Report.linkToThisScenario.text(language))
        b.raw("<a class=\"sandbox-link\" href=\"#\">#</a></p>")
        b.raw("<div class=\"sandbox-browse\"><label>")
        b.text(Messages.Report.findUnitNameOrCode.text(language))
        b.raw(" <input type=\"search\" class=\"sandbox-find\" autocomplete=\"off\"></label><nav class=\"sandbox-pager\"")
        b.attribute("aria-label", Messages.Report.pagesOfTable.text(language))
        b.raw("><button type=\"button\" data-step=\"-1\">")
        b.text(Messages.Report.previous.text(language))
        b.raw("</button> <span></span> <button type=\"button\" data-step=\"1\">")
        b.text(Messages.Report.next.text(language))
        b.raw("</button></nav></div>")
        b.raw("<div class=\"scroll\"><table id=\"sandbox-table\" class=\"compact\"><thead><tr>")
        let headers: [(String, Bool)] = [
            (Messages.Report.yourRank.text(language), true), (unitHeading, false), (Messages.Report.yourDTI.text(language), true),
            (Messages.Report.officialRank.text(language), true), (Messages.Page.rankChange.text(language), true),
        ]
        for (header, isNumber) in headers {
            b.raw(isNumber ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            b.text(header)
            b.raw("</th>")
        }
        b.raw("</tr></thead><tbody></tbody></table></div></div>")
        b.jsonScript(id: "sandbox-data", data)
        b.script(embedded: Self.script)
        b.raw("</section>")
    }

    /// The script: `Scenario`'s arithmetic (`DTISandbox`) and the page's controls, from
    /// Reports/Sandbox.js, which the package compiles into the binary.
    static var script: [UInt8] { PackageResources.Sandbox_js }
}

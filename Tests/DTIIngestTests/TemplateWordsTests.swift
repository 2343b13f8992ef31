import DTICore
import Testing

@testable import DTIIngest

/// A template written in any language of the message catalogue reads back: the readers accept
/// its column headings and its yes/half/no words from the catalogue, so a language added there
/// needs nothing in the readers.
struct TemplateWordsTests {
    @Test(arguments: Language.allCases)
    func theTemplatesHeadingsNameTheirColumns(language: Language) {
        let order: [TabularObservationReader.Column] = [.province, .year, .indicator, .label, .measure, .range, .value, .source, .note]
        for message in [Messages.Report.templateHeadersProvinces, Messages.Report.templateHeadersUnits] {
            let headings = language.headings(message)
            #expect(headings.count == order.count)
            for (column, heading) in zip(order, headings) { #expect(TabularObservationReader.Column.named(heading) == column, "\(heading)") }
        }
    }

    @Test(arguments: Language.allCases)
    func theTemplatesYesHalfNoWordsAreRead(language: Language) {
        let words = language.headings(Messages.Report.templateYesHalfNo)
        #expect(words.map(YesHalfNo.value(of:)) == [1, 0.5, 0])
    }

    /// A word of no language is still refused.
    @Test func anUnknownWordIsNotAValue() {
        #expect(YesHalfNo.value(of: "maybe") == nil && TabularObservationReader.Column.named("colour") == nil)
    }
}

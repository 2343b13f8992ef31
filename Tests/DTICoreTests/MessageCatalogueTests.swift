import Testing

@testable import DTICore

/// The one catalogue of messages: complete in every language, the same placeholders in each,
/// the generated accessors current, and a language added by adding a column.
struct MessageCatalogueTests {
    let builtIn = MessageCatalogue.builtIn

    @Test func theBuiltInCatalogueHasEveryMessageInEveryLanguageWithTheSamePlaceholders() {
        #expect(builtIn.languages == ["en", "vi"])
        #expect(builtIn.keys.count > 300)
        #expect(builtIn.problems.isEmpty, "\(builtIn.problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func theGeneratedAccessorsAreThoseOfTheCatalogue() {
        let signatures = builtIn.keys.map { key in
            "\(key)(\(MessageCatalogue.placeholders(in: builtIn.template(key, column: 0)).sorted().joined(separator: ",")))"
        }
        let difference = Set(Messages.generated).symmetricDifference(signatures)
        #expect(difference.isEmpty && Messages.generated.count == signatures.count, "run Scripts/generate-messages.py: \(difference.sorted())")
    }

    @Test func aMissingTextOrADifferentPlaceholderIsAProblemOnItsLine() {
        let catalogue = MessageCatalogue(
            parsing: """
                key\ten\tvi
                # a comment
                a.fine\t{n} files\t{n} tệp
                a.missing\tno text\t
                a.renamed\t{count} files\t{n} tệp
                a.short\tonly English
                """)
        #expect(
            catalogue.problems.map(\.description) == [
                "messages.tsv:4: a.missing: no vi text",
                "messages.tsv:5: a.renamed: the vi text has {n}, the en text {count}",
                "messages.tsv:6: a.short: 1 texts for 2 languages (en, vi)",
                "messages.tsv:6: a.short: no vi text",
            ])
    }

    /// A third language is a third column: the built-in catalogue with every message given in a
    /// pseudo-language reads cleanly and says each message in it, placeholders filled; a message
    /// left without its text in that column is a problem naming the key and the language.
    @Test func aThirdLanguageIsAColumn() throws {
        let source = String(decoding: PackageResources.messages_tsv, as: UTF8.self)
        var lines: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.isEmpty || line.hasPrefix("#") {
                lines.append(line)
            } else if line.hasPrefix("key\t") {
                lines.append(line + "\txx")
            } else {
                let english = line.split(separator: "\t", omittingEmptySubsequences: false)[1]
                lines.append(line + "\t⟦" + english + "⟧")
            }
        }
        let three = MessageCatalogue(parsing: lines.joined(separator: "\n"))
        #expect(three.languages == ["en", "vi", "xx"])
        #expect(three.problems.isEmpty)
        let template = three.template("workflow.notUTF8", column: 2)
        #expect(MessageCatalogue.fill(template) { $0 == "path" ? "a.csv" : "?" } == "⟦a.csv is not UTF-8 text; save it as 'CSV UTF-8' and try again⟧")

        let index = try #require(lines.firstIndex { $0.hasPrefix("workflow.notUTF8\t") })
        lines[index] = lines[index].split(separator: "\t", omittingEmptySubsequences: false).dropLast().joined(separator: "\t") + "\t"
        #expect(
            MessageCatalogue(parsing: lines.joined(separator: "\n")).problems.map(\.description) == [
                "messages.tsv:\(index + 1): workflow.notUTF8: no xx text"
            ])
    }

    @Test func placeholdersAreFilledInEachLanguageAndBracesCanBeWritten() {
        let wording = Messages.Workflow.notUTF8(path: "dữ liệu.csv")
        #expect(wording.text(.en) == "dữ liệu.csv is not UTF-8 text; save it as 'CSV UTF-8' and try again")
        #expect(wording.text(.vi) == "dữ liệu.csv không phải văn bản UTF-8; hãy lưu dưới dạng 'CSV UTF-8' rồi thử lại")
        #expect(MessageCatalogue.fill("{{literal}} {x}") { _ in "1" } == "{literal} 1")
        #expect(MessageCatalogue.placeholders(in: "{{literal}} {x} {y}") == ["x", "y"])
        #expect(Messages.Core.countedUnits(count: GroupedCount(3321), noun: Wording.same("xã")).text(.vi) == "3.321 xã")
        #expect(ExactNumber(0.5).text(.vi) == "0,5" && ExactNumber(0.5).text(.en) == "0.5")
        #expect(Wording.list(["a", "b", "c"]).text(.vi) == "a, b và c")
        #expect(Language(rawValue: "fr") == nil && Language(rawValue: "vi") == .vi)
    }
}

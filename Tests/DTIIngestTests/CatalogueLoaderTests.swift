import DTICore
import DTIIngest
import Testing

struct CatalogueLoaderTests {
    static let header = """
        version: 1
        framework: test
        index:
          id: dti
          name_vi: Chỉ số
          points: 200

        """

    static func problems(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try CatalogueLoader.load(yaml, sourceName: "test.yaml")
            return []
        } catch let error as CatalogueError {
            guard case let .invalid(_, problems) = error else { return [] }
            return problems
        } catch {
            return [Diagnostic(.error, "test", .same("\(error)"))]
        }
    }

    @Test func theShippedCataloguesLoad() throws {
        let c2022 = try CatalogueLoader.load(try RepositoryData.text("Indicators/dti-2022.yaml"), sourceName: "dti-2022.yaml")
        #expect(
            c2022.indicators.map(\.id) == [
                "awareness", "institutions", "infrastructure", "human_resources", "cybersecurity", "smart_city",
                "government_activity", "economy_activity", "society_activity",
            ])
        #expect(c2022.indicators.map(\.points) == [100, 100, 100, 100, 100, 0, 200, 150, 150])
        #expect(c2022.pillars.map(\.points) == [700, 650, 650])
        let c2024 = try CatalogueLoader.load(try RepositoryData.text("Indicators/dti-2024.yaml"), sourceName: "dti-2024.yaml")
        #expect(c2024.isProvisional)
        #expect(c2024.node("smart_city") == nil)
        let c2020 = try CatalogueLoader.load(try RepositoryData.text("Indicators/dti-2020.yaml"), sourceName: "dti-2020.yaml")
        #expect(c2020.mergeLevel.map(\.id) == ["government", "economy", "society"])
    }

    @Test func aDuplicateIdIsReportedAtItsLine() {
        let problems = Self.problems(
            Self.header + """
                indicators:
                  - id: a
                    name_vi: A
                    points: 100
                    counts_in: [dti]
                  - id: a
                    name_vi: A again
                    points: 100
                    counts_in: [dti]
                """)
        #expect(problems.map(\.description) == ["test.yaml:12:5: error: duplicate id 'a' (first declared on line 8); give each entry its own id"])
    }

    @Test func anUnknownPillarIsReportedAtItsLine() {
        let problems = Self.problems(
            Self.header + """
                pillars:
                  - id: government
                    name_vi: CQS
                    points: 200
                indicators:
                  - id: a
                    name_vi: A
                    points: 200
                    counts_in: [dti, govermnent]
                """)
        #expect(
            problems.map(\.description) == [
                "test.yaml:12:5: error: entry 'a' counts in unknown pillar or index 'govermnent'; did you mean 'government'?"
                // The pillar then has no parts, which is fine; its points are not checked.
            ])
    }

    @Test func pointsThatDoNotAddUpAreReportedAtTheAggregate() {
        let problems = Self.problems(
            Self.header + """
                indicators:
                  - id: a
                    name_vi: A
                    points: 150
                    counts_in: [dti]
                """)
        #expect(
            problems.map(\.description) == [
                "test.yaml:4:3: error: the points of the entries counting in 'dti' add up to 150, but 'dti' declares 200; correct the points of 'dti' or of its parts"
            ])
    }

    @Test func aCycleIsReported() {
        let problems = Self.problems(
            Self.header + """
                pillars:
                  - id: p
                    name_vi: P
                    points: 200
                    counts_in: [dti, q]
                  - id: q
                    name_vi: Q
                    points: 200
                    counts_in: [p]
                """)
        #expect(problems.contains { $0.message == "entry 'p' is part of a cycle: p → q → p" && $0.location?.line == 8 })
    }

    @Test func aMisspelledKeyAndAMissingFieldAreBothReported() {
        let problems = Self.problems(
            Self.header + """
                indicators:
                  - id: a
                    name_vi: A
                    pionts: 200
                    counts_in: [dti]
                """)
        #expect(
            problems.map(\.description) == [
                "test.yaml:10:5: error: unknown key 'pionts' in this indicator entry; did you mean 'points'?",
                "test.yaml:8:5: error: entry 'a' has no 'points'; add 'points: …' (0 for an unscored entry)",
            ])
    }

    @Test func aNewerFormatVersionIsRefused() {
        #expect(throws: CatalogueError.unsupportedVersion(file: "test.yaml", version: 2, highestSupported: 1)) {
            try CatalogueLoader.load("version: 2\nframework: x\n", sourceName: "test.yaml")
        }
    }

    @Test func malformedYAMLIsAnIngestError() {
        #expect(throws: IngestError.self) { try CatalogueLoader.load("version: [1\n", sourceName: "test.yaml") }
    }

    @Test func notesHaveBothLanguages() throws {
        let catalogue2024 = try CatalogueLoader.load(try RepositoryData.text("Indicators/dti-2024.yaml"), sourceName: "dti-2024.yaml")
        #expect(catalogue2024.provisionalNote?.hasPrefix("Decision 405/QĐ-BKHCN does not publish") == true)
        #expect(catalogue2024.provisionalNoteVI?.hasPrefix("Quyết định 405/QĐ-BKHCN không công bố") == true)
        let catalogue2022 = try CatalogueLoader.load(try RepositoryData.text("Indicators/dti-2022.yaml"), sourceName: "dti-2022.yaml")
        let smartCity = try #require(catalogue2022.node("smart_city"))
        #expect(smartCity.note == "collected but not scored" && smartCity.noteVI == "có thu thập nhưng không tính điểm")
        // An extending catalogue keeps the Vietnamese provisional note of the one it extends.
        let extended = try CatalogueLoader.load(
            "version: 1\nextends: dti-2024\nillustrative_note: only a test\nillustrative_note_vi: chỉ để thử\n", sourceName: "x.yaml",
            base: { $0 == "dti-2024" ? catalogue2024 : nil })
        #expect(extended.provisionalNoteVI == catalogue2024.provisionalNoteVI)
        #expect(extended.illustrativeNoteVI == "chỉ để thử")
    }
}

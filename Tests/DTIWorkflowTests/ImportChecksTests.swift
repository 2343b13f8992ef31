import DTICore
import DTIIngest
import DTIWorkflow
import Foundation
import Testing

/// The checks across files that the import pipeline makes once every file is read.
struct ImportChecksTests {
    static let catalogue = DumpComparisonTests.root.appendingPathComponent("Indicators/illustrative/dti-2022-components.yaml").path

    static func stage(_ csv: String) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("checks-\(UUID().uuidString).csv").path
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let staged = try DataFiles.stage([file], reference: try ReferenceData(cataloguePath: catalogue), year: nil, decimal: nil)
        return staged.diagnostics.map { $0.message }
    }

    @Test func aMainIndicatorGivenWithItsComponentsIsReported() throws {
        let messages = try Self.stage("province,year,indicator,value\nBắc Ninh,2022,awareness,0.7\nBắc Ninh,2022,awareness_plan,yes\n")
        #expect(messages.contains { $0.hasPrefix("awareness of unit 27 in 2022 is given directly and through 1 component") })
    }

    /// The pass over every unit's values is left out when no main indicator with components is
    /// given; whether or not it runs, components alone give no warning.
    @Test func componentsAloneAreNotReported() throws {
        let entries: [Int: Set<String>] = [2022: ["awareness_plan", "awareness_tasks_done"]]
        let context = try ReferenceData(cataloguePath: Self.catalogue).ingestContext(year: nil)
        #expect(!ComponentOverlap.isPossible(entries, context: context))
        #expect(ComponentOverlap.isPossible([2022: ["awareness_plan", "awareness"]], context: context))
        #expect(!ComponentOverlap.isPossible([1999: ["awareness"]], context: context), "a year without a framework")
        let messages = try Self.stage("province,year,indicator,value\nBắc Ninh,2022,awareness_plan,yes\nBắc Ninh,2022,awareness_tasks_done,0.5\n")
        #expect(!messages.contains { $0.contains("given directly and through") })
    }
}

import DTICore
import DTIIngest
import Foundation

/// A sample edition scored by the scoring core, read from the repository's files.
enum SampleEdition {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The repository's Indicators folder.
    static func folder() throws -> IndicatorFolder {
        try IndicatorFolder { path, _ in
            let url = root.appendingPathComponent("Indicators").appendingPathComponent(path)
            return FileManager.default.fileExists(atPath: url.path) ? (try String(contentsOf: url, encoding: .utf8), url.lastPathComponent) : nil
        }
    }

    /// The edition `year` scored from the CSV `text` (long layout) instead of the sample.
    static func result(_ year: Int, csv text: String) throws -> EditionResult {
        let folder = try folder()
        let read = CSVObservationReader.read(text, file: "hand.csv", context: folder.context())
        let edition = try folder.editions.edition(for: year)
        guard let catalogue = folder.catalogues[edition.framework] else { throw CocoaError(.fileReadCorruptFile) }
        return try EditionScoring.score(read.observations, edition: edition, catalogue: catalogue, registry: folder.registry, in: edition.unitSet)
    }

    /// The edition `year` of SampleData, in `unitSet` (its own by default).
    static func result(_ year: Int, unitSet: String? = nil) throws -> EditionResult {
        let folder = try folder()
        let read = CSVObservationReader.read(try text("SampleData/dti-\(year).csv"), file: "dti-\(year).csv", context: folder.context())
        let edition = try folder.editions.edition(for: year)
        guard let catalogue = folder.catalogues[edition.framework] else { throw CocoaError(.fileReadCorruptFile) }
        return try EditionScoring.score(
            read.observations, edition: edition, catalogue: catalogue, registry: folder.registry, in: unitSet ?? edition.unitSet)
    }
}

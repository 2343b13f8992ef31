import DTICore
import DTIIngest
import Foundation

/// The repository's own Indicators folder, reached from this file's path (as end-to-end tests do).
enum RepositoryData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The repository's Indicators folder, read as `dti --indicators Indicators` reads it.
    static func folder() throws -> IndicatorFolder {
        try IndicatorFolder { path, isOptional in
            let url = root.appendingPathComponent("Indicators").appendingPathComponent(path)
            if isOptional, !FileManager.default.fileExists(atPath: url.path) { return nil }
            return (try String(contentsOf: url, encoding: .utf8), url.lastPathComponent)
        }
    }

    static func registry() throws -> UnitRegistry { try folder().registry }

    /// The repository's reference data; `withComponents` swaps in the illustrative component
    /// catalogue for dti-2022, as `--catalogue` does.
    static func context(year: Int? = nil, decimal: DecimalMark? = nil, withComponents: Bool = false) throws -> IngestContext {
        var context = try folder().context(year: year, decimal: decimal)
        if withComponents {
            let loaded = context.catalogues
            context.catalogues["dti-2022"] = try CatalogueLoader.load(
                try text("Indicators/illustrative/dti-2022-components.yaml"), sourceName: "dti-2022-components.yaml",
                base: { loaded[$0] })
        }
        return context
    }
}

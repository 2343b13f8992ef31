import DTICore
import Yams

/// Reads a versioned indicator catalogue (YAML) into a checked `IndicatorCatalogue`.
///
/// The file format is documented in Documentation/DataFormats.md. Every problem found, structural
/// or of form, is reported at once with its line, e.g. `Indicators/dti-2022.yaml:41:5: error: …`.
public enum CatalogueLoader {
    /// The newest catalogue format this build reads.
    public static let highestSupportedVersion = 1

    private static let topKeys: Set<String> = [
        "version", "framework", "title", "decision", "provisional", "provisional_note", "index", "pillars",
        "indicators", "components",
    ]
    private static let entryKeys: Set<String> = ["id", "name_vi", "name_en", "points", "counts_in", "note"]

    /// Parses and checks `yaml`; `sourceName` is used in messages.
    public static func load(_ yaml: String, sourceName: String) throws -> IndicatorCatalogue {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw CatalogueError.invalid(
                    file: sourceName, problems: [Diagnostic(.error, "the catalogue is empty", at: SourceLocation(file: sourceName))])
            }
            root = node
        } catch let error as YamlError {
            throw IngestError.malformedYAML(file: sourceName, detail: "\(error)")
        }
        var reader = YAMLReader(sourceName: sourceName)
        guard let top = reader.mapping(root, what: "the catalogue") else {
            throw CatalogueError.invalid(file: sourceName, problems: reader.problems)
        }
        reader.rejectUnknownKeys(top, allowed: topKeys, in: "the catalogue")

        let version = top["version"].flatMap { reader.integer($0, key: "version") } ?? 1
        if version > highestSupportedVersion {
            throw CatalogueError.unsupportedVersion(file: sourceName, version: version, highestSupported: highestSupportedVersion)
        }
        let framework = reader.requiredString(top, "framework", in: "the catalogue") ?? ""
        let title = top["title"].flatMap { reader.string($0, key: "title") } ?? framework
        let decision = top["decision"].flatMap { reader.string($0, key: "decision") } ?? ""
        let isProvisional = top["provisional"].flatMap { reader.bool($0, key: "provisional") } ?? false
        let provisionalNote = top["provisional_note"].flatMap { reader.string($0, key: "provisional_note") }

        var nodes: [CatalogueNode] = []
        if let index = top["index"] {
            if let entry = reader.entry(index, kind: .index, allowedKeys: entryKeys) { nodes.append(entry) }
        } else {
            reader.problem("the catalogue has no 'index' entry", at: root, hint: "add 'index:' with id and points")
        }
        let sections: [(String, CatalogueNode.Kind)] = [("pillars", .pillar), ("indicators", .indicator), ("components", .component)]
        for (key, kind) in sections {
            guard let section = top[key] else { continue }
            guard let items = reader.sequence(section, key: key) else { continue }
            for item in items {
                if let entry = reader.entry(item, kind: kind, allowedKeys: entryKeys) { nodes.append(entry) }
            }
        }
        if !reader.problems.isEmpty {
            throw CatalogueError.invalid(file: sourceName, problems: reader.problems)
        }
        return try IndicatorCatalogue(
            framework: framework, title: title, decision: decision, isProvisional: isProvisional,
            provisionalNote: provisionalNote, sourceName: sourceName, nodes: nodes)
    }
}

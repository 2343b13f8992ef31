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
        "indicators", "components", "extends", "illustrative_note", "provisional_note_vi", "illustrative_note_vi", "title_en",
    ]
    private static let entryKeys: Set<String> = ["id", "name_vi", "name_en", "points", "counts_in", "note", "note_en", "note_vi"]
    private static let componentKeys = entryKeys.union(["rule", "target", "steps", "measure", "range"])

    /// Parses and checks `yaml`; `sourceName` is used in messages.
    ///
    /// A catalogue with `extends: <framework>` adds entries (typically components) to the
    /// catalogue `base` returns for that framework id, keeping its index, pillars and indicators.
    public static func load(
        _ yaml: String, sourceName: String, base: (String) throws -> IndicatorCatalogue? = { _ in nil }
    ) throws -> IndicatorCatalogue {
        let root: Node
        do {
            // Every scalar is read as text and converted by `YAMLReader`, so YAML 1.1's type rules
            // (`Resolver.default`: seven regular expressions, compiled by ICU on first use, a
            // tenth of a ranking's start) are not needed.
            guard let node = try Yams.compose(yaml: yaml, .basic) else {
                throw CatalogueError.invalid(
                    file: sourceName,
                    problems: [
                        Diagnostic(
                            .error, "catalogue.empty", Messages.Ingest.catalogueIsEmpty, at: SourceLocation(file: sourceName))
                    ])
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
        var extended: IndicatorCatalogue?
        if let extendsNode = top["extends"], let baseID = reader.string(extendsNode, key: "extends") {
            extended = try base(baseID)
            if extended == nil {
                reader.problem(
                    Messages.Ingest.extendsNamesNoKnownCatalogue(baseID: baseID),
                    at: extendsNode,
                    hint: Messages.Ingest.nameFrameworkInIndicatorsE)
            }
        }
        let framework =
            top["framework"].flatMap { reader.string($0, key: "framework") } ?? extended?.framework
            ?? {
                reader.problem(
                    Messages.Ingest.catalogueHasNoFramework, at: root,
                    hint: Messages.Ingest.addFramework)
                return ""
            }()
        let title = top["title"].flatMap { reader.string($0, key: "title") } ?? extended?.title ?? framework
        let titleEN = top["title_en"].flatMap { reader.string($0, key: "title_en") } ?? extended?.titleEN
        let decision = top["decision"].flatMap { reader.string($0, key: "decision") } ?? extended?.decision ?? ""
        let isProvisional = top["provisional"].flatMap { reader.bool($0, key: "provisional") } ?? extended?.isProvisional ?? false
        let provisionalNote = top["provisional_note"].flatMap { reader.string($0, key: "provisional_note") } ?? extended?.provisionalNote
        let illustrativeNote = top["illustrative_note"].flatMap { reader.string($0, key: "illustrative_note") }
        let provisionalNoteVI =
            top["provisional_note_vi"].flatMap { reader.string($0, key: "provisional_note_vi") } ?? extended?.provisionalNoteVI
        let illustrativeNoteVI = top["illustrative_note_vi"].flatMap { reader.string($0, key: "illustrative_note_vi") }

        var nodes: [CatalogueNode] = extended?.nodes ?? []
        if let index = top["index"] {
            if let entry = reader.entry(index, kind: .index, allowedKeys: entryKeys) { nodes.append(entry) }
        } else if extended == nil {
            reader.problem(
                Messages.Ingest.catalogueHasNoIndexEntry, at: root,
                hint: Messages.Ingest.addIndexWithIdAnd)
        }
        let sections: [(String, CatalogueNode.Kind)] = [("pillars", .pillar), ("indicators", .indicator), ("components", .component)]
        for (key, kind) in sections {
            guard let section = top[key] else { continue }
            guard let items = reader.sequence(section, key: key) else { continue }
            for item in items {
                let allowed = kind == .component ? componentKeys : entryKeys
                if let entry = reader.entry(item, kind: kind, allowedKeys: allowed) { nodes.append(entry) }
            }
        }
        if !reader.problems.isEmpty {
            throw CatalogueError.invalid(file: sourceName, problems: reader.problems)
        }
        return try IndicatorCatalogue(
            framework: framework, title: title, decision: decision, isProvisional: isProvisional,
            provisionalNote: provisionalNote, illustrativeNote: illustrativeNote, provisionalNoteVI: provisionalNoteVI,
            illustrativeNoteVI: illustrativeNoteVI, titleEN: titleEN, sourceName: sourceName, nodes: nodes)
    }
}

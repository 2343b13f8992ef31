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
                            .error, "catalogue.empty", Wording("the catalogue is empty", vi: "bộ chỉ số trống"), at: SourceLocation(file: sourceName))
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
                    Wording("'extends: \(baseID)' names no known catalogue", vi: "'extends: \(baseID)' không trỏ tới bộ chỉ số nào đã biết"),
                    at: extendsNode,
                    hint: Wording("name a framework in Indicators/, e.g. dti-2022", vi: "ghi tên một bộ chỉ số trong Indicators/, ví dụ dti-2022"))
            }
        }
        let framework =
            top["framework"].flatMap { reader.string($0, key: "framework") } ?? extended?.framework
            ?? {
                reader.problem(
                    Wording("the catalogue has no 'framework'", vi: "bộ chỉ số không có 'framework'"), at: root,
                    hint: Wording("add 'framework: …'", vi: "thêm 'framework: …'"))
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
                Wording("the catalogue has no 'index' entry", vi: "bộ chỉ số không có mục 'index'"), at: root,
                hint: Wording("add 'index:' with id and points", vi: "thêm 'index:' với id và points"))
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

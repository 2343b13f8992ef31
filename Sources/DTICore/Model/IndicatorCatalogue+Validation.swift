extension IndicatorCatalogue {
    /// Tolerance for "points add up": catalogue points are whole or half numbers, so anything
    /// beyond floating-point noise is a real mismatch.
    static let pointsTolerance = 1e-9

    /// Every structural problem of a set of entries: duplicate ids, references to unknown
    /// aggregates, kinds that cannot nest, points that do not add up, cycles, and entries that
    /// reach nothing.
    static func problems(in nodes: [CatalogueNode], sourceName: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func report(_ key: String, _ message: Wording, hint: Wording? = nil, at node: CatalogueNode?) {
            problems.append(Diagnostic(.error, "catalogue." + key, message, hint: hint, at: node?.location ?? SourceLocation(file: sourceName)))
        }
        func reportComponent(_ key: String, _ message: Wording, _ hint: Wording?, _ node: CatalogueNode?) {
            report(key, message, hint: hint, at: node)
        }

        var byID: [String: CatalogueNode] = [:]
        for node in nodes {
            if node.id.isEmpty || !node.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                report(
                    "id-invalid",
                    Wording(
                        "entry id '\(node.id)' must be non-empty ASCII letters, digits, '_' or '-'",
                        vi: "mã mục '\(node.id)' phải khác rỗng và chỉ gồm chữ cái ASCII, chữ số, '_' hoặc '-'"), at: node)
            }
            if let first = byID[node.id] {
                let line = first.location.flatMap(\.line)
                report(
                    "id-duplicate",
                    Wording(
                        "duplicate id '\(node.id)'" + (line.map { " (first declared on line \($0))" } ?? ""),
                        vi: "mã '\(node.id)' bị trùng" + (line.map { " (khai báo lần đầu ở dòng \($0))" } ?? "")),
                    hint: Wording("give each entry its own id", vi: "đặt cho mỗi mục một mã riêng"), at: node)
            } else {
                byID[node.id] = node
            }
            for name in [node.nameVI, node.nameEN] {
                if let scalar = UnsafeCharacters.first(in: name) {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    let character = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
                    report(
                        "name-control-character",
                        Wording(
                            "the name of '\(node.id)' holds the control or direction character \(character)",
                            vi: "tên của '\(node.id)' chứa ký tự điều khiển hoặc đổi hướng \(character)"),
                        hint: Wording(
                            "delete it: names are shown on terminals and in reports, where it would act instead of being read",
                            vi: "hãy xoá ký tự này: tên được in ra màn hình và báo cáo, nơi nó sẽ tác động thay vì được đọc"), at: node)
                }
            }
            if !node.points.isFinite || node.points < 0 {
                report(
                    "points-invalid",
                    Wording(
                        "entry '\(node.id)' has points \(node.points); points must be a number ≥ 0",
                        vi: "mục '\(node.id)' có điểm \(node.points); điểm phải là một số ≥ 0"), at: node)
            }
        }

        let indexes = nodes.filter { $0.kind == .index }
        if indexes.count != 1 {
            report(
                "index-count",
                Wording(
                    "a catalogue needs exactly one index entry, found \(indexes.count)",
                    vi: "bộ chỉ số cần đúng một mục chỉ số tổng hợp, tìm thấy \(indexes.count)"), at: indexes.dropFirst().first)
        }

        let aggregates = nodes.filter { $0.kind != .component }.map(\.id)
        for node in nodes {
            if node.kind == .index, !node.countsIn.isEmpty {
                report(
                    "index-counts-in",
                    Wording(
                        "the index '\(node.id)' cannot count in another entry", vi: "chỉ số tổng hợp '\(node.id)' không thể tính vào mục khác"),
                    at: node)
            }
            for parent in Set(node.countsIn) where node.countsIn.filter({ $0 == parent }).count > 1 {
                report(
                    "counts-in-repeated",
                    Wording(
                        "entry '\(node.id)' lists '\(parent)' more than once in counts_in",
                        vi: "mục '\(node.id)' ghi '\(parent)' nhiều lần trong counts_in"),
                    hint: Wording("list each aggregate once", vi: "mỗi mục cấp trên chỉ ghi một lần"), at: node)
            }
            for parent in node.countsIn {
                guard let target = byID[parent] else {
                    let noun =
                        node.kind == .component
                        ? Wording("main indicator", vi: "chỉ số chính") : Wording("pillar or index", vi: "trụ cột hoặc chỉ số tổng hợp")
                    let suggestions = EditDistance.closest(to: parent, among: aggregates)
                    report(
                        "counts-in-unknown",
                        Wording(
                            "entry '\(node.id)' counts in unknown \(noun.english) '\(parent)'",
                            vi: "mục '\(node.id)' tính vào \(noun.vietnamese) '\(parent)' không có"),
                        hint: suggestions.isEmpty
                            ? Wording("declare '\(parent)' or remove it", vi: "khai báo '\(parent)' hoặc bỏ nó đi")
                            : Suggestions.didYouMean(suggestions.map { "'\($0)'" }),
                        at: node)
                    continue
                }
                if target.kind == .component {
                    report(
                        "counts-in-component",
                        Wording(
                            "entry '\(node.id)' counts in '\(parent)', which is a component; components are leaves",
                            vi: "mục '\(node.id)' tính vào '\(parent)', là một chỉ số thành phần; chỉ số thành phần không có mục con"),
                        at: node)
                }
            }
        }

        checkComponents(nodes, byID: byID, report: reportComponent)
        problems += cycleProblems(nodes, byID: byID, sourceName: sourceName)
        guard !problems.contains(where: { $0.key == "catalogue.cycle" }) else { return problems }

        // Points: every aggregate's declared points equal the sum of its parts' points.
        var sums: [String: Double] = [:]
        var hasParts: Set<String> = []
        for node in nodes {
            for parent in Set(node.countsIn) where byID[parent] != nil {
                sums[parent, default: 0] += node.points
                hasParts.insert(parent)
            }
        }
        for node in nodes where hasParts.contains(node.id) {
            let sum = sums[node.id] ?? 0
            if abs(sum - node.points) > pointsTolerance {
                report(
                    "points-sum",
                    Wording(
                        "the points of the entries counting in '\(node.id)' add up to \(NumberText.exact(sum)), but '\(node.id)' declares \(NumberText.exact(node.points))",
                        vi:
                            "điểm của các mục tính vào '\(node.id)' cộng lại được \(NumberText.exact(sum)), nhưng '\(node.id)' khai báo \(NumberText.exact(node.points))"
                    ),
                    hint: Wording("correct the points of '\(node.id)' or of its parts", vi: "sửa điểm của '\(node.id)' hoặc của các mục con"),
                    at: node)
            }
            if node.points == 0, sum == 0 {
                report(
                    "points-zero",
                    Wording(
                        "'\(node.id)' has parts but no points to weigh them by", vi: "'\(node.id)' có mục con nhưng không có điểm để tính trọng số"),
                    at: node)
            }
        }
        if let index = indexes.first, !hasParts.contains(index.id) {
            report(
                "index-empty",
                Wording("no entry counts in the index '\(index.id)'", vi: "không mục nào tính vào chỉ số tổng hợp '\(index.id)'"),
                hint: Wording("list '\(index.id)' under counts_in of its parts", vi: "ghi '\(index.id)' vào counts_in của các mục con"), at: index)
        }
        return problems
    }

    /// Components are leaves under exactly one main indicator and carry a valid rule; no other
    /// kind carries one.
    private static func checkComponents(
        _ nodes: [CatalogueNode], byID: [String: CatalogueNode],
        report: (String, Wording, Wording?, CatalogueNode?) -> Void
    ) {
        for node in nodes {
            guard node.kind == .component else {
                if node.scoring != nil {
                    report(
                        "rule-not-component",
                        Wording(
                            "'\(node.id)' is a \(node.kind.rawValue) and cannot have a rule",
                            vi: "'\(node.id)' là mục loại \(node.kind.rawValue), không thể có quy tắc chấm điểm"),
                        Wording("only components have rules", vi: "chỉ chỉ số thành phần mới có quy tắc"), node)
                }
                continue
            }
            if node.countsIn.count != 1 {
                report(
                    "component-parents",
                    Wording(
                        "component '\(node.id)' counts in \(node.countsIn.count) entries; a component counts in exactly one main indicator",
                        vi: "chỉ số thành phần '\(node.id)' tính vào \(node.countsIn.count) mục; mỗi chỉ số thành phần tính vào đúng một chỉ số chính"
                    ),
                    Wording("set counts_in to its main indicator", vi: "đặt counts_in là chỉ số chính của nó"), node)
            } else if let parent = byID[node.countsIn[0]], parent.kind != .indicator {
                report(
                    "component-parent-kind",
                    Wording(
                        "component '\(node.id)' counts in '\(parent.id)', which is a \(parent.kind.rawValue); components belong to a main indicator",
                        vi:
                            "chỉ số thành phần '\(node.id)' tính vào '\(parent.id)', là mục loại \(parent.kind.rawValue); chỉ số thành phần thuộc một chỉ số chính"
                    ),
                    nil, node)
            }
            guard let scoring = node.scoring else {
                let rules = ComponentRule.names.joined(separator: ", ")
                report(
                    "component-no-rule",
                    Wording("component '\(node.id)' has no rule", vi: "chỉ số thành phần '\(node.id)' chưa có quy tắc chấm điểm"),
                    Wording("add 'rule:' (\(rules))", vi: "thêm 'rule:' (\(rules))"), node)
                continue
            }
            if let problem = scoring.rule.problem(maximum: node.points) {
                report(
                    "component-rule",
                    Wording("component '\(node.id)': \(problem.english)", vi: "chỉ số thành phần '\(node.id)': \(problem.vietnamese)"), nil, node)
            }
            if !scoring.measure.defaultRange.contains(scoring.range.lowerBound)
                || !scoring.measure.defaultRange.contains(scoring.range.upperBound)
            {
                let range = "\(scoring.range.lowerBound)…\(scoring.range.upperBound)"
                report(
                    "component-range",
                    Wording(
                        "component '\(node.id)': range \(range) does not fit a \(scoring.measure.rawValue)",
                        vi: "chỉ số thành phần '\(node.id)': khoảng \(range) không hợp với loại đo \(scoring.measure.rawValue)"),
                    nil, node)
            }
        }
    }

    /// A problem for every entry that can reach itself through `countsIn`.
    private static func cycleProblems(_ nodes: [CatalogueNode], byID: [String: CatalogueNode], sourceName: String) -> [Diagnostic] {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var problems: [Diagnostic] = []
        var path: [String] = []

        func visit(_ id: String) {
            if marks[id] == .done { return }
            if marks[id] == .visiting {
                let start = path.firstIndex(of: id) ?? 0
                let cycle = (path[start...] + [id]).joined(separator: " → ")
                let node = byID[id]
                problems.append(
                    Diagnostic(
                        .error, "catalogue.cycle",
                        Wording("entry '\(id)' is part of a cycle: \(cycle)", vi: "mục '\(id)' nằm trong một vòng lặp: \(cycle)"),
                        hint: Wording(
                            "an entry cannot count, directly or indirectly, in itself",
                            vi: "một mục không thể tính vào chính nó, trực tiếp hay gián tiếp"),
                        at: node?.location ?? SourceLocation(file: sourceName)))
                return
            }
            marks[id] = .visiting
            path.append(id)
            for parent in byID[id]?.countsIn ?? [] where byID[parent] != nil { visit(parent) }
            path.removeLast()
            marks[id] = .done
        }
        for node in nodes { visit(node.id) }
        return problems
    }
}

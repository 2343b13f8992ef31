/// Renders a `ReportDocument` as one self-contained HTML file: inline CSS and SVG, no network, no
/// external fonts; a small inline script sorts tables, and everything reads without it.
public enum HTMLReportRenderer {
    public static func render(_ document: ReportDocument, language: ReportLanguage) -> String {
        var b = HTMLBuilder()
        b.raw("<!DOCTYPE html>\n<html")
        b.attribute("lang", language.strings.htmlLanguage)
        b.raw("><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        b.text(document.title)
        b.raw("</title><style>")
        b.raw(Self.css)
        b.raw("</style></head><body><main>\n")
        for block in document.blocks {
            write(block, to: &b)
            b.raw("\n")
        }
        b.raw("</main><script>")
        b.raw(Self.script)
        b.raw("</script></body></html>\n")
        return b.result.markup
    }

    private static func write(_ block: ReportBlock, to b: inout HTMLBuilder) {
        switch block {
        case let .heading(text, level):
            switch level {
            case 1: b.element("h1", text)
            case 2: b.element("h2", text)
            default: b.element("h3", text)
            }
        case let .paragraph(text):
            b.element("p", text)
        case let .banner(text):
            b.raw("<p class=\"banner\" role=\"note\"><strong>")
            b.text(text)
            b.raw("</strong></p>")
        case let .chart(_, svg, caption):
            b.raw("<figure>")
            b.append(svg(false))
            b.raw("<figcaption>")
            b.text(caption)
            b.raw("</figcaption></figure>")
        case let .sandbox(sandbox):
            sandbox.write(to: &b)
        case let .beside(blocks):
            b.raw("<div class=\"beside\">")
            for inner in blocks {
                b.raw("<div>")
                write(inner, to: &b)
                b.raw("</div>")
            }
            b.raw("</div>")
        case let .links(links):
            b.raw("<ul class=\"links\">")
            for link in links {
                b.raw("<li><a")
                b.attribute("href", link.page + ".html")
                b.raw(">")
                b.text(link.text)
                b.raw("</a></li>")
            }
            b.raw("</ul>")
        case let .table(table):
            b.raw("<div class=\"scroll\"><table")
            let classes = (table.isSortable ? ["sortable"] : []) + (table.isCompact ? ["compact"] : [])
            if !classes.isEmpty { b.attribute("class", classes.joined(separator: " ")) }
            b.raw("><thead><tr>")
            for (index, title) in table.header.enumerated() {
                b.raw("<th scope=\"col\"")
                if table.numericColumns.contains(index) { b.raw(" class=\"num\"") }
                b.raw(">")
                b.text(title)
                b.raw("</th>")
            }
            b.raw("</tr></thead><tbody>\n")
            for row in table.rows {
                b.raw("<tr>")
                for (index, cell) in row.enumerated() {
                    b.raw(index == 0 ? "<th scope=\"row\"" : "<td")
                    var classes: [String] = []
                    if table.numericColumns.contains(index) { classes.append("num") }
                    if cell.isBest { classes.append("best") }
                    if cell.isMissing { classes.append("missing") }
                    if cell.wraps { classes.append("wrap") }
                    if !classes.isEmpty { b.attribute("class", classes.joined(separator: " ")) }
                    if let heat = cell.heat {
                        b.attribute("style", "background:\(ColourScale.colour(heat));color:\(ColourScale.textColour(heat))")
                    }
                    if let note = cell.note { b.attribute("title", note) }
                    if let sortValue = cell.sortValue { b.attribute("data-sort", HTMLBuilder.coordinate(sortValue * 10_000)) }
                    b.raw(">")
                    if let page = cell.page {
                        b.raw("<a")
                        b.attribute("href", page + ".html")
                        b.raw(">")
                        b.text(cell.text)
                        b.raw("</a>")
                    } else {
                        b.text(cell.text + (cell.isBest ? " ★" : ""))
                    }
                    // After the text, so the whiskers of a right-aligned column line up.
                    if let interval = cell.interval { Self.whisker(interval, into: &b) }
                    b.raw(index == 0 ? "</th>" : "</td>")
                }
                b.raw("</tr>\n")
            }
            b.raw("</tbody></table></div>")
        }
    }

    /// A rank interval in a table cell: a whisker from the better to the worse end, a dot at the
    /// median, on a line as long as the ranking.
    static func whisker(_ interval: (low: Int, median: Int, high: Int, worst: Int), into b: inout HTMLBuilder) {
        func x(_ rank: Int) -> Double { 3 + Double(rank - 1) / Double(max(interval.worst - 1, 1)) * 74 }
        b.raw(
            " <svg class=\"whisker\" viewBox=\"0 0 80 10\" aria-hidden=\"true\"><line class=\"axis\" x1=\"3\" x2=\"77\" y1=\"5\" y2=\"5\"/><line class=\"range\""
        )
        b.attribute("x1", x(interval.low) - 1)
        b.attribute("x2", x(interval.high) + 1)
        b.raw(" y1=\"5\" y2=\"5\"/><circle r=\"2.5\" cy=\"5\"")
        b.attribute("cx", x(interval.median))
        b.raw("/></svg>")
    }

    static let css: StaticString = """
        :root{color-scheme:light}*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#fff}\
        main{max-width:1240px;margin:0 auto;padding:12px}h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}\
        .banner{background:#fff3cd;border:2px solid #8a6d00;padding:8px 12px}.scroll{overflow-x:auto;max-width:100%}\
        table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}th,td{padding:3px 6px;border-bottom:1px solid #ddd;text-align:left;white-space:nowrap}\
        thead th{background:#f0f0f0;white-space:normal;vertical-align:bottom;min-width:3.5em}td.wrap{white-space:normal;min-width:8em;max-width:18em}\
        table.compact{font-size:.8rem}table.compact th,table.compact td{padding:2px 4px}\
        .sandbox-controls{display:flex;flex-wrap:wrap;gap:6px 18px;margin:.5rem 0}.sandbox-controls label{display:flex;flex-direction:column;font-size:.9rem}\
        .sandbox-controls input{width:7em;font:inherit}.sandbox-controls small{color:#555}.sandbox-controls button{align-self:flex-end;font:inherit}\
        .sandbox input[aria-invalid]{outline:2px solid #b00020}.sandbox-status{color:#b00020}.sandbox-link{word-break:break-all}\
        .sandbox-browse{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;margin-top:.5rem}.sandbox-browse input,.sandbox-browse button{font:inherit}\
        #sandbox-table thead th{cursor:pointer}td.missing{background:repeating-linear-gradient(135deg,#fff 0 4px,#e4e4e4 4px 8px);color:#333}.num{text-align:right;font-variant-numeric:tabular-nums}td.best,th.best{font-weight:bold}\
        table.sortable thead th{cursor:pointer}figure{margin:1rem 0;overflow-x:auto}svg.chart{width:100%;max-width:640px;height:auto;display:block}\
        @media screen{svg.chart{min-width:var(--min-width,0)}}svg.tilemap{max-width:460px}\
        figcaption{font-size:.85rem;color:#444}a{color:#1f4e9e}ul.links{columns:16em}\
        .beside{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:flex-start}.beside>div{flex:0 1 auto;min-width:0;max-width:100%}\
        .beside>div:has(svg.map){flex:1 1 300px;max-width:480px}.beside>div:has(svg.locator){max-width:300px}svg.map{max-width:480px}svg.locator{max-width:300px}\
        .beside .scroll{max-height:560px;overflow-y:auto}\
        @media screen and (max-width:480px){table{font-size:.8rem}th,td{padding:2px 3px}thead th{min-width:0}td:first-child,tbody th:first-child{white-space:normal;min-width:5.5em}}\
        svg.whisker{width:80px;height:10px;vertical-align:middle}svg.whisker .axis{stroke:#ddd}svg.whisker .range{stroke:#3b528b;stroke-width:3}svg.whisker circle{fill:#d95f02}\
        @page{size:A4;margin:14mm 12mm 16mm;@bottom-center{content:counter(page) " / " counter(pages);font-size:9pt}}\
        @media print{body{font-size:10pt}main{max-width:none;padding:0}.banner{border-color:#000;background:#fff}a{color:#000;text-decoration:none}\
        h2{break-before:page;border-color:#000}main>h2:first-of-type{break-before:auto}h2,h3{break-after:avoid}\
        tr,figure,svg{break-inside:avoid}thead{display:table-header-group}.scroll,.beside .scroll{overflow:visible;max-height:none}\
        th,td{white-space:normal;padding:2px 4px}table{font-size:8.5pt}thead th{background:#fff;border-bottom:1.5px solid #000}\
        svg.chart{max-width:160mm}table.sortable thead th{cursor:auto}.sandbox{display:none}}
        """

    static let script: StaticString = """
        document.querySelectorAll('table.sortable').forEach(function(t){t.querySelectorAll('thead th').forEach(function(h,i){h.addEventListener('click',function(){\
        var b=t.tBodies[0],r=Array.from(b.rows),d=h.dataset.dir==='a'?-1:1;h.dataset.dir=d===1?'a':'d';\
        r.sort(function(x,y){var p=x.cells[i],q=y.cells[i],u=p.dataset.sort,v=q.dataset.sort;\
        if(u!==undefined&&v!==undefined)return d*(parseFloat(u)-parseFloat(v));return d*p.textContent.localeCompare(q.textContent,'vi');});\
        r.forEach(function(e){b.appendChild(e);});});});});
        """
}

import DTIAnalysis
import DTICore

/// "Try your own weights": the national page's sandbox, where a reader gives the main indicators
/// other points, picks another aggregation or normalisation and sees every unit's score and rank
/// recomputed at once, offline. The page carries the official shares and linear weights as JSON
/// and a few kilobytes of script that does `Scenario`'s arithmetic in the same order (weights
/// rescaled to the same total, column statistics once, the geometric mean's 0.001 floor, ranks at
/// four decimals), so the page and `dti rank --weights …` give the same ranks. The state lives in
/// the URL fragment (`#weights=government_activity:400&aggregation=geometric&normalise=minmax`),
/// so a scenario is sent as a link. Without script the section says it needs one; the rest of the
/// page is complete.
public struct Sandbox {
    /// One control: an element, its name and official points.
    struct Control {
        let id: String
        let name: String
        let points: Double
    }

    let controls: [Control]
    /// The figures the script reads.
    let data: JSONValue
    let language: ReportLanguage
    let unitHeading: String

    /// The sandbox of `result`, or `nil` when it cannot have one: fewer than two units or weighted
    /// elements, or a result already scored by a method of one's own.
    init?(_ result: EditionResult, language: ReportLanguage, unitHeading: String, page: (String) -> String) {
        guard result.customMethod == nil, let matrix = try? IndexMatrix(result) else { return nil }
        self.language = language
        self.unitHeading = unitHeading
        controls = matrix.elements.map { Control(id: $0.id, name: language.name(of: $0), points: $0.points) }
        let columns = matrix.elements.count
        let units: [JSONValue] = matrix.units.indices.map { unit in
            let shares = (0..<columns).map { JSONValue.number(matrix.share(unit: unit, element: $0)) }
            let missing = (0..<columns).filter { matrix.missing[unit * columns + $0] }.map(JSONValue.integer)
            return .array([
                .string(matrix.units[unit].code), .string(matrix.units[unit].name), .string(page(matrix.units[unit].code)),
                .integer(matrix.nominalRanks[unit]), .number(matrix.nominalIndex[unit]), .array(shares), .array(missing),
            ])
        }
        data = JSONValue.object([
            (
                "elements",
                .array(
                    zip(matrix.elements, matrix.weights).map { element, weight in
                        .object([("id", .string(element.id)), ("points", .number(element.points)), ("weight", .number(weight))])
                    })
            ),
            ("decimal", .string(String(language.decimalMark))), ("thousands", .string(language == .vi ? "." : ",")),
            ("lang", .string(language.rawValue)),
            (
                "noPoints",
                .string(
                    language == .vi
                        ? "Mọi chỉ số đang ở 0 điểm: ít nhất một chỉ số phải có điểm."
                        : "Every indicator is at 0 points: at least one must weigh something.")
            ),
            (
                "badTotal",
                .string(
                    language == .vi
                        ? "Tổng điểm %s quá nhỏ hoặc quá lớn để chia: hãy cho điểm từ 0,001 đến 1.000.000."
                        : "The points add up to %s, too small or too large to divide by: give points between 0.001 and 1,000,000.")
            ),
            (
                "badPart",
                .string(
                    language == .vi
                        ? "Không dùng được phần “%s” của liên kết: %r; phần còn lại của kịch bản vẫn được dùng."
                        : "The part “%s” of the link could not be used: %r; the rest of the scenario is used.")
            ),
            (
                "reasons",
                .object(
                    language == .vi
                        ? [
                            ("unknown", .string("không phải một phần của kịch bản (weights, aggregation, normalise)")),
                            ("element", .string("không phải chỉ số chính của kỳ này")),
                            ("number", .string("điểm phải là một số từ 0 trở lên, viết với dấu chấm thập phân")),
                            ("pair", .string("mỗi phần của weights là MÃ:ĐIỂM")),
                            ("choice", .string("không phải một lựa chọn của trang")),
                            ("escape", .string("có ký tự mã hoá %XX hỏng")),
                        ]
                        : [
                            ("unknown", .string("it is not a part of a scenario (weights, aggregation, normalise)")),
                            ("element", .string("it is not a main indicator of this edition")),
                            ("number", .string("points are a number of 0 or more, written with a decimal point")),
                            ("pair", .string("each part of weights is ID:POINTS")),
                            ("choice", .string("it is not one of the page's choices")),
                            ("escape", .string("it has a broken %XX escape")),
                        ])
            ),
            (
                "badField",
                .string(
                    language == .vi
                        ? "Không đọc được “%s” cho %n: %r; chỉ số này giữ điểm chính thức."
                        : "“%s” for %n could not be read: %r; this indicator keeps its official points.")
            ),
            (
                "fieldReasons",
                .object(
                    language == .vi
                        ? [
                            ("number", .string("hãy ghi một số từ 0 trở lên, ví dụ 250,5 hoặc 1.000")),
                            ("ambiguous", .string("có thể là %a hoặc %b: hãy ghi không có dấu phân cách hàng nghìn")),
                        ]
                        : [
                            ("number", .string("write a number of 0 or more, e.g. 250.5 or 1,000")),
                            ("ambiguous", .string("it could be %a or %b: write it without a thousands separator")),
                        ])
            ),
            ("pager", .string(language == .vi ? "Trang %p/%n: đơn vị %a–%b trên %t" : "Page %p of %n: units %a–%b of %t")),
            ("none", .string(language == .vi ? "Không có đơn vị nào khớp." : "No unit matches.")), ("units", .array(units)),
        ])
    }

    private var vi: Bool { language == .vi }

    /// The section's title, a heading of the national page.
    var title: String { vi ? "Tự điều chỉnh trọng số" : "Try your own weights" }

    /// What a Markdown page says in its place.
    var markdownNote: String {
        vi
            ? "Trang HTML (national.html) có phần tự điều chỉnh trọng số: đổi điểm của các chỉ số chính, phép tổng hợp hoặc cách chuẩn hoá và xem thứ hạng tính lại (không phải phương pháp chính thức)."
            : "The HTML page (national.html) has a sandbox: change the points of the main indicators, the aggregation or the normalisation and see the ranks recomputed (not the official method)."
    }

    /// The section: controls, the link of the scenario, the recomputed table, the data and the script.
    func write(to b: inout HTMLBuilder) {
        b.raw("<section id=\"sandbox\" class=\"sandbox\">")
        b.element("h2", title)
        b.raw("<p class=\"sandbox-off\">")
        b.text(
            vi
                ? "Phần này cần JavaScript để tính lại thứ hạng ngay trên trang (không cần mạng); bảng xếp hạng chính thức ở trên đầy đủ mà không cần đến nó."
                : "This section needs JavaScript to recompute the ranking on the page (no network needed); the official ranking above is complete without it."
        )
        b.raw("</p><div class=\"sandbox-on\" hidden><p class=\"banner\" role=\"note\"><strong>")
        b.text(
            vi
                ? "KHÔNG PHẢI PHƯƠNG PHÁP CHÍNH THỨC: thứ hạng dưới đây tính theo trọng số, phép tổng hợp và cách chuẩn hoá bạn chọn; kết quả chính thức là bảng xếp hạng ở trên."
                : "NOT THE OFFICIAL METHOD: the ranks below follow the points, aggregation and normalisation you choose; the official results are the ranking above."
        )
        b.raw("</strong></p><p>")
        b.text(
            vi
                ? "Đổi số điểm của từng chỉ số chính (các chỉ số khác giữ điểm chính thức; tổng được chuẩn hoá lại), phép tổng hợp hoặc cách chuẩn hoá: mọi đơn vị được tính lại ngay. Liên kết bên dưới mở lại đúng kịch bản này. Bấm tiêu đề cột để sắp xếp; trang in không có phần này."
                : "Change the points of any main indicator (the others keep their official points; the total is rescaled), the aggregation or the normalisation: every unit is recomputed at once. The link below reopens this very scenario. Click a column heading to sort; printed pages leave this section out."
        )
        b.raw("</p><form class=\"sandbox-controls\" onsubmit=\"return false\">")
        for control in controls {
            b.raw("<label>")
            b.text(control.name)
            // Text, not `type="number"`: a browser's number field reads "250,5" or "1.000" by its
            // own locale, or gives nothing; the script reads them as dti's readers do.
            b.raw(" <input type=\"text\" inputmode=\"decimal\" autocomplete=\"off\"")
            b.attribute("name", control.id)
            b.attribute("value", NumberText.exact(control.points))
            b.attribute("data-name", control.name)
            b.attribute("data-official", NumberText.exact(control.points))
            b.raw("> <small>")
            b.text((vi ? "chính thức " : "official ") + NumberText.exact(control.points))
            b.raw("</small></label>")
        }
        b.raw("<label>")
        b.text(vi ? "Phép tổng hợp" : "Aggregation")
        b.raw(" <select name=\"aggregation\"><option value=\"sum\">")
        b.text(vi ? "tổng có trọng số (chính thức)" : "weighted sum (official)")
        b.raw("</option><option value=\"geometric\">")
        b.text(vi ? "trung bình nhân có trọng số" : "weighted geometric mean")
        b.raw("</option></select></label><label>")
        b.text(vi ? "Chuẩn hoá" : "Normalisation")
        b.raw(" <select name=\"normalise\">")
        let normalisations: [(String, String)] =
            vi
            ? [
                ("official", "tỷ lệ như công bố (chính thức)"), ("minmax", "min–max"), ("zscore", "điểm z (chỉ với tổng)"),
                ("rank", "thứ hạng phần trăm"),
            ]
            : [
                ("official", "shares as published (official)"), ("minmax", "min–max"), ("zscore", "z-scores (sum only)"),
                ("rank", "percentile ranks"),
            ]
        for (value, label) in normalisations {
            b.raw("<option")
            b.attribute("value", value)
            b.raw(">")
            b.text(label)
            b.raw("</option>")
        }
        b.raw("</select></label><button type=\"button\" class=\"sandbox-reset\">")
        b.text(vi ? "Về phương pháp chính thức" : "Back to the official method")
        b.raw("</button></form><p class=\"sandbox-status\" role=\"status\"></p><p>")
        b.text(vi ? "Liên kết tới kịch bản này: " : "Link to this scenario: ")
        b.raw("<a class=\"sandbox-link\" href=\"#\">#</a></p>")
        b.raw("<div class=\"sandbox-browse\"><label>")
        b.text(vi ? "Tìm đơn vị (tên hoặc mã)" : "Find a unit (name or code)")
        b.raw(" <input type=\"search\" class=\"sandbox-find\" autocomplete=\"off\"></label><nav class=\"sandbox-pager\"")
        b.attribute("aria-label", vi ? "Các trang của bảng" : "Pages of the table")
        b.raw("><button type=\"button\" data-step=\"-1\">")
        b.text(vi ? "‹ Trang trước" : "‹ Previous")
        b.raw("</button> <span></span> <button type=\"button\" data-step=\"1\">")
        b.text(vi ? "Trang sau ›" : "Next ›")
        b.raw("</button></nav></div>")
        b.raw("<div class=\"scroll\"><table id=\"sandbox-table\" class=\"compact\"><thead><tr>")
        let headers: [(String, Bool)] = [
            (vi ? "Hạng của bạn" : "Your rank", true), (unitHeading, false), (vi ? "DTI của bạn" : "Your DTI", true),
            (vi ? "Hạng chính thức" : "Official rank", true), (vi ? "Thay đổi hạng" : "Rank change", true),
        ]
        for (header, isNumber) in headers {
            b.raw(isNumber ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            b.text(header)
            b.raw("</th>")
        }
        b.raw("</tr></thead><tbody></tbody></table></div></div>")
        b.jsonScript(id: "sandbox-data", data)
        b.raw("<script>")
        b.raw(Self.script)
        b.raw("</script></section>")
    }

    /// The arithmetic of `Scenario`, statement for statement, and the page's controls. The table
    /// shows 100 rows at a time: 3,321 rows laid out anew on every keystroke take Chromium
    /// about 250 ms, a page of them a few; ranks are always worked out for every unit.
    static let script: StaticString = #"""
        (function(){var R=document.getElementById('sandbox');if(!R)return;
        var D=JSON.parse(document.getElementById('sandbox-data').textContent),E=D.elements,U=D.units,n=E.length,N=U.length,SIZE=100;
        var F=R.querySelector('form.sandbox-controls'),T=R.querySelector('tbody'),L=R.querySelector('a.sandbox-link'),S=R.querySelector('.sandbox-status'),
        Q=R.querySelector('input.sandbox-find'),P=R.querySelector('.sandbox-pager'),H=Array.from(R.querySelectorAll('thead th'));
        R.querySelector('.sandbox-off').hidden=true;R.querySelector('.sandbox-on').hidden=false;
        var missing=U.map(function(x){var m=E.map(function(){return false;});x[6].forEach(function(e){m[e]=true;});return m;});
        function fold(t){return t.normalize('NFD').replace(/[\u0300-\u036f]/g,'').replace(/[\u0111\u0110]/g,'d').toLowerCase();}
        var folded=U.map(function(x){return fold(x[1])+' '+x[0];}),collator=new Intl.Collator(D.lang);
        function key(s){var k=s*10000;return k<0?-Math.round(-k):Math.round(k);}
        function fmt(s){var k=key(s),a=Math.abs(k),f=String(a%10000);while(f.length<4)f='0'+f;return(k<0?'-':'')+Math.floor(a/10000)+D.decimal+f;}
        function count(x){return String(x).replace(/\B(?=(\d{3})+(?!\d))/g,D.thousands);}
        function esc(t){return String(t).replace(/[&<>"']/g,function(c){return'&#'+c.charCodeAt(0)+';';});}
        function column(norm,e){var given=[],out=[],u,i,c;for(u=0;u<N;u++)if(!missing[u][e])given.push(U[u][5][e]);c=given.length;
        if(norm==='official'){for(u=0;u<N;u++)out.push(U[u][5][e]);return out;}
        if(c===0){for(u=0;u<N;u++)out.push(0);return out;}
        if(norm==='minmax'){var lo=given[0],hi=given[0];for(i=1;i<c;i++){if(given[i]<lo)lo=given[i];if(given[i]>hi)hi=given[i];}
        for(u=0;u<N;u++)out.push(missing[u][e]?0:(hi>lo?(U[u][5][e]-lo)/(hi-lo):1));return out;}
        if(norm==='zscore'){var sum=0,mean,dev=0,sq=0;for(i=0;i<c;i++)sum+=given[i];mean=sum/c;
        if(c>1){for(i=0;i<c;i++)sq+=(given[i]-mean)*(given[i]-mean);dev=Math.sqrt(sq/(c-1));}
        for(u=0;u<N;u++)out.push(dev>0?((missing[u][e]?0:U[u][5][e])-mean)/dev:0);return out;}
        var sorted=given.slice().sort(function(a,b){return a-b;});
        for(u=0;u<N;u++){if(missing[u][e]){out.push(0);continue;}if(c<2){out.push(1);continue;}
        var lower=0,upper=c,v=U[u][5][e];while(lower<upper){var m=(lower+upper)>>1;if(sorted[m]<v)lower=m+1;else upper=m;}out.push(lower/(c-1));}return out;}
        function weights(points){var w=[],total=0,official=0,i;for(i=0;i<n;i++){w.push(E[i].weight*(points[i]/E[i].points));total+=w[i];official+=E[i].weight;}
        if(!(total>0))return E.map(function(x){return x.weight;});var r=official/total;for(i=0;i<n;i++)w[i]*=r;return w;}
        function plain(t){return /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t)?Number(t):NaN;}
        function human(t){var m;t=t.trim();if(/^\d+$/.test(t))return{v:Number(t)};if(/^\d*[.,]?\d+e[+-]?\d+$/i.test(t))return{v:Number(t.replace(',','.'))};
        if((m=/^(\d+)([.,])(\d+)$/.exec(t))){var a=Number(m[1]+'.'+m[3]);if(m[3].length===3&&m[1].length<=3&&m[1]!=='0')return{amb:[a,Number(m[1]+m[3])]};return{v:a};}
        if((m=/^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(t)))return{v:Number(m[1].replace(/\./g,'')+(m[2]?'.'+m[2]:''))};
        if((m=/^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(t)))return{v:Number(m[1].replace(/,/g,'')+(m[2]?'.'+m[2]:''))};return{};}
        var linkProblems=[];
        function numText(x){var t=String(x);if(/^[1-9]\d{0,2}\.\d{3}$/.test(t))t+='0';return t.replace('.',D.decimal);}
        function state(){var p=[],bad=[],i;for(i=0;i<n;i++){var f=F.elements[E[i].id],t=f.value.trim(),r=t===''?{}:human(t),v=r.v;
        if(r.amb){bad.push(D.badField.replace('%s',t).replace('%n',f.dataset.name).replace('%r',D.fieldReasons.ambiguous.replace('%a',numText(r.amb[0])).replace('%b',numText(r.amb[1]))));v=NaN;}
        else if(!(v>=0)||!isFinite(v)){if(t!=='')bad.push(D.badField.replace('%s',t).replace('%n',f.dataset.name).replace('%r',D.fieldReasons.number));v=NaN;}
        if(!(v>=0)){f.setAttribute('aria-invalid','true');v=E[i].points;}else f.removeAttribute('aria-invalid');p.push(v);}
        return{points:p,aggregation:F.elements.aggregation.value,normalise:F.elements.normalise.value,problems:bad};}
        function fragment(st){var parts=[],w=[],i;for(i=0;i<n;i++)if(st.points[i]!==E[i].points)w.push(E[i].id+':'+st.points[i]);
        if(w.length)parts.push('weights='+w.join(','));if(st.aggregation!=='sum')parts.push('aggregation='+st.aggregation);
        if(st.normalise!=='official')parts.push('normalise='+st.normalise);return parts.join('&');}
        var scores=U.map(function(x){return x[4];}),ranks=U.map(function(x){return x[3];}),by=0,dir=1,page=0;
        function score(st){var w=weights(st.points),total=0,i,u,cols=[],out=[];for(i=0;i<n;i++)total+=w[i];for(i=0;i<n;i++)cols.push(column(st.normalise,i));
        for(u=0;u<N;u++){var sum=0;for(i=0;i<n;i++){var x=cols[i][u];sum+=w[i]*(st.aggregation==='geometric'?Math.log(Math.max(x,0.001)):x);}
        out.push(st.aggregation==='geometric'?total*Math.exp(sum/total):sum);}return out;}
        function rank(s){var keys=s.map(key),order=s.map(function(_,j){return j;}),r=[],prev=null,at=0;
        order.sort(function(a,b){return keys[a]!==keys[b]?keys[b]-keys[a]:a-b;});
        order.forEach(function(u,o){if(keys[u]!==prev){at=o+1;prev=keys[u];}r[u]=at;});return r;}
        function compute(moved){var st=state(),geo=F.elements.aggregation.querySelector('option[value=geometric]');
        if(st.normalise==='zscore'){geo.disabled=true;if(st.aggregation==='geometric'){F.elements.aggregation.value='sum';st.aggregation='sum';}}else geo.disabled=false;
        var said=linkProblems.concat(st.problems),total=st.points.reduce(function(a,b){return a+b;},0);
        if(!st.points.some(function(p){return p>0;})){S.textContent=said.concat([D.noPoints]).join(' ');return;}
        if(!(total>=2.2250738585072014e-308&&isFinite(total))){S.textContent=said.concat([D.badTotal.replace('%s',String(total))]).join(' ');
        scores=U.map(function(x){return x[4];});ranks=U.map(function(x){return x[3];});render();return;}
        S.textContent=said.join(' ');var f=fragment(st);
        if(f===''){scores=U.map(function(x){return x[4];});ranks=U.map(function(x){return x[3];});}else{scores=score(st);ranks=rank(scores);}
        render();L.href='#'+f;L.textContent=location.href.split('#')[0].split('/').pop()+'#'+f;
        if(moved&&('#'+f)!==(location.hash||'#')&&!(f===''&&location.hash===''))history.replaceState(null,'','#'+f);}
        function value(u,c){return c===0?ranks[u]:c===2?-key(scores[u]):c===3?U[u][3]:c===4?ranks[u]-U[u][3]:0;}
        function render(){var q=fold(Q.value.trim()),list=[],u;for(u=0;u<N;u++)if(!q||folded[u].indexOf(q)>=0)list.push(u);
        list.sort(function(a,b){var d=by===1?collator.compare(U[a][1],U[b][1]):value(a,by)-value(b,by);return dir*d||ranks[a]-ranks[b]||a-b;});
        var pages=Math.max(1,Math.ceil(list.length/SIZE));if(page>=pages)page=pages-1;var first=page*SIZE,html='';
        list.slice(first,first+SIZE).forEach(function(u){var d=U[u][3]-ranks[u],ch=d>0?'\u25B2'+d:d<0?'\u25BC'+(-d):'=';
        html+='<tr data-code="'+esc(U[u][0])+'" data-rank="'+ranks[u]+'"><td class="num">'+ranks[u]+'</td><th scope="row"><a href="'+esc(U[u][2])+'.html">'+esc(U[u][1])+'</a></th>'+
        '<td class="num">'+fmt(scores[u])+'</td><td class="num">'+U[u][3]+'</td><td class="num">'+ch+'</td></tr>';});
        T.innerHTML=html||'<tr><td colspan="5">'+esc(D.none)+'</td></tr>';
        P.querySelector('span').textContent=list.length?D.pager.replace('%p',page+1).replace('%n',pages).replace('%a',first+1).replace('%b',Math.min(first+SIZE,list.length)).replace('%t',count(list.length)):'';
        P.querySelector('[data-step="-1"]').disabled=page===0;P.querySelector('[data-step="1"]').disabled=page>=pages-1;P.hidden=N<=SIZE;
        H.forEach(function(h,i){if(i===by)h.setAttribute('aria-sort',dir>0?'ascending':'descending');else h.removeAttribute('aria-sort');});}
        function load(){var h=location.hash.slice(1),i;for(i=0;i<n;i++)F.elements[E[i].id].value=E[i].points;F.elements.aggregation.value='sum';F.elements.normalise.value='official';
        linkProblems=[];function refuse(part,why){linkProblems.push(D.badPart.replace('%s',part).replace('%r',D.reasons[why]));}
        function decode(t){try{return decodeURIComponent(t);}catch(e){return null;}}
        if(h!=='')h.split('&').forEach(function(part){if(part==='')return;var kv=part.split('='),k=decode(kv[0]||''),v=decode(kv.slice(1).join('=')||'');
        if(k===null||v===null){refuse(part,'escape');return;}
        if(k==='weights')v.split(',').forEach(function(p){var a=p.split(':');if(a.length!==2||a[0]===''){refuse(p,'pair');return;}
        if(!E.some(function(x){return x.id===a[0];})){refuse(p,'element');return;}var x=plain(a[1]);if(!(x>=0)||!isFinite(x)){refuse(p,'number');return;}
        F.elements[a[0]].value=numText(x);});
        else if(k==='aggregation'){if(v==='sum'||v==='geometric')F.elements.aggregation.value=v;else refuse(part,'choice');}
        else if(k==='normalise'){if(['official','minmax','zscore','rank'].indexOf(v)>=0)F.elements.normalise.value=v;else refuse(part,'choice');}
        else refuse(part,'unknown');});compute(false);
        if(/(^|&)(weights|aggregation|normalise)=/.test(h))R.scrollIntoView();}
        F.addEventListener('input',function(){compute(true);});F.addEventListener('change',function(){compute(true);});
        Q.addEventListener('input',function(){page=0;render();});
        P.addEventListener('click',function(e){var b=e.target.closest('button');if(b){page+=Number(b.dataset.step);render();}});
        H.forEach(function(h,i){h.addEventListener('click',function(){if(by===i)dir=-dir;else{by=i;dir=1;}render();});});
        R.querySelector('.sandbox-reset').addEventListener('click',function(){history.replaceState(null,'',location.pathname+location.search);load();});
        addEventListener('hashchange',load);load();})();
        """#
}

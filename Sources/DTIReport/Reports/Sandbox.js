// The national page's sandbox ("try your own weights"), embedded into dti (Package.swift:
// .embedInCode) and written into the page by Sandbox.swift.
//
// DTISandbox is the arithmetic of `Scenario` (DTIAnalysis), statement for statement: weights
// rescaled to the official total, column statistics once, the geometric mean's 0.001 floor,
// competition ranks on scores rounded to 4 decimals, half away from zero. It touches no page, so
// `swift test` runs it under node (SandboxScriptTests) on the shared cases of
// Tests/DTIReportTests/Fixtures/sandbox-cases.json, and the Chromium check (.ci/sandbox-check.py)
// runs the same cases in the page: each must give the ranks and rounded scores dti gives.
//
// Ties at a rounding boundary: sums are the same IEEE operations in the same order here and in
// Swift, so their bits agree; the geometric mean goes through exp and log, whose last bit may
// differ between V8 and glibc. A score whose rounding that last bit could change (within 1e-6 of
// a unit of 0.0001 of a half-step) is therefore refused as a geometric case by SandboxScriptTests,
// so the shared check compares keys and ranks exactly and cannot flake.
var DTISandbox = (function () {
  /** The published-precision key: the score in units of 0.0001, half away from zero. */
  function key(s) { var k = s * 10000; return k < 0 ? -Math.round(-k) : Math.round(k); }

  /** The score at 4 decimals with the page's decimal mark. */
  function fmt(s, decimal) {
    var k = key(s), a = Math.abs(k), f = String(a % 10000);
    while (f.length < 4) f = '0' + f;
    return (k < 0 ? '-' : '') + Math.floor(a / 10000) + decimal + f;
  }

  /** One element's column under a normalisation: `values[u]` is unit u's share, `missing[u]`
   *  whether it lacks one (its share then counts as 0, and it takes no part in the statistics). */
  function column(norm, values, missing) {
    var N = values.length, given = [], out = [], u, i, c;
    for (u = 0; u < N; u++) if (!missing[u]) given.push(values[u]);
    c = given.length;
    if (norm === 'official') { for (u = 0; u < N; u++) out.push(values[u]); return out; }
    if (c === 0) { for (u = 0; u < N; u++) out.push(0); return out; }
    if (norm === 'minmax') {
      var lo = given[0], hi = given[0];
      for (i = 1; i < c; i++) { if (given[i] < lo) lo = given[i]; if (given[i] > hi) hi = given[i]; }
      for (u = 0; u < N; u++) out.push(missing[u] ? 0 : (hi > lo ? (values[u] - lo) / (hi - lo) : 1));
      return out;
    }
    if (norm === 'zscore') {
      var sum = 0, mean, dev = 0, sq = 0;
      for (i = 0; i < c; i++) sum += given[i];
      mean = sum / c;
      if (c > 1) { for (i = 0; i < c; i++) sq += (given[i] - mean) * (given[i] - mean); dev = Math.sqrt(sq / (c - 1)); }
      for (u = 0; u < N; u++) out.push(dev > 0 ? ((missing[u] ? 0 : values[u]) - mean) / dev : 0);
      return out;
    }
    // Percentile ranks: the share of the other given values below this one.
    var sorted = given.slice().sort(function (a, b) { return a - b; });
    for (u = 0; u < N; u++) {
      if (missing[u]) { out.push(0); continue; }
      if (c < 2) { out.push(1); continue; }
      var lower = 0, upper = c, v = values[u];
      while (lower < upper) { var m = (lower + upper) >> 1; if (sorted[m] < v) lower = m + 1; else upper = m; }
      out.push(lower / (c - 1));
    }
    return out;
  }

  /** Each element's weight for the given points: the official weight times points ÷ official
   *  points, all rescaled so that they add up to the official weights' total. */
  function weights(elements, points) {
    var w = [], total = 0, official = 0, i, n = elements.length;
    for (i = 0; i < n; i++) { w.push(elements[i].weight * (points[i] / elements[i].points)); total += w[i]; official += elements[i].weight; }
    if (!(total > 0)) return elements.map(function (x) { return x.weight; });
    var r = official / total;
    for (i = 0; i < n; i++) w[i] *= r;
    return w;
  }

  /** Why a scenario cannot be scored, as `Scenario.factors` refuses it, or null. */
  function problem(st) {
    if (st.normalise === 'zscore' && st.aggregation === 'geometric') return 'zscoreWithGeometric';
    if (!st.points.some(function (p) { return p > 0; })) return 'noPoints';
    var total = st.points.reduce(function (a, b) { return a + b; }, 0);
    if (!(total >= 2.2250738585072014e-308 && isFinite(total))) return 'badTotal';
    return null;
  }

  /** Every unit's index under the scenario `st` ({points, aggregation, normalise}):
   *  `shares[u][e]` and `missing[u][e]` as `column` takes them. */
  function score(elements, shares, missing, st) {
    var n = elements.length, N = shares.length, w = weights(elements, st.points), total = 0, i, u, cols = [], out = [];
    for (i = 0; i < n; i++) total += w[i];
    for (i = 0; i < n; i++) {
      cols.push(column(st.normalise, shares.map(function (x) { return x[i]; }), missing.map(function (x) { return x[i]; })));
    }
    for (u = 0; u < N; u++) {
      var sum = 0;
      for (i = 0; i < n; i++) { var x = cols[i][u]; sum += w[i] * (st.aggregation === 'geometric' ? Math.log(Math.max(x, 0.001)) : x); }
      // A geometric mean on the same 0…total scale as the sum.
      out.push(st.aggregation === 'geometric' ? total * Math.exp(sum / total) : sum);
    }
    return out;
  }

  /** Competition ranks ("1, 2, 2, 4") on the keys; equal keys keep the units' order. */
  function rank(s) {
    var keys = s.map(key), order = s.map(function (_, j) { return j; }), r = [], prev = null, at = 0;
    order.sort(function (a, b) { return keys[a] !== keys[b] ? keys[b] - keys[a] : a - b; });
    order.forEach(function (u, o) { if (keys[u] !== prev) { at = o + 1; prev = keys[u]; } r[u] = at; });
    return r;
  }

  /** The shared cases' answers ({keys, ranks} or {problem}), for node's and Chromium's checks. */
  function answer(file) {
    return file.cases.map(function (c) {
      var missing = c.shares.map(function (row, u) { return row.map(function (_, e) { return c.missing[u].indexOf(e) >= 0; }); });
      var why = problem(c.scenario);
      if (why) return { problem: why };
      var s = score(file.elements, c.shares, missing, c.scenario);
      return { keys: s.map(key), ranks: rank(s) };
    });
  }

  return { key: key, fmt: fmt, column: column, weights: weights, problem: problem, score: score, rank: rank, answer: answer };
})();

// The page: its controls, the link of the scenario, the table (100 rows at a time: 3,321 rows laid
// out anew on every keystroke take Chromium about 250 ms, a page of them a few; ranks are always
// worked out for every unit). Nothing here runs outside a page that has the section.
(function () {
  if (typeof document === 'undefined') return;
  var R = document.getElementById('sandbox'); if (!R) return;
  var A = DTISandbox, D = JSON.parse(document.getElementById('sandbox-data').textContent), E = D.elements, U = D.units, n = E.length, N = U.length, SIZE = 100;
  var F = R.querySelector('form.sandbox-controls'), T = R.querySelector('tbody'), L = R.querySelector('a.sandbox-link'), S = R.querySelector('.sandbox-status'),
    Q = R.querySelector('input.sandbox-find'), P = R.querySelector('.sandbox-pager'), H = Array.from(R.querySelectorAll('thead th'));
  R.querySelector('.sandbox-off').hidden = true; R.querySelector('.sandbox-on').hidden = false;
  var shares = U.map(function (x) { return x[5]; });
  var missing = U.map(function (x) { var m = E.map(function () { return false; }); x[6].forEach(function (e) { m[e] = true; }); return m; });
  function fold(t) { return t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\u0111\u0110]/g, 'd').toLowerCase(); }
  var folded = U.map(function (x) { return fold(x[1]) + ' ' + x[0]; }), collator = new Intl.Collator(D.lang);
  function count(x) { return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, D.thousands); }
  function esc(t) { return String(t).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  // A number as a link gives it: digits and a decimal point only.
  function plain(t) { return /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN; }
  // A number as a person types it, read as dti's readers do: "250,5", "1.000.000", "1,000.5";
  // "1.000" or "1,000" alone could be a thousand or one, and is asked about.
  function human(t) {
    var m; t = t.trim();
    if (/^\d+$/.test(t)) return { v: Number(t) };
    if (/^\d*[.,]?\d+e[+-]?\d+$/i.test(t)) return { v: Number(t.replace(',', '.')) };
    if ((m = /^(\d+)([.,])(\d+)$/.exec(t))) { var a = Number(m[1] + '.' + m[3]); if (m[3].length === 3 && m[1].length <= 3 && m[1] !== '0') return { amb: [a, Number(m[1] + m[3])] }; return { v: a }; }
    if ((m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(t))) return { v: Number(m[1].replace(/\./g, '') + (m[2] ? '.' + m[2] : '')) };
    if ((m = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(t))) return { v: Number(m[1].replace(/,/g, '') + (m[2] ? '.' + m[2] : '')) };
    return {};
  }
  var linkProblems = [];
  function numText(x) { var t = String(x); if (/^[1-9]\d{0,2}\.\d{3}$/.test(t)) t += '0'; return t.replace('.', D.decimal); }
  function state() {
    var p = [], bad = [], i;
    for (i = 0; i < n; i++) {
      var f = F.elements[E[i].id], t = f.value.trim(), r = t === '' ? {} : human(t), v = r.v;
      if (r.amb) { bad.push(D.badField.replace('%s', t).replace('%n', f.dataset.name).replace('%r', D.fieldReasons.ambiguous.replace('%a', numText(r.amb[0])).replace('%b', numText(r.amb[1])))); v = NaN; }
      else if (!(v >= 0) || !isFinite(v)) { if (t !== '') bad.push(D.badField.replace('%s', t).replace('%n', f.dataset.name).replace('%r', D.fieldReasons.number)); v = NaN; }
      if (!(v >= 0)) { f.setAttribute('aria-invalid', 'true'); v = E[i].points; } else f.removeAttribute('aria-invalid');
      p.push(v);
    }
    return { points: p, aggregation: F.elements.aggregation.value, normalise: F.elements.normalise.value, problems: bad };
  }
  function fragment(st) {
    var parts = [], w = [], i;
    for (i = 0; i < n; i++) if (st.points[i] !== E[i].points) w.push(E[i].id + ':' + st.points[i]);
    if (w.length) parts.push('weights=' + w.join(','));
    if (st.aggregation !== 'sum') parts.push('aggregation=' + st.aggregation);
    if (st.normalise !== 'official') parts.push('normalise=' + st.normalise);
    return parts.join('&');
  }
  var scores = U.map(function (x) { return x[4]; }), ranks = U.map(function (x) { return x[3]; }), by = 0, dir = 1, page = 0;
  function official() { scores = U.map(function (x) { return x[4]; }); ranks = U.map(function (x) { return x[3]; }); }
  function compute(moved) {
    var st = state(), geo = F.elements.aggregation.querySelector('option[value=geometric]');
    if (st.normalise === 'zscore') { geo.disabled = true; if (st.aggregation === 'geometric') { F.elements.aggregation.value = 'sum'; st.aggregation = 'sum'; } } else geo.disabled = false;
    var said = linkProblems.concat(st.problems), why = A.problem(st);
    if (why === 'noPoints') { S.textContent = said.concat([D.noPoints]).join(' '); return; }
    if (why === 'badTotal') {
      var total = st.points.reduce(function (a, b) { return a + b; }, 0);
      S.textContent = said.concat([D.badTotal.replace('%s', String(total))]).join(' ');
      official(); render(); return;
    }
    S.textContent = said.join(' ');
    var f = fragment(st);
    if (f === '') official(); else { scores = A.score(E, shares, missing, st); ranks = A.rank(scores); }
    render();
    L.href = '#' + f; L.textContent = location.href.split('#')[0].split('/').pop() + '#' + f;
    if (moved && ('#' + f) !== (location.hash || '#') && !(f === '' && location.hash === '')) history.replaceState(null, '', '#' + f);
  }
  function value(u, c) { return c === 0 ? ranks[u] : c === 2 ? -A.key(scores[u]) : c === 3 ? U[u][3] : c === 4 ? ranks[u] - U[u][3] : 0; }
  function render() {
    var q = fold(Q.value.trim()), list = [], u;
    for (u = 0; u < N; u++) if (!q || folded[u].indexOf(q) >= 0) list.push(u);
    list.sort(function (a, b) { var d = by === 1 ? collator.compare(U[a][1], U[b][1]) : value(a, by) - value(b, by); return dir * d || ranks[a] - ranks[b] || a - b; });
    var pages = Math.max(1, Math.ceil(list.length / SIZE)); if (page >= pages) page = pages - 1;
    var first = page * SIZE, html = '';
    list.slice(first, first + SIZE).forEach(function (u) {
      var d = U[u][3] - ranks[u], ch = d > 0 ? '\u25B2' + d : d < 0 ? '\u25BC' + (-d) : '=';
      html += '<tr data-code="' + esc(U[u][0]) + '" data-rank="' + ranks[u] + '"><td class="num">' + ranks[u] + '</td><th scope="row"><a href="' + esc(U[u][2]) + '.html">' + esc(U[u][1]) + '</a></th>' +
        '<td class="num">' + A.fmt(scores[u], D.decimal) + '</td><td class="num">' + U[u][3] + '</td><td class="num">' + ch + '</td></tr>';
    });
    T.innerHTML = html || '<tr><td colspan="5">' + esc(D.none) + '</td></tr>';
    P.querySelector('span').textContent = list.length ? D.pager.replace('%p', page + 1).replace('%n', pages).replace('%a', first + 1).replace('%b', Math.min(first + SIZE, list.length)).replace('%t', count(list.length)) : '';
    P.querySelector('[data-step="-1"]').disabled = page === 0; P.querySelector('[data-step="1"]').disabled = page >= pages - 1; P.hidden = N <= SIZE;
    H.forEach(function (h, i) { if (i === by) h.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending'); else h.removeAttribute('aria-sort'); });
  }
  function load() {
    var h = location.hash.slice(1), i;
    for (i = 0; i < n; i++) F.elements[E[i].id].value = E[i].points;
    F.elements.aggregation.value = 'sum'; F.elements.normalise.value = 'official';
    linkProblems = [];
    function refuse(part, why) { linkProblems.push(D.badPart.replace('%s', part).replace('%r', D.reasons[why])); }
    function decode(t) { try { return decodeURIComponent(t); } catch (e) { return null; } }
    if (h !== '') h.split('&').forEach(function (part) {
      if (part === '') return;
      var kv = part.split('='), k = decode(kv[0] || ''), v = decode(kv.slice(1).join('=') || '');
      if (k === null || v === null) { refuse(part, 'escape'); return; }
      if (k === 'weights') v.split(',').forEach(function (p) {
        var a = p.split(':');
        if (a.length !== 2 || a[0] === '') { refuse(p, 'pair'); return; }
        if (!E.some(function (x) { return x.id === a[0]; })) { refuse(p, 'element'); return; }
        var x = plain(a[1]);
        if (!(x >= 0) || !isFinite(x)) { refuse(p, 'number'); return; }
        F.elements[a[0]].value = numText(x);
      });
      else if (k === 'aggregation') { if (v === 'sum' || v === 'geometric') F.elements.aggregation.value = v; else refuse(part, 'choice'); }
      else if (k === 'normalise') { if (['official', 'minmax', 'zscore', 'rank'].indexOf(v) >= 0) F.elements.normalise.value = v; else refuse(part, 'choice'); }
      else refuse(part, 'unknown');
    });
    compute(false);
    if (/(^|&)(weights|aggregation|normalise)=/.test(h)) R.scrollIntoView();
  }
  F.addEventListener('input', function () { compute(true); }); F.addEventListener('change', function () { compute(true); });
  Q.addEventListener('input', function () { page = 0; render(); });
  P.addEventListener('click', function (e) { var b = e.target.closest('button'); if (b) { page += Number(b.dataset.step); render(); } });
  H.forEach(function (h, i) { h.addEventListener('click', function () { if (by === i) dir = -dir; else { by = i; dir = 1; } render(); }); });
  R.querySelector('.sandbox-reset').addEventListener('click', function () { history.replaceState(null, '', location.pathname + location.search); load(); });
  addEventListener('hashchange', load);
  load();
})();

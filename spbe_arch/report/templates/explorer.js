// spbe-arch report explorer: search, filters, application details, pan and zoom on diagrams.
// Plain JavaScript, no library, no request: it reads the JSON in #x-data. MIT licence, as the package.
(function () {
  "use strict";
  var source = document.getElementById("x-data");
  if (!source) return;
  var D = JSON.parse(source.textContent);
  var L = D.labels, N = D.names;
  var LIMIT = 50;  // rows per table: search and filters reach the others
  var byId = {}, out = {}, into = {};
  D.apps.forEach(function (a) { byId[a.id] = a; });
  D.integrations.forEach(function (i) {
    (out[i.s] = out[i.s] || []).push(i);
    (into[i.t] = into[i.t] || []).push(i);
  });
  function $(id) { return document.getElementById(id); }
  function name(id) { return id ? (N[id] || (byId[id] && byId[id].n) || id) : L.none; }
  // where it runs: the stated hosting, else a national platform's operator or "not recorded"
  function host(a, detail) { return a.h ? name(a.h) : detail ? a.hwd : a.hw; }
  function via(code) { return D.via[code] || code; }  // a mechanism in words, as the inventory writes it
  function mech(i) {  // planned ones say so, and those whose direction is unknown
    return via(i.v) + (i.live ? "" : " (" + i.st + ")") + (i.either ? ", " + L.either_way : "");
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function appLink(id) {
    if (!byId[id]) return el("span", { text: name(id) });
    return el("a", { href: "#app=" + encodeURIComponent(id), "class": "x-app", "data-app": id, text: name(id) });
  }
  function fill(select, label, values, text) {
    select.appendChild(el("option", { value: "", text: label }));
    values.forEach(function (v) { select.appendChild(el("option", { value: v, text: text ? text(v) : v })); });
  }
  function unique(list) {
    var seen = {}, outList = [];
    list.forEach(function (v) { if (v && !seen[v]) { seen[v] = 1; outList.push(v); } });
    return outList.sort();
  }
  var search = $("x-search"), fUnit = $("x-unit"), fKind = $("x-kind"), fStatus = $("x-status"),
      fHost = $("x-host"), fVia = $("x-via");
  search.placeholder = L.search;
  fill(fUnit, L.all_units, D.units, name);
  fill(fKind, L.all_kinds, unique(D.apps.map(function (a) { return a.k; })));
  fill(fStatus, L.all_status, unique(D.apps.map(function (a) { return a.s; })));
  // the stated hosts, then where the others run as said in words ("~not recorded")
  var unhosted = unique(D.apps.filter(function (a) { return !a.h; })
    .map(function (a) { return "~" + a.hw; }));
  fill(fHost, L.all_hosting, D.hosts.concat(unhosted), function (v) {
    return v.charAt(0) === "~" ? v.slice(1) : name(v);
  });
  fill(fVia, L.all_via, unique(D.integrations.map(function (i) { return i.v; })), via);

  // one lower-case text per application, searched by substring
  var haystack = {};
  D.apps.forEach(function (a) {
    haystack[a.id] = [a.id, a.n, name(a.u), host(a), a.p ? name(a.p) : "", a.hwd || ""]
      .concat(a.r.map(name), a.w.map(name)).join(" ").toLowerCase();
  });
  function viaOf(a) {
    return (out[a.id] || []).concat(into[a.id] || []).map(function (i) { return i.v; });
  }
  function matches(a, words) {
    if (fUnit.value && a.u !== fUnit.value) return false;
    if (fKind.value && a.k !== fKind.value) return false;
    if (fStatus.value && a.s !== fStatus.value) return false;
    if (fHost.value && (fHost.value.charAt(0) === "~" ? a.h || "~" + a.hw !== fHost.value
                                                      : a.h !== fHost.value)) return false;
    if (fVia.value && viaOf(a).indexOf(fVia.value) < 0) return false;
    for (var w = 0; w < words.length; w++) if (haystack[a.id].indexOf(words[w]) < 0) return false;
    return true;
  }
  function render() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var found = D.apps.filter(function (a) { return matches(a, words); });
    var body = $("x-apps").tBodies[0];
    body.textContent = "";
    found.slice(0, LIMIT).forEach(function (a) {
      body.appendChild(el("tr", { "data-app": a.id }, [
        el("td", {}, [appLink(a.id)]), el("td", { text: name(a.u) }), el("td", { text: a.k }),
        el("td", { text: a.s }), el("td", { text: host(a) }),
      ]));
    });
    $("x-count").textContent = found.length ? shown(found.length) : L.no_match;
    var ids = {};
    found.forEach(function (a) { ids[a.id] = 1; });
    var ints = D.integrations.filter(function (i) {
      return (ids[i.s] || ids[i.t]) && (!fVia.value || i.v === fVia.value);
    });
    var ibody = $("x-ints").tBodies[0];
    ibody.textContent = "";
    ints.slice(0, LIMIT).forEach(function (i) {
      ibody.appendChild(el("tr", {}, [
        el("td", {}, [appLink(i.s)]), el("td", {}, [appLink(i.t)]), el("td", { text: mech(i) }),
        el("td", { text: i.net }), el("td", { text: i.d.map(name).join(", ") }),
      ]));
    });
    $("x-int-count").textContent = shown(ints.length);
  }
  function shown(total) {
    var line = L.shown_of.replace("{shown}", Math.min(total, LIMIT)).replace("{total}", total);
    return total > LIMIT ? line + ". " + L.refine : line;
  }
  function list(title, items, unknown) {
    // unknown: the model does not record these at all, so an empty list is not "none"
    if (unknown && !items.length) {
      return el("div", { "class": "x-part" }, [el("h4", { text: title }),
        el("p", { "class": "muted", text: L.not_recorded })]);
    }
    var box = el("div", { "class": "x-part" }, [el("h4", { text: title + " (" + items.length + ")" })]);
    if (!items.length) { box.appendChild(el("p", { "class": "muted", text: L.none })); return box; }
    var ul = el("ul");
    items.slice(0, 50).forEach(function (item) { ul.appendChild(el("li", {}, [item])); });
    if (items.length > 50) ul.appendChild(el("li", { "class": "muted", text: "… " + (items.length - 50) }));
    box.appendChild(ul);
    return box;
  }
  function show(id) {
    var a = byId[id], panel = $("x-detail");
    if (!a) return;
    panel.textContent = "";
    var close = el("button", { type: "button", "class": "x-close", text: L.close });
    close.addEventListener("click", function () { panel.hidden = true; history.replaceState(null, "", "#explorer"); });
    panel.appendChild(close);
    panel.appendChild(el("h3", { text: a.n }));
    panel.appendChild(el("p", { "class": "mono", text: a.id }));
    panel.appendChild(el("dl", {}, [
      el("dt", { text: L.unit }), el("dd", { text: name(a.u) }),
      el("dt", { text: L.kind }), el("dd", { text: a.k + (a.p ? " · " + name(a.p) : "") }),
      el("dt", { text: L.status }), el("dd", { text: a.s }),
      el("dt", { text: L.hosting }), el("dd", { text: host(a, true) }),
    ]));
    var ints = (out[id] || []).map(function (i) {
      return el("span", {}, [i.either ? "↔ " : "→ ", appLink(i.t), " (" + mech(i) + (i.net ? ", " + i.net : "") + ")"]);
    }).concat((into[id] || []).map(function (i) {
      return el("span", {}, [i.either ? "↔ " : "← ", appLink(i.s), " (" + mech(i) + (i.net ? ", " + i.net : "") + ")"]);
    }));
    panel.appendChild(list(L.integrations, ints, D.links_unknown));
    panel.appendChild(list(L.reads, a.r.map(name), a.du));
    panel.appendChild(list(L.writes, a.w.map(name), a.du));
    var hit = D.impacts && D.impacts[id];
    var fails = el("div", { "class": "x-impact" }, [el("h4", { text: L.if_fails })]);
    if (!D.impacts) fails.appendChild(el("p", {}, [L.impact_command + " ", el("code", { text: "spbe-arch impact MODEL " + id })]));
    else if (!hit) fails.appendChild(el("p", { text: L.nothing_stops }));
    else {
      fails.appendChild(list(L.stops_services, hit.sv.map(name)));
      fails.appendChild(list(L.stops_processes, hit.bp.map(name)));
      fails.appendChild(list(L.degrades, hit.dg.map(appLink), D.links_unknown || a.du));
      if (hit.svd.length) fails.appendChild(list(L.degrades_services, hit.svd.map(name)));
      if (hit.bpd.length) fails.appendChild(list(L.degrades_processes, hit.bpd.map(name)));
      fails.appendChild(el("p", { text: L.breaks + ": " + hit.ib }));
    }
    if (D.impacts && D.services_unknown) fails.appendChild(el("p", { "class": "muted", text: L.services_unknown }));
    if (D.impacts && D.links_unknown) fails.appendChild(el("p", { "class": "muted", text: L.links_unknown }));
    else if (D.impacts && a.du) fails.appendChild(el("p", { "class": "muted", text: L.data_unknown }));
    panel.appendChild(fails);
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
  }
  function route() {
    var m = /^#app=(.+)$/.exec(location.hash);
    if (m) show(decodeURIComponent(m[1]));
  }
  [search, fUnit, fKind, fStatus, fHost, fVia].forEach(function (c) {
    c.addEventListener(c === search ? "input" : "change", render);
  });
  window.addEventListener("hashchange", route);
  render();
  route();

  // diagrams: a click on an application's box opens it; wheel zooms, drag pans, double-click resets
  Array.prototype.forEach.call(document.querySelectorAll("svg.diagram"), function (svg) {
    Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
      var title = g.querySelector("title");
      var id = title && title.textContent;
      if (id && byId[id]) {
        g.classList.add("x-clickable");
        g.addEventListener("click", function () { location.hash = "app=" + encodeURIComponent(id); });
      }
    });
    var box = svg.viewBox && svg.viewBox.baseVal;
    if (!box || !box.width) return;
    var home = [box.x, box.y, box.width, box.height], drag = null;
    function set(v) { svg.setAttribute("viewBox", v.join(" ")); }
    svg.addEventListener("wheel", function (e) {
      if (!e.ctrlKey && !e.metaKey && !svg.classList.contains("x-zoomed")) return;
      e.preventDefault();
      var r = svg.getBoundingClientRect(), b = svg.viewBox.baseVal;
      var k = e.deltaY < 0 ? 0.8 : 1.25;
      var px = b.x + (e.clientX - r.left) / r.width * b.width, py = b.y + (e.clientY - r.top) / r.height * b.height;
      set([px - (px - b.x) * k, py - (py - b.y) * k, b.width * k, b.height * k]);
      svg.classList.add("x-zoomed");
    }, { passive: false });
    svg.addEventListener("mousedown", function (e) { drag = [e.clientX, e.clientY]; });
    window.addEventListener("mouseup", function () { drag = null; });
    svg.addEventListener("mousemove", function (e) {
      if (!drag) return;
      var r = svg.getBoundingClientRect(), b = svg.viewBox.baseVal;
      set([b.x - (e.clientX - drag[0]) * b.width / r.width, b.y - (e.clientY - drag[1]) * b.height / r.height, b.width, b.height]);
      drag = [e.clientX, e.clientY];
      svg.classList.add("x-zoomed");
    });
    svg.addEventListener("dblclick", function () { set(home); svg.classList.remove("x-zoomed"); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.x-zoom"), function (b) {
    b.addEventListener("click", function () {
      var svg = document.getElementById(b.getAttribute("data-target"));
      if (!svg) return;
      var v = svg.viewBox.baseVal, k = b.getAttribute("data-k") === "in" ? 0.7 : 1 / 0.7;
      svg.setAttribute("viewBox", [v.x + v.width * (1 - k) / 2, v.y + v.height * (1 - k) / 2, v.width * k, v.height * k].join(" "));
      svg.classList.add("x-zoomed");
    });
  });
})();

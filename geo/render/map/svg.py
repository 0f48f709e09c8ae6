"""Output for print as vectors: a drawn map page written out as one standalone SVG file.

The SVG is made in the page (headless Chromium, :func:`~geo.render.map.png.render_png`
with a ``.svg`` path) from what the browser has laid out, so it shows exactly the PNG's
page: the header (title, finding), the map (its sea, and Leaflet's own SVG layers: land,
territory, lines, rings, markers, cloned with their computed colours so the theme is
kept), the placed labels with their halos, leader lines and capital dots, the scale bar
and the inset locator, then the footer (key with its swatches, sources, byline). Text is
real ``<text>``, one element per laid-out line, so print tools can edit it; it is set as
DOM text and serialised by the browser's ``XMLSerializer``, so every character is escaped.
Sizes are CSS pixels (``width`` × the page's height); the map is clipped to its frame.
"""

from __future__ import annotations

__all__ = ["SVG_JS"]

#: Builds the SVG of a drawn map page (after :data:`~geo.render.map.png.STATIC_JS`); returns its text.
SVG_JS = """() => {
    const NS = "http://www.w3.org/2000/svg";
    const W = Math.ceil(document.documentElement.clientWidth);
    const H = Math.ceil(document.body.getBoundingClientRect().height);
    const root = document.createElementNS(NS, "svg");
    const add = (name, attrs, parent) => {
        const e = document.createElementNS(NS, name);
        for (const k in attrs) { e.setAttribute(k, attrs[k]); }
        (parent || root).appendChild(e);
        return e;
    };
    const shown = (e) => {
        if (!e.getClientRects().length) { return false; }
        const s = getComputedStyle(e);
        return s.visibility !== "hidden" && s.display !== "none" && +s.opacity > 0;
    };
    const clear = (c) => !c || c === "transparent" || c === "rgba(0, 0, 0, 0)";
    root.setAttribute("xmlns", NS);
    root.setAttribute("width", W);
    root.setAttribute("height", H);
    root.setAttribute("viewBox", "0 0 " + W + " " + H);
    root.setAttribute("lang", document.documentElement.lang || "en");
    const bodyStyle = getComputedStyle(document.body);
    add("title", {}).textContent = document.title || "Map";
    add("rect", {x: 0, y: 0, width: W, height: H, fill: bodyStyle.backgroundColor});

    // text as the browser laid it out: one <text> per line of each text node
    function text(node, parent, halo) {
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
            const el = t.parentElement;
            if (!shown(el) || !t.textContent.trim()) { continue; }
            const s = getComputedStyle(el);
            const lines = [];
            const re = /\\S+/g;
            for (let m = re.exec(t.textContent); m; m = re.exec(t.textContent)) {
                const r = document.createRange();
                r.setStart(t, m.index);
                r.setEnd(t, m.index + m[0].length);
                const b = r.getBoundingClientRect();
                if (!b.width) { continue; }
                const last = lines[lines.length - 1];
                if (last && Math.abs(last.top - b.top) < 2) { last.words.push(m[0]); }
                else { lines.push({top: b.top, left: b.left, h: b.height, words: [m[0]]}); }
            }
            const size = parseFloat(s.fontSize);
            lines.forEach((ln) => {
                let words = ln.words.join(" ");
                if (s.textTransform === "uppercase") { words = words.toUpperCase(); }
                const attrs = {
                    x: ln.left.toFixed(1), y: (ln.top + (ln.h + size * 0.7) / 2).toFixed(1),
                    "font-family": s.fontFamily, "font-size": size, fill: s.color,
                };
                if (s.fontWeight !== "400") { attrs["font-weight"] = s.fontWeight; }
                if (s.fontStyle !== "normal") { attrs["font-style"] = s.fontStyle; }
                if (s.letterSpacing !== "normal") { attrs["letter-spacing"] = s.letterSpacing; }
                if (halo) {
                    Object.assign(attrs, {stroke: halo, "stroke-width": 3, "stroke-linejoin": "round",
                                          "paint-order": "stroke"});
                }
                add("text", attrs, parent).textContent = words;
            });
        }
    }
    // a box's background and borders (key swatches, figure labels, the scale bar, dots)
    function box(e, parent) {
        const s = getComputedStyle(e), r = e.getBoundingClientRect();
        const rx = parseFloat(s.borderTopLeftRadius) || 0;
        const o = +s.opacity < 1 ? {opacity: s.opacity} : {};
        if (s.borderTopLeftRadius.endsWith("%") && Math.abs(r.width - r.height) < 1) {  // a dot
            const bw = parseFloat(s.borderTopWidth) || 0;
            const dot = {cx: r.left + r.width / 2, cy: r.top + r.height / 2, r: (r.width - bw) / 2,
                         fill: s.backgroundColor, stroke: bw ? s.borderTopColor : "none", "stroke-width": bw};
            add("circle", Object.assign(dot, o), parent);
            return;
        }
        if (!clear(s.backgroundColor)) {
            add("rect", Object.assign({x: r.left, y: r.top, width: r.width, height: r.height,
                                       rx: Math.min(rx, r.width / 2), fill: s.backgroundColor}, o), parent);
        }
        const sides = [["Top", r.left, r.top, r.right, r.top],
                       ["Bottom", r.left, r.bottom, r.right, r.bottom],
                       ["Left", r.left, r.top, r.left, r.bottom],
                       ["Right", r.right, r.top, r.right, r.bottom]];
        sides.forEach((b) => {
            const w = parseFloat(s["border" + b[0] + "Width"]), st = s["border" + b[0] + "Style"];
            if (!w || st === "none" || clear(s["border" + b[0] + "Color"])) { return; }
            const a = {x1: b[1], y1: b[2], x2: b[3], y2: b[4], stroke: s["border" + b[0] + "Color"],
                       "stroke-width": w};
            if (st === "dashed") { a["stroke-dasharray"] = (2 * w) + " " + w; }
            if (st === "dotted") { a["stroke-dasharray"] = w + " " + w; }
            add("line", Object.assign(a, o), parent);
        });
    }
    const PAINT = ["stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-linecap",
                   "stroke-linejoin", "fill", "fill-opacity", "fill-rule", "opacity"];
    const GEOMETRY = ["d", "x1", "y1", "x2", "y2", "x", "y", "width", "height", "cx", "cy", "r", "points",
                      "class", "transform"];
    // an SVG of the page (Leaflet's layers, the leader lines, the inset), its colours computed
    function vectors(svg, parent) {
        const r = svg.getBoundingClientRect();
        const copy = add("svg", {x: r.left.toFixed(2), y: r.top.toFixed(2), width: r.width, height: r.height,
                                 overflow: "visible"}, parent);
        if (svg.getAttribute("viewBox")) { copy.setAttribute("viewBox", svg.getAttribute("viewBox")); }
        svg.querySelectorAll("path, line, rect, circle, polygon, polyline").forEach((e) => {
            if (getComputedStyle(e).display === "none") { return; }
            const c = document.createElementNS(NS, e.tagName);
            GEOMETRY.forEach((k) => { if (e.hasAttribute(k)) { c.setAttribute(k, e.getAttribute(k)); } });
            const s = getComputedStyle(e);
            PAINT.forEach((k) => {
                const v = s.getPropertyValue(k);
                if (v && v !== "none" || k === "fill" || k === "stroke") { c.setAttribute(k, v || "none"); }
            });
            copy.appendChild(c);
        });
    }

    text(document.querySelector(".geo-header"), add("g", {class: "geo-header"}));
    const map = document.querySelector(".geo-map"), mr = map.getBoundingClientRect();
    const defs = add("defs", {});
    const clip = add("clipPath", {id: "geo-map-frame"}, defs);
    add("rect", {x: mr.left, y: mr.top, width: mr.width, height: mr.height}, clip);
    const g = add("g", {class: "geo-map", "clip-path": "url(#geo-map-frame)"});
    add("rect", {x: mr.left, y: mr.top, width: mr.width, height: mr.height,
                 fill: getComputedStyle(map).backgroundColor}, g);
    map.querySelectorAll(".leaflet-pane svg").forEach((svg) => {
        if (shown(svg)) { vectors(svg, g); }
    });
    const labels = add("g", {class: "geo-labels"}, g);
    map.querySelectorAll(".geo-lbl-dot").forEach((d) => { if (shown(d)) { box(d, labels); } });
    map.querySelectorAll(".geo-lbl").forEach((l) => {
        if (!shown(l)) { return; }
        const s = getComputedStyle(l);
        box(l, labels);
        const halo = (s.textShadow.match(/rgba?\\([^)]*\\)|#[0-9a-f]+/i) || [null])[0];
        text(l, labels, clear(s.backgroundColor) ? halo : null);
    });
    map.querySelectorAll(".leaflet-control-scale-line, .geo-inset").forEach((c) => {
        if (!shown(c)) { return; }
        box(c, g);
        c.querySelectorAll("svg").forEach((svg) => { vectors(svg, g); });
        text(c, g);
    });
    const foot = add("g", {class: "geo-footer"});
    document.querySelectorAll(".geo-footer .sw, .geo-footer .mark").forEach((e) => {
        if (shown(e)) { box(e, foot); }
    });
    text(document.querySelector(".geo-footer"), foot);
    return '<?xml version="1.0" encoding="UTF-8"?>\\n' + new XMLSerializer().serializeToString(root) + "\\n";
}"""

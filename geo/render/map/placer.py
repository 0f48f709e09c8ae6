"""The label placer that runs in the page: labels by priority, never overlapping, with leader lines.

It also says in the key how many places it left out.

Why in the page: where a label fits depends on the frame's size (a 343 px phone frame or
a 680 px column) and on the reader's zoom, which Python cannot know. The placer runs
when the map is fitted, zoomed, moved or resized:

1. every label is measured (its box in CSS px);
2. in priority order (highest first), each label tries its candidate positions: for a
   label of a point (a place), the eight places around its marker, then the same eight
   further out with a leader line back to the marker; for a label centred on a line or a
   ring (a figure, a radius, a country name), each of its anchors along the line;
3. a candidate is taken if its box lies inside the frame and overlaps no label placed
   before it, no marker and no control (zoom buttons, scale bar); a label with no such
   candidate is hidden, and hidden named places and line figures are counted in the key
   ("12 more places and 3 distances in the table");
4. in the phone layout (frame under 500 px) minor labels are not tried at all.

Labels are ``div`` elements with their text set as text (never HTML) in a map pane of
their own, positioned in layer pixels so they move with the map.
"""

from __future__ import annotations

__all__ = ["PHONE_WIDTH_PX", "PLACER_JS"]

#: Below this frame width (CSS px) the map is in its phone layout (also in the stylesheet).
PHONE_WIDTH_PX = 500

#: The placer; ``GEO_MAP``, ``GEO_LABELS``, ``GEO_OBSTACLES``, ``GEO_NOTE`` and ``GEO_PHONE`` are
#: replaced by the element that includes it (:class:`~geo.render.map.labels.LabelLayer`).
PLACER_JS = """
(function (m, data, obstacleData, note) {
    var pane = m.createPane("geo-labels");
    pane.style.zIndex = 450;
    pane.classList.add("leaflet-geo-labels-pane");
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("aria-hidden", "true");
    svg.style.position = "absolute";
    svg.style.overflow = "visible";
    pane.appendChild(svg);
    var labels = data.map(function (d, i) {
        var el = document.createElement("div");
        el.className = "geo-lbl geo-lbl-" + d[1];
        el.textContent = d[0];
        if (d[4]) { el.style.borderColor = d[4]; el.setAttribute("data-c", d[4].toLowerCase()); }
        el.style.display = "none";
        pane.appendChild(el);
        var dot = null;
        if (d[6] & 8) {
            dot = document.createElement("div");
            dot.className = "geo-lbl-dot";
            dot.style.width = dot.style.height = (2 * d[5]) + "px";
            dot.style.display = "none";
            pane.appendChild(dot);
        }
        var a = [];
        for (var k = 0; k + 1 < d[3].length; k += 2) { a.push([d[3][k], d[3][k + 1]]); }
        return {i: i, kind: d[1], p: d[2], a: a, r: d[5], counted: !!(d[6] & 1), minor: !!(d[6] & 2),
                lead: !!(d[6] & 4), el: el, dot: dot};
    });
    labels.sort(function (x, y) { return (y.p - x.p) || (x.i - y.i); });
    var DIRS = [[1, 0], [-1, 0], [0, -1], [0, 1], [0.71, -0.71], [-0.71, -0.71], [0.71, 0.71], [-0.71, 0.71]];
    function hit(b, boxes) {
        for (var i = 0; i < boxes.length; i++) {
            var o = boxes[i];
            if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) { return true; }
        }
        return false;
    }
    function around(p, l, gap) {
        var out = [];
        DIRS.forEach(function (d) {
            var px = p.x + d[0] * gap, py = p.y + d[1] * gap, x, y;
            x = d[0] > 0 ? px : (d[0] < 0 ? px - l.w : px - l.w / 2);
            y = d[1] > 0 ? py : (d[1] < 0 ? py - l.h : py - l.h / 2);
            out.push({x: x, y: y, w: l.w, h: l.h, from: [p.x + d[0] * l.r, p.y + d[1] * l.r], to: [px, py]});
        });
        return out;
    }
    function candidates(l) {
        var out = [];
        l.a.forEach(function (ll) {
            var p = m.latLngToContainerPoint(ll);
            if (l.r > 0) {
                out = out.concat(around(p, l, l.r + 3));
                if (l.lead) {
                    [24, 44, 70].forEach(function (g) { out = out.concat(around(p, l, l.r + g)); });
                }
            } else {
                [0, -0.9, 0.9].forEach(function (s) {
                    out.push({x: p.x - l.w / 2, y: p.y - l.h / 2 + s * l.h, w: l.w, h: l.h});
                });
            }
        });
        return out;
    }
    function place() {
        var size = m.getSize(), phone = size.x < GEO_PHONE, placed = [], blocked = [], hidden = 0, leads = [];
        var figures = 0;
        var frame = m.getContainer().getBoundingClientRect();
        m.getContainer().querySelectorAll(".leaflet-control").forEach(function (c) {
            var r = c.getBoundingClientRect();
            if (r.width > 0 && r.height > 0) {
                var x = r.left - frame.left - 3, y = r.top - frame.top - 3;
                blocked.push({x: x, y: y, w: r.width + 6, h: r.height + 6});
            }
        });
        obstacleData.forEach(function (o) {
            var p = m.latLngToContainerPoint([o[0], o[1]]);
            blocked.push({x: p.x - o[2] - 1, y: p.y - o[2] - 1, w: 2 * o[2] + 2, h: 2 * o[2] + 2});
        });
        labels.forEach(function (l) { l.el.style.visibility = "hidden"; l.el.style.display = "block"; });
        labels.forEach(function (l) {
            l.w = Math.ceil(l.el.offsetWidth) + 2;
            l.h = Math.ceil(l.el.offsetHeight) + 1;
        });
        labels.forEach(function (l) {
            var got = null, cs = (phone && l.minor) ? [] : candidates(l), dotBox = null;
            if (l.dot) {
                var q = m.latLngToContainerPoint(l.a[0]);
                dotBox = {x: q.x - l.r - 1, y: q.y - l.r - 1, w: 2 * l.r + 2, h: 2 * l.r + 2};
                if (hit(dotBox, placed)) { cs = []; }
                l.dot.style.display = "none";
            }
            for (var i = 0; i < cs.length && !got; i++) {
                var b = cs[i];
                if (b.x < 2 || b.y < 2 || b.x + b.w > size.x - 2 || b.y + b.h > size.y - 2) { continue; }
                if (!hit(b, placed) && !hit(b, blocked)) { got = b; }
            }
            if (!got) {
                l.el.style.display = "none";
                if (l.counted) { if (l.kind === "figure") { figures += 1; } else { hidden += 1; } }
                return;
            }
            placed.push(got);
            if (dotBox) {
                placed.push(dotBox);
                L.DomUtil.setPosition(l.dot, m.containerPointToLayerPoint([dotBox.x + 1, dotBox.y + 1]));
                l.dot.style.display = "block";
            }
            L.DomUtil.setPosition(l.el, m.containerPointToLayerPoint([got.x + 1, got.y]));
            l.el.style.visibility = "visible";
            var dx = got.to ? got.to[0] - got.from[0] : 0, dy = got.to ? got.to[1] - got.from[1] : 0;
            if (dx * dx + dy * dy > 100) { leads.push(got); }
        });
        L.DomUtil.setPosition(svg, m.containerPointToLayerPoint([0, 0]));
        svg.innerHTML = "";
        leads.forEach(function (b) {
            var ln = document.createElementNS("http://www.w3.org/2000/svg", "line");
            ln.setAttribute("class", "geo-leader");
            ln.setAttribute("x1", b.from[0]); ln.setAttribute("y1", b.from[1]);
            ln.setAttribute("x2", b.to[0]); ln.setAttribute("y2", b.to[1]);
            svg.appendChild(ln);
        });
        var more = document.getElementById("geo-more"), words = [];
        hidden += note[2];
        if (hidden) { words.push(hidden + " " + note[hidden === 1 ? 0 : 1]); }
        if (figures) {
            words.push(figures + (hidden ? "" : " more") + (figures === 1 ? " distance" : " distances"));
        }
        var text = words.length ? words.join(" and ") + (note[3] ? " " + note[3] : "") : "";
        if (more) { more.textContent = text; }
        window.geoLabelsHidden = hidden;
        window.geoFiguresHidden = figures;
    }
    m.on("zoomend moveend", function () { if (!m.geoFitting) { place(); } });
    m.on("geo:fit", place);
    window.geoPlaceLabels = place;
})(GEO_MAP, GEO_LABELS, GEO_OBSTACLES, GEO_NOTE);
"""

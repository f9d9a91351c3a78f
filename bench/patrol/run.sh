#!/usr/bin/env bash
# bench/patrol: govsite patrol vs linkchecker on a generated 政府网站 served by nginx.
# Usage: bench/patrol/run.sh [PAGES]   (default 10000; LINKCHECKER=0 runs govsite alone)
# Needs the project venv (.venv). Installs nginx from Debian if missing, and linkchecker into
# bench/patrol/.venv-linkchecker (never into the project's venv). Binds 127.0.0.1 only.
set -euo pipefail
PAGES=${1:-10000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY="$ROOT/.venv/bin/python"
LCVENV="$ROOT/bench/patrol/.venv-linkchecker"
WORK=$(mktemp -d /tmp/govsite-bench-patrol.XXXXXX)
chmod 755 "$WORK"
PORT=${PORT:-$(( 20000 + RANDOM % 20000 ))}
BASE="http://127.0.0.1:$PORT"

if ! command -v nginx >/dev/null; then
  apt-get update -qq && apt-get install -y -qq nginx >/dev/null
fi
if [ "${LINKCHECKER:-1}" != 0 ] && [ ! -x "$LCVENV/bin/linkchecker" ]; then
  python3 -m venv "$LCVENV" && "$LCVENV/bin/pip" install -q linkchecker
fi

"$PY" "$ROOT/bench/patrol/make_site.py" "$PAGES" "$WORK" "$PORT"
nginx -c "$WORK/nginx.conf"
trap 'nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "$BASE/" && break; sleep 0.1; done

TODAY=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['today'])" "$WORK/truth.json")
echo "== load average before: $(cat /proc/loadavg)"
echo "== govsite patrol"
/usr/bin/time -v -o "$WORK/govsite.time" "$ROOT/.venv/bin/govsite" patrol "$BASE/" \
  --json "$WORK/govsite.json" --today "$TODAY" \
  --lexicon "$WORK/lexicon.tsv" --names "$WORK/names.tsv"
# linkchecker drops root privileges to nobody: give it a folder it may write. Its politeness
# (a 0.1-0.6 s pause per request) is lifted by the LinkChecker header nginx sends and by
# maxrequestspersecond, so both crawlers are compared on speed; threads stay at its default 10.
if [ "${LINKCHECKER:-1}" != 0 ]; then
mkdir -m 777 "$WORK/lc"
printf '[checking]\nmaxrequestspersecond=1000\nthreads=10\n' > "$WORK/lc/linkcheckerrc"
echo "== linkchecker $("$LCVENV/bin/linkchecker" --version 2>/dev/null | head -1)"
/usr/bin/time -v -o "$WORK/linkchecker.time" "$LCVENV/bin/linkchecker" "$BASE/" \
  -f "$WORK/lc/linkcheckerrc" --verbose --no-status --no-warnings -o none \
  -F "csv/utf-8/$WORK/lc/linkchecker.csv" \
  --no-follow-url='/zt/' --no-follow-url='/calendar/' --no-follow-url='/hd/' \
  --timeout 30 >/dev/null 2>&1 || true  # exits 1 when it found broken links
cp "$WORK/lc/linkchecker.csv" "$WORK/linkchecker.csv"
fi

"$PY" "$ROOT/bench/patrol/score.py" "$WORK" "$BASE" | tee "$WORK/result.json"
echo "work files: $WORK"

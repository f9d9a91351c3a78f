#!/usr/bin/env bash
# Start the demo: web server, background worker and the demo's external sites, all on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
$BIN/python manage.py db_worker >var/worker.log 2>&1 &
pids+=($!)
$BIN/govsite serve_external_sites >var/external.log 2>&1 &
pids+=($!)
$BIN/govsite monitor >var/monitor.log 2>&1 &
pids+=($!)
$BIN/govsite demo --credentials
echo
echo "日志 / logs: var/worker.log (tasks), var/monitor.log (schedules), var/mail/ (alert e-mails)"
$BIN/python manage.py runserver 127.0.0.1:8000 --noreload

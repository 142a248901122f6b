#!/usr/bin/env bash
# Opens reports/report.html in headless Chromium: fails on any console message of level error (or any
# blocked request: the page must need no network and no script), and writes a screenshot.
# Installs Chromium, its WebDriver (chromium-driver, for the service's browser tests) and CJK fonts (so the
# Chinese page renders) from Debian's packages when missing.
#   usage: .ci/html-check.sh [REPORT_HTML] [SCREENSHOT_PNG]
#          .ci/html-check.sh --install      (only install Chromium and the fonts, e.g. before mvn verify,
#                                            so that HtmlReportTest opens the page in Chromium too)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! fc-list 2>/dev/null | grep -qi 'noto sans cjk'; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-cjk fontconfig >/dev/null
fi
if [ "${1:-}" = "--install" ]; then
  echo "html-check: $(/usr/bin/chromium --version 2>/dev/null | head -1) and $(/usr/bin/chromedriver --version 2>/dev/null | head -1) installed"
  exit 0
fi
html="${1:-reports/report.html}"
shot="${2:-target/report-html.png}"
[ -f "$html" ] || { echo "html-check: $html not found (run: java -jar target/plancheck.jar check facts)" >&2; exit 2; }
grep -qi '<script' "$html" && { echo "html-check: $html contains a <script> element" >&2; exit 1; }
if grep -Eqi '(src|href)="(https?:)?//' "$html"; then
  echo "html-check: $html refers to the network" >&2; exit 1
fi
mkdir -p "$(dirname "$shot")"
profile="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$profile" "$log"' EXIT
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars
       --enable-logging=stderr --v=0 --virtual-time-budget=5000)
# 1. Load the page and dump the DOM: console messages appear on stderr as "CONSOLE(...)".
timeout 120 /usr/bin/chromium "${flags[@]}" --dump-dom "$url" >"$profile/dom.html" 2>"$log" || {
  echo "html-check: chromium failed:" >&2; tail -20 "$log" >&2; exit 1; }
grep -q '</html>' "$profile/dom.html" || { echo "html-check: the page did not load" >&2; exit 1; }
if grep -E 'CONSOLE|Uncaught|Refused to|Failed to load resource|net::ERR' "$log" >&2; then
  echo "html-check: console errors in $html (above)" >&2; exit 1
fi
n_svg=$(grep -o '<svg' "$profile/dom.html" | wc -l)
[ "$n_svg" -gt 0 ] || { echo "html-check: no chart (svg) in the page" >&2; exit 1; }
# 2. The screenshot.
timeout 120 /usr/bin/chromium "${flags[@]}" --window-size=1400,1800 --screenshot="$shot" "$url" >/dev/null 2>"$log" || {
  echo "html-check: screenshot failed:" >&2; tail -20 "$log" >&2; exit 1; }
[ -s "$shot" ] || { echo "html-check: no screenshot written" >&2; exit 1; }
echo "html-check: $html renders in headless Chromium with no console errors; $n_svg charts; screenshot $shot"

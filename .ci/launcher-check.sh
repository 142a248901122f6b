#!/usr/bin/env bash
# bin/plancheck under what users' machines give it: the same report.json as `java -jar`, the same exit
# code, and nothing from the JVM on stderr — with its class archive damaged, a collector chosen through
# the JVM's own environment variables or in PLANCHECK_JAVA_OPTS (tab-separated too), a cache folder
# that cannot take files, and many option sets (at most 4 archives kept per build).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rc=0; java -jar target/plancheck.jar check -q --out "$work/ref" facts >/dev/null 2>&1 || rc=$?
want=$rc
cache="$work/cache"
fail=0
run() { # label, then VAR=value … for env
  local label=$1; shift
  rm -rf "$work/out"
  local got=0
  env "$@" bin/plancheck check -q --out "$work/out" facts >/dev/null 2>"$work/err" || got=$?
  # the JVM's own note on JAVA_TOOL_OPTIONS / JDK_JAVA_OPTIONS is what a user who sets them expects
  grep -v -e '^Picked up JAVA_TOOL_OPTIONS' -e '^NOTE: Picked up JDK_JAVA_OPTIONS' -e '^plancheck: ' "$work/err" > "$work/err2" || true
  if [ "$got" -ne "$want" ] || ! cmp -s "$work/ref/report.json" "$work/out/report.json" || [ -s "$work/err2" ]; then
    echo "launcher-check: $label: exit $got (expected $want), stderr: $(head -c 300 "$work/err2")" >&2
    fail=1
  fi
}
run "first run (archive written)" PLANCHECK_CACHE="$cache"
run "second run (archive used)" PLANCHECK_CACHE="$cache"
a=$(ls "$cache"/*.jsa | head -1)
truncate -s 4096 "$a"
run "archive truncated" PLANCHECK_CACHE="$cache"
run "archive written again" PLANCHECK_CACHE="$cache"
a=$(ls "$cache"/*.jsa | head -1)
sleep 1 # where stat gives whole seconds only, a damage in the second the archive was written goes unseen
dd if=/dev/urandom of="$a" bs=1k count=64 seek=1024 conv=notrunc 2>/dev/null
run "archive overwritten in the middle" PLANCHECK_CACHE="$cache"
run "JAVA_TOOL_OPTIONS chooses G1" PLANCHECK_CACHE="$cache" JAVA_TOOL_OPTIONS=-XX:+UseG1GC
run "JDK_JAVA_OPTIONS chooses Parallel" PLANCHECK_CACHE="$cache" JDK_JAVA_OPTIONS=-XX:+UseParallelGC
run "PLANCHECK_JAVA_OPTS with a tab" PLANCHECK_CACHE="$cache" "PLANCHECK_JAVA_OPTS=$(printf -- '-XX:+UseG1GC\t-Xmx300m')"
run "a cache folder that takes no files" PLANCHECK_CACHE=/proc/sys
run "PLANCHECK_CDS=off" PLANCHECK_CACHE="$cache" PLANCHECK_CDS=off
run "-Xmx301m" PLANCHECK_CACHE="$cache" PLANCHECK_JAVA_OPTS=-Xmx301m
n=$(ls "$cache"/*.jsa | wc -l)
if [ "$n" -gt 4 ]; then echo "launcher-check: $n archives kept for one build (at most 4)" >&2; fail=1; fi
if ls hs_err_pid*.log >/dev/null 2>&1; then echo "launcher-check: the JVM crashed (hs_err_pid*.log)" >&2; fail=1; fi
[ "$fail" -eq 0 ] && echo "launcher-check: bin/plancheck gives java -jar's report and exit code in 11 situations; $n archive(s) kept"
exit "$fail"

#!/usr/bin/env bash
# Builds benchmarks.jar, runs Vigil's benchmarks and writes results/latest.json and latest.md.
#
#   detector-benchmarks/run.sh            full run (~30 min on 2 cores): 2 forks, 5x5s warm-up, 5x5s
#   detector-benchmarks/run.sh --quick    quick run (< 5 min on 2 cores): 1 fork, 2x2s + 3x2s, no 1M case
#   options: --skip-build (use the jar as it is)
#            --profile (also profile ObserveBenchmark with JFR and write the hot spots to
#                       results/profile.txt; adds about a minute)
#   environment: VIGIL_MVN_ARGS extra Maven arguments (e.g. -o); VIGIL_COMMIT the commit to report
#                (default: git rev-parse --short HEAD, or "unknown")
#
# The figures are only as quiet as the machine: run it on an otherwise idle machine.
set -euo pipefail

mode=full
build=1
profile=0
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --skip-build) build=0 ;;
    --profile) profile=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (use --quick, --skip-build, --profile)" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

jar=detector-benchmarks/target/benchmarks.jar
raw=detector-benchmarks/target/results
out=detector-benchmarks/results
mkdir -p "$raw" "$out"
rm -f "$raw"/*.json "$raw"/*.log

if [ "$build" = 1 ]; then
  echo "== building $jar"
  # shellcheck disable=SC2086
  mvn -B -q ${VIGIL_MVN_ARGS:-} -pl detector-benchmarks -am package -DskipTests
fi
[ -f "$jar" ] || { echo "missing $jar (run without --skip-build)" >&2; exit 1; }

if [ "$mode" = quick ]; then
  jmh_opts=(-f 1 -wi 2 -w 2s -i 3 -r 2s)
  tracker_params=(-p conversations=1000,100000)
else
  jmh_opts=(-f 2 -wi 5 -w 5s -i 5 -r 5s)
  tracker_params=(-p conversations=1000,100000,1000000)
fi

# Runs one JMH selection; JMH's log goes to a file, its summary table to the console.
run_jmh() {
  local name="$1"; shift
  echo "== $name"
  java -jar "$jar" "$@" "${jmh_opts[@]}" -rf json -rff "$raw/$name.json" > "$raw/$name.log" 2>&1 || {
    echo "JMH failed: see $raw/$name.log" >&2; tail -20 "$raw/$name.log" >&2; exit 1; }
  sed -n '/^Benchmark /,$p' "$raw/$name.log"
}

started=$(date +%s)
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
run_jmh observe '\.ObserveBenchmark\.' -prof gc
run_jmh baseline '\.BaselineBenchmark\.'
run_jmh snapshot '\.SnapshotBenchmark\.'
run_jmh tracker '\.TrackerScaleBenchmark\.' "${tracker_params[@]}"

echo "== retained memory"
java -Xmx4g -Djdk.attach.allowAttachSelf=true -cp "$jar" dev.vigil.benchmarks.RetainedMemory \
  --conversations 100000 --messages 10 --json "$raw/memory.json" > "$raw/memory.log" 2>&1 || {
  echo "RetainedMemory failed: see $raw/memory.log" >&2; tail -20 "$raw/memory.log" >&2; exit 1; }
grep -v '^#' "$raw/memory.log" | sed -n '1,5p'

commit="${VIGIL_COMMIT:-}"
if [ -z "$commit" ]; then
  commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
fi

java -cp "$jar" dev.vigil.benchmarks.ResultsReport \
  --mode "$mode" --commit "$commit" --jdk "$(java -version 2>&1)" \
  --jmh-options "${jmh_opts[*]}" --load-before "$load_before" --memory "$raw/memory.json" \
  --out-json "$out/latest.json" --out-md "$out/latest.md" \
  "$raw/observe.json" "$raw/baseline.json" "$raw/snapshot.json" "$raw/tracker.json"

if [ "$profile" = 1 ]; then
  echo "== profile (JFR) of ObserveBenchmark"
  rm -rf "$raw/jfr"
  java -jar "$jar" '\.ObserveBenchmark\.' -f 1 -wi 3 -w 3s -i 3 -r 5s -prof "jfr:dir=$raw/jfr" \
    > "$raw/profile.log" 2>&1 || { echo "profiling failed: see $raw/profile.log" >&2; exit 1; }
  java -cp "$jar" dev.vigil.benchmarks.HotSpots --top 25 "$raw/jfr" > "$out/profile.txt"
  echo "hot spots: $out/profile.txt"
fi

echo "== done in $(( $(date +%s) - started ))s of benchmarks: $out/latest.json, $out/latest.md"
echo
cat "$out/latest.md"

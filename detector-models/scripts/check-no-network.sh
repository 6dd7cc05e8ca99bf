#!/usr/bin/env bash
# Shows that the detector makes no network access at run time: runs `vigil-cli scan` with the
# trained tier (ONNX Runtime model from the jar) inside a new network namespace (`unshare -n`: no
# interface but a downed loopback, so any connection attempt fails), and checks that it works and
# that the trained tier changed the output compared with the rules alone. Then the transformer
# tier (MiniLM through ONNX Runtime, DJL's HuggingFace tokenizer): `--tiers all` includes it, and
# TransformerSmoke.java (run from the CLI jar) checks that the default pipeline has it and runs it
# on every message; DJL's cache is a fresh empty directory, so its native library is extracted
# from the jar inside the namespace.
#
# Usage (from anywhere; build first with `mvn -B -q install -DskipTests`):
#   detector-models/scripts/check-no-network.sh [INPUT.jsonl]
# Exit: 0 passed (or skipped, with the reason, where network namespaces are not available),
#       1 failed, 2 not built.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=examples/cli/target/vigil-cli.jar
input=${1:-corpus/tune/en-harmful.jsonl}
if [ ! -f "$jar" ]; then
  echo "check-no-network: $jar not found: build first (mvn -B -q install -DskipTests)" >&2
  exit 2
fi
if ! command -v unshare >/dev/null 2>&1 || ! unshare -n true 2>/dev/null; then
  # unshare -n needs root or unprivileged user namespaces (unshare -rn); containers often forbid both.
  if command -v unshare >/dev/null 2>&1 && unshare -rn true 2>/dev/null; then
    net=(unshare -rn)
  else
    echo "check-no-network: SKIPPED: cannot create a network namespace here (unshare -n needs root or"\
      "user namespaces); the model still loads from the classpath only (see detector-models/README.md)"
    exit 0
  fi
else
  net=(unshare -n)
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# /proc/net/dev is per network namespace (/sys/class/net is not remounted by unshare).
interfaces=$("${net[@]}" sh -c 'tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " " | tr "\n" " "')
echo "check-no-network: interfaces inside the namespace: $interfaces"
if [ "$interfaces" != "lo " ]; then
  echo "check-no-network: FAILED: the namespace has interfaces other than lo: $interfaces" >&2
  exit 1
fi
for tiers in rules trained all; do
  "${net[@]}" java -jar "$jar" scan --no-progress --tiers "$tiers" "$input" >"$out/$tiers.jsonl" 2>"$out/$tiers.err" || {
    echo "check-no-network: FAILED: scan --tiers $tiers exited $? without network:" >&2
    cat "$out/$tiers.err" >&2
    exit 1
  }
done
lines=$(grep -c . "$input")
for tiers in rules trained all; do
  n=$(grep -c . "$out/$tiers.jsonl")
  if [ "$n" -ne "$lines" ]; then
    echo "check-no-network: FAILED: --tiers $tiers wrote $n lines for $lines messages" >&2
    exit 1
  fi
done
if cmp -s "$out/rules.jsonl" "$out/all.jsonl"; then
  echo "check-no-network: FAILED: --tiers all gave the same output as --tiers rules: was the model loaded?" >&2
  exit 1
fi
staged=$(grep -c '"stage":"' "$out/trained.jsonl" || true)
if [ "$staged" -eq 0 ]; then
  echo "check-no-network: FAILED: --tiers trained found no stage at all" >&2
  exit 1
fi
djl_cache=$out/djl-cache
mkdir -p "$djl_cache"
smoke=$("${net[@]}" env ENGINE_CACHE_DIR="$djl_cache" DJL_CACHE_DIR="$djl_cache" \
  java -cp "$jar" detector-models/scripts/TransformerSmoke.java "$input" 2>"$out/smoke.err") || {
  echo "check-no-network: FAILED: the transformer tier did not run without network:" >&2
  cat "$out/smoke.err" >&2
  exit 1
}
if ! ls "$djl_cache"/tokenizers/*/libtokenizers.* >/dev/null 2>&1; then
  echo "check-no-network: FAILED: the tokenizer's native library was not extracted to the fresh cache" >&2
  exit 1
fi
echo "check-no-network: $smoke"
echo "check-no-network: passed: $lines messages scanned with --tiers rules, trained and all without"\
  "network; the trained tier alone staged $staged messages; the transformer tier ran without network"\
  "from a cold DJL cache"

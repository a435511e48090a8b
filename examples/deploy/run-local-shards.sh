#!/usr/bin/env bash
# Runs a plan as N shards in separate processes on this machine, then merges them: the same
# result as one `synth run`, byte for byte. The pattern a batch engine (Kubernetes Indexed Job,
# Slurm array, CI matrix) follows across machines.
#
#   examples/deploy/run-local-shards.sh examples/manufacturing-group.synth 4 out/sharded
set -euo pipefail
scenario=${1:?usage: $0 SCENARIO.synth|PLAN.json SHARDS OUT_DIR}
shards=${2:?number of shards}
out=${3:?output directory}
synth() { npx bun run synth "$@"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plan="$work/plan.json"
case "$scenario" in
  *.synth) synth compile "$scenario" -o "$plan" ;;
  *) cp "$scenario" "$plan" ;;
esac

pids=()
for ((i = 0; i < shards; i++)); do
  synth run "$plan" --shard "$i/$shards" --out "$work/shard-$i" --format csv --workers 1 --quiet &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
if [ "$status" -ne 0 ]; then echo "a shard failed (exit $status); rerun it, then merge" >&2; exit "$status"; fi

synth merge --out "$out" "$work"/shard-*
echo "merged $shards shards into $out"

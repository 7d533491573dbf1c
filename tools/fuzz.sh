#!/usr/bin/env bash
# The long fuzz run: every route of the three services' OpenAPI documents with a seed and a case count of your choice
# (npm test runs the same specs with a fixed seed and 12 cases per route). Usage:
#   npm run fuzz -- [--seed N] [--runs M]     (defaults: a random seed, 200 cases per route)
# The seed is printed first: a failing run replays with the same --seed and --runs.
set -euo pipefail
source "$(dirname "$0")/infra/lib.sh"
cd "$ROOT"

seed=$((RANDOM * 32768 + RANDOM))
runs=200
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown argument: $1 (expected --seed N --runs M)" >&2; exit 2 ;;
  esac
done
say "fuzz: seed $seed, $runs generated cases per route (replay: npm run fuzz -- --seed $seed --runs $runs)"
bash tools/infra/up.sh
FUZZ_SEED="$seed" FUZZ_RUNS="$runs" exec npx jest --selectProjects integration --testPathPatterns 'apps/.*/src/fuzz\.int-spec\.ts$' --workers=1

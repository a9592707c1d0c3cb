#!/usr/bin/env bash
# Publishes samples/OrderService as native AOT (as CI does), then measures its bootstrap against the fake
# Runtime API: size, start → first /next, ping round trips and peak RSS, next to two baselines.
# The Markdown report goes to standard output, everything else to standard error; the exit code is 1 when
# a target is missed. Extra arguments go to the benchmark, e.g. --runs 50 or --env DOTNET_GCgen0size=200000.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish "$root/samples/OrderService" -c Release -r linux-x64 -o "$work/publish" --artifacts-path "$work/artifacts" >&2
dotnet build "$root/benchmarks/Impulse.Benchmarks.ColdStart" -c Release >&2
dotnet run -c Release --no-build --project "$root/benchmarks/Impulse.Benchmarks.ColdStart" -- --binary "$work/publish/bootstrap" "$@"

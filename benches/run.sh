#!/usr/bin/env bash
# Measures moodwire against ripgrep on generated libraries and prints the table of
# BENCHMARKS.md. Usage: bash benches/run.sh [SIZE...]   (default: 1000 10000 20000 100000)
#
# Needs hyperfine, ripgrep and GNU time (Debian: apt-get install -y hyperfine ripgrep time) and
# python3. Libraries are generated once under $BENCH_DIR (default target/bench); the 100,000
# one takes about 430 MB of disk.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 20000 100000)
word=sanctions
work=${BENCH_DIR:-target/bench}
mkdir -p "$work"

cargo build --release --quiet --example gen_library
cargo build --release --quiet
bin=target/release/moodwire

for n in "${sizes[@]}"; do
    lib="$work/lib-$n"
    cache="$work/cache-$n"
    [ -d "$lib" ] || target/release/examples/gen_library "$lib" "$n" >&2
    runs=$(( n >= 100000 ? 5 : n >= 20000 ? 10 : 30 ))
    list=(env "MOODWIRE_CACHE_DIR=$cache" "$bin" list "$lib" --query "$word" --format ndjson)
    # Prime the page cache and moodwire's cache, so that warm runs find it.
    rg -l -i "$word" "$lib" >/dev/null
    "${list[@]}" >/dev/null
    # One hyperfine run, so that all three are measured side by side on the same machine state.
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/times-$n.json" \
        --prepare true --prepare "rm -rf $cache" --prepare true \
        -n rg "rg -l -i $word $lib" \
        -n cold "${list[*]}" \
        -n warm "${list[*]}" >&2
    # Peak memory (maximum resident set size, KiB): a cold load builds everything.
    for run in cold warm; do
        [ "$run" = cold ] && rm -rf "$cache"
        /usr/bin/time -f "%M" -o "$work/rss-$run-$n.txt" "${list[@]}" >/dev/null
    done
    cargo bench --quiet --bench query_latency -- "$lib" 2>/dev/null | tail -1 >"$work/latency-$n.txt"
    find "$lib" -type f -printf '%s\n' | awk '{ total += $1 } END { print total }' >"$work/bytes-$n.txt"
done

python3 - "$work" "${sizes[@]}" <<'PY'
import json, re, sys
work, sizes = sys.argv[1], sys.argv[2:]
print("| articles | files | rg | cold | cold / rg | warm | warm / rg | search p50 | search p95 | peak RSS cold | RSS / files |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    times = {r["command"]: r["median"] for r in json.load(open(f"{work}/times-{n}.json"))["results"]}
    size = int(open(f"{work}/bytes-{n}.txt").read())
    rss = int(open(f"{work}/rss-cold-{n}.txt").read().split()[-1]) * 1024
    latency = open(f"{work}/latency-{n}.txt").read()
    p50, p95 = re.search(r"p50 ([\d.]+) ms, p95 ([\d.]+) ms", latency).groups()
    ms = lambda s: f"{s * 1000:.0f} ms"
    print(f"| {int(n):,} | {size / 1e6:.0f} MB | {ms(times['rg'])} | {ms(times['cold'])} | {times['cold'] / times['rg']:.1f}x "
          f"| {ms(times['warm'])} | {times['warm'] / times['rg']:.2f}x | {p50} ms | {p95} ms | {rss / 1e6:.0f} MB | {rss / size:.2f} |")
PY

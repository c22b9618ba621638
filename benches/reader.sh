#!/usr/bin/env bash
# Measures the interactive reader on a library: the time from start to the first frame, cold
# (no cache) and warm, and the time each keystroke of a search takes to update the model and
# draw the frame, once the library is loaded. It drives the release binary in tmux and reads the
# figures the reader writes with MOODWIRE_TRACE_TIMING.
#
# Usage: bash benches/reader.sh LIBRARY [RUNS]      (e.g. /work/bench/lib-100000 5)
# MOODWIRE_BIN=PATH measures that binary instead of building this checkout's release binary.
# Needs tmux and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
lib=$(cd "${1:?usage: bash benches/reader.sh LIBRARY [RUNS]}" && pwd)
runs=${2:-5}
work=${BENCH_DIR:-target/bench}/reader
mkdir -p "$work"
work=$(cd "$work" && pwd)
if [ -z "${MOODWIRE_BIN:-}" ]; then
    cargo build --release --quiet
fi
bin=$(realpath "${MOODWIRE_BIN:-target/release/moodwire}")
cache=$work/cache
socket=moodwire-bench-$$
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT
# Typed one key at a time, each its own event: prefixes as while typing, then a second word.
query="sanctions oil"

# One run: start the reader, wait for the library, type the query, quit.
measure() {
    local kind=$1 n=$2 trace="$work/trace-$1-$2.txt"
    rm -f "$trace"
    [ "$kind" = cold ] && rm -rf "$cache"
    tmux -L "$socket" -f /dev/null new-session -d -s bench -x 120 -y 40 \
        "MOODWIRE_CACHE_DIR='$cache' MOODWIRE_DATA_DIR='$work/data' MOODWIRE_TRACE_TIMING='$trace' '$bin' '$lib'"
    until grep -q '^loaded' "$trace" 2>/dev/null; do sleep 0.1; done
    sleep 0.5
    tmux -L "$socket" send-keys -t bench /
    for ((i = 0; i < ${#query}; i++)); do
        sleep 0.2
        tmux -L "$socket" send-keys -t bench -l "${query:i:1}"
    done
    sleep 0.3
    tmux -L "$socket" send-keys -t bench Enter q
    while tmux -L "$socket" has-session -t bench 2>/dev/null; do sleep 0.1; done
}

# Warm the cache and the page cache once, as a user who has opened the library before.
MOODWIRE_CACHE_DIR="$cache" "$bin" list "$lib" >/dev/null
for ((n = 1; n <= runs; n++)); do measure warm "$n"; done
for ((n = 1; n <= runs; n++)); do measure cold "$n"; done

python3 - "$work" "$runs" "${#query}" <<'PY'
import statistics, sys
work, runs, keys = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def read(kind, n):
    first = loaded = None
    after, strokes = False, []
    for line in open(f"{work}/trace-{kind}-{n}.txt"):
        words = line.split()
        if words[0] == "first-frame":
            first = float(words[1])
        elif words[0] == "loaded":
            loaded, after = float(words[1]), True
        elif words[0] == "event" and after:
            strokes.append((float(words[2]), float(words[5])))
    # The first event after loading is the finished library itself; then '/', the query's
    # keys, Enter.
    return first, loaded, strokes[2:2 + keys]
for kind in ("warm", "cold"):
    firsts, loads, updates, frames = [], [], [], []
    for n in range(1, runs + 1):
        first, loaded, strokes = read(kind, n)
        firsts.append(first); loads.append(loaded)
        updates += [u for u, _ in strokes]; frames += [f for _, f in strokes]
    med = statistics.median
    print(f"{kind}: first frame median {med(firsts):.1f} ms (min {min(firsts):.1f}, max {max(firsts):.1f}); "
          f"library complete median {med(loads):.0f} ms")
    frames.sort()
    print(f"{kind}: per keystroke (update + draw) median {med(frames):.2f} ms, "
          f"p95 {frames[int(len(frames) * 0.95) - 1]:.2f} ms, max {frames[-1]:.2f} ms; "
          f"update alone median {med(updates):.2f} ms, max {max(updates):.2f} ms "
          f"({len(frames)} keystrokes)")
PY

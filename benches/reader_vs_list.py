#!/usr/bin/env python3
"""How long the reader takes to show the full list of a warm library, against `moodwire list`
printing it, one run of each in turn, from the same cache.

    python3 benches/reader_vs_list.py LIBRARY [--runs N] [--bin NAME=PATH ...]

For each binary (default: target/release/moodwire), a round runs `list LIBRARY` with its
output discarded, timed from start to exit, then the reader on LIBRARY in a tmux terminal of
120 x 40, timed from its start to the frame that shows the complete library (the `loaded` line
of MOODWIRE_TRACE_TIMING), then quits it. The cache is written once before the rounds and
never changes, so every run is warm. Prints each one's median and the reader's ratio to
`list`. Needs tmux.
"""

import argparse
import os
import statistics
import subprocess
import tempfile
import time


def run_list(binary, library, env):
    start = time.perf_counter()
    subprocess.run([binary, "list", library], env=env, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def run_reader(binary, library, env, work, n):
    trace = os.path.join(work, f"trace-{n}.txt")
    socket = f"moodwire-bench-{os.getpid()}"
    command = " ".join(
        [f"{key}='{value}'" for key, value in env.items() if key.startswith("MOODWIRE_")]
        + [f"MOODWIRE_TRACE_TIMING='{trace}'", f"'{binary}'", f"'{library}'"]
    )
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    subprocess.run(tmux + ["new-session", "-d", "-s", "b", "-x", "120", "-y", "40", command],
                   check=True)
    loaded = None
    deadline = time.time() + 60
    while loaded is None and time.time() < deadline:
        time.sleep(0.05)
        if os.path.exists(trace):
            for line in open(trace):
                if line.startswith("loaded "):
                    loaded = float(line.split()[1])
    subprocess.run(tmux + ["send-keys", "-t", "b", "q"])
    while subprocess.run(tmux + ["has-session", "-t", "b"], capture_output=True).returncode == 0:
        time.sleep(0.05)
    if loaded is None:
        raise SystemExit("the reader never showed the complete library")
    return loaded


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--bin", action="append", metavar="NAME=PATH",
                        help="a binary to measure (repeatable)")
    args = parser.parse_args()
    binaries = [spec.split("=", 1) for spec in (args.bin or ["now=target/release/moodwire"])]
    library = os.path.abspath(args.library)
    results = {}
    with tempfile.TemporaryDirectory() as work:
        envs = {}
        for name, binary in binaries:
            env = dict(os.environ)
            env["MOODWIRE_CACHE_DIR"] = os.path.join(work, name, "cache")
            env["MOODWIRE_DATA_DIR"] = os.path.join(work, name, "data")
            env.pop("MOODWIRE_CONFIG", None)
            os.makedirs(os.path.join(work, name), exist_ok=True)
            run_list(binary, library, env)
            envs[name] = env
            results[name] = {"list": [], "reader": []}
        for n in range(args.runs):
            for name, binary in binaries:
                results[name]["list"].append(run_list(binary, library, envs[name]))
                results[name]["reader"].append(
                    run_reader(os.path.abspath(binary), library, envs[name],
                               os.path.join(work, name), n))
    for name, _ in binaries:
        listed = statistics.median(results[name]["list"])
        shown = statistics.median(results[name]["reader"])
        print(f"{name}: list {listed:.1f} ms, reader's full list {shown:.1f} ms, "
              f"reader / list {shown / listed:.2f}x ({args.runs} runs each)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Times commands side by side, one run of each in turn, and prints each one's median wall
time, its ratio to the first command's, and its median user and system CPU time.

On a shared machine, running every command once per round spreads the machine's changing load
over all of them alike, which consecutive runs of one command (hyperfine's way) do not.

    python3 benches/in_turn.py [--runs N] [--prepare CMD] NAME=CMD [NAME=CMD ...]

Each CMD runs through the shell with its output discarded; --prepare runs before each of
them, untimed.
"""

import argparse
import resource
import statistics
import subprocess
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--prepare", help="a command run before each timed one")
    parser.add_argument("commands", nargs="+", metavar="NAME=CMD")
    args = parser.parse_args()
    commands = [spec.split("=", 1) for spec in args.commands]
    if any(len(pair) != 2 for pair in commands):
        parser.error("each command is NAME=CMD")
    times = {name: [] for name, _ in commands}
    for _ in range(args.runs):
        for name, command in commands:
            if args.prepare:
                subprocess.run(args.prepare, shell=True, check=True)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, shell=True, stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            user = after.ru_utime - before.ru_utime
            system = after.ru_stime - before.ru_stime
            times[name].append((wall, user, system))
    first = statistics.median(wall for wall, _, _ in times[commands[0][0]])
    for name, _ in commands:
        runs = times[name]
        wall = statistics.median(w for w, _, _ in runs)
        user = statistics.median(u for _, u, _ in runs)
        system = statistics.median(s for _, _, s in runs)
        print(
            f"{name:12} median {wall * 1000:9.1f} ms  {wall / first:5.2f}x  "
            f"(min {min(w for w, _, _ in runs) * 1000:.1f}, max {max(w for w, _, _ in runs) * 1000:.1f}; "
            f"user {user * 1000:.0f} ms, system {system * 1000:.0f} ms)"
        )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How long a file added to or deleted from a library takes to show in the open reader.

Usage: python3 benches/live_reload.py LIBRARY N   (N: the number of articles in LIBRARY)

Starts the release build in tmux on LIBRARY (use a copy: a file is written into it and removed
again), waits for the library, then five times writes a new article and deletes it, polling the
screen every 20 ms for the header's count to change. Prime the cache first
(`moodwire list LIBRARY`) with the same MOODWIRE_CACHE_DIR to measure a warm reader.
"""
import os
import statistics
import subprocess
import sys
import time

library, count = sys.argv[1], int(sys.argv[2])
binary = os.path.join(os.path.dirname(__file__), "..", "target", "release", "moodwire")
socket = f"moodwire-live-{os.getpid()}"


def tmux(*args):
    command = ["tmux", "-L", socket, "-f", "/dev/null", *args]
    return subprocess.run(command, capture_output=True, text=True).stdout


def wait_for(text, deadline=120):
    started = time.time()
    while time.time() - started < deadline:
        if text in tmux("capture-pane", "-p", "-t", "t"):
            return time.time()
        time.sleep(0.02)
    sys.exit(f"waited {deadline} s for {text!r}")


def header(n):
    return f"· {n} / {n} · by date"


tmux("new-session", "-d", "-s", "t", "-x", "120", "-y", "30", f"{binary} {library}")
try:
    wait_for(header(count))
    time.sleep(2)
    times = {"added": [], "deleted": []}
    for i in range(5):
        path = os.path.join(library, f"zz-live-{i}.md")
        started = time.time()
        with open(path, "w") as file:
            file.write(f"---\ntitle: Live {i}\ndate: 2030-01-0{i + 1}\n---\nBody\n")
        times["added"].append(wait_for(header(count + 1)) - started)
        time.sleep(0.5)
        started = time.time()
        os.remove(path)
        times["deleted"].append(wait_for(header(count)) - started)
        time.sleep(0.5)
finally:
    tmux("kill-server")
for kind, seconds in times.items():
    print(f"a file {kind}: median {statistics.median(seconds) * 1000:.0f} ms, "
          f"max {max(seconds) * 1000:.0f} ms")

#!/usr/bin/env python3
"""Peak memory and time of `moodwire show FILE > /dev/null` on articles made to be costly to
lay out, each just under the 8 MiB file limit, and on a usual article of 5 KB: two builds side
by side, one run of each in turn per round. Needs GNU time (`apt-get install -y time`).

    python3 benches/render_bounds.py [--runs N] [--dir DIR] NAME=BINARY [NAME=BINARY ...]

For each article and build it prints the median peak resident memory (in MiB, and per MiB
of the file), the median wall time and the median CPU time (user and system). The articles
are generated into DIR (target/bench/render by default), the same bytes every time.
"""

import argparse
import os
import random
import statistics
import subprocess

LIMIT = 8 * 1024 * 1024 - 4096  # just under limits.max_file_bytes
HEAD = "---\ntitle: Costly\n---\n\n"
WORDS = (
    "the market fell sharply as investors weighed new tariffs on steel and aluminium while "
    "central banks held rates steady amid signs of slowing growth"
).split()


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def fill(unit, head=HEAD, tail=""):
    out, size, i = [head], len(head) + len(tail), 0
    while True:
        more = unit(i)
        if size + len(more.encode()) > LIMIT:
            break
        out.append(more)
        size += len(more.encode())
        i += 1
    out.append(tail)
    return "".join(out)


def row(cells):
    return "|" + "|".join(cells) + "|\n"


def articles():
    """Each costly article: what it is, and a function making its text."""
    rng = random.Random(7)
    return {
        "table, 8 columns of one letter": lambda: fill(
            lambda i: row("xyxyxyxy"), head=HEAD + row("abcdefgh") + row("-" * 8)
        ),
        "table, 30 columns of one letter (stacked)": lambda: fill(
            lambda i: row("ab" * 15), head=HEAD + row([f"h{j}" for j in range(30)]) + row("-" * 30)
        ),
        "table, 8 columns of words": lambda: fill(
            lambda i: "| " + " | ".join(f"c{i}x{j} {rng.choice(WORDS)}" for j in range(8)) + " |\n",
            head=HEAD + row([f"h{j}" for j in range(8)]) + row(["---"] * 8),
        ),
        "one paragraph": lambda: fill(lambda i: words(rng, 12) + "\n"),
        "paragraphs of 5 to 40 words": lambda: fill(lambda i: words(rng, rng.randint(5, 40)) + "\n\n"),
        "paragraphs of one-letter words": lambda: fill(lambda i: "a b\n\n"),
        "style changing every other character": lambda: fill(
            lambda i: " ".join("*a* **b**" for _ in range(8)) + "\n"
        ),
        "list of one-letter items": lambda: fill(lambda i: "- a\n"),
        "list of 3 to 15 words an item": lambda: fill(lambda i: "- " + words(rng, rng.randint(3, 15)) + "\n"),
        "lists nested 40 deep": lambda: fill(lambda i: "  " * (i % 40) + "- " + words(rng, 4) + "\n"),
        "quotes nested 60 deep": lambda: fill(
            lambda i: "> " * (1 + i % 60) + words(rng, 6) + "\n" + ("\n" if i % 60 == 59 else "")
        ),
        "one code block": lambda: fill(
            lambda i: "    let x = compute(" + words(rng, 6) + ");\n", head=HEAD + "```rust\n", tail="```\n"
        ),
    }


def usual():
    """An article of about 5 KB: sections of prose with emphasis and links, lists, a quote,
    a table and a code block."""
    rng = random.Random(3)
    parts = [
        "---\ntitle: A usual article\ndate: 2026-01-02\nsentiment_score: 6\n"
        "tldr:\n  - one point\n  - another point\n---\n\n# A usual article\n"
    ]
    for i in range(5):
        parts.append(
            f"## Section {i}\n\n{words(rng, 70)} **bold words** and *emphasis* and a "
            f"[link](https://example.com/{i}).\n\n{words(rng, 50)}\n\n- {words(rng, 8)}\n"
            f"- {words(rng, 9)}\n\n> {words(rng, 20)}\n"
        )
    parts.append("| Name | Value |\n|---|--:|\n| alpha | 1 |\n| beta | 22 |\n\n```\nlet x = 1;\n```\n")
    return "\n".join(parts)


def measure(binary, path, env, report):
    """Peak resident memory in bytes, wall and CPU seconds of one `show`. GNU time measures
    it: a child forked from this script would count the script's own memory in its peak."""
    command = ["/usr/bin/time", "-o", report, "-f", "%M %e %U %S", binary, "show", path]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    with open(report) as f:
        kib, wall, user, system = f.read().split()[-4:]
    return int(kib) * 1024, float(wall), float(user) + float(system)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", default="target/bench/render")
    parser.add_argument("builds", nargs="+", metavar="NAME=BINARY")
    args = parser.parse_args()
    builds = [spec.split("=", 1) for spec in args.builds]
    os.makedirs(args.dir, exist_ok=True)
    env = dict(os.environ, MOODWIRE_CACHE_DIR=f"{args.dir}/cache", XDG_CONFIG_HOME=f"{args.dir}/config")
    env.pop("MOODWIRE_CONFIG", None)
    cases = list(articles().items()) + [("a usual article of 5 KB", usual)]
    print(f"| article | MiB | {' | '.join(f'{name} peak' for name, _ in builds)} | "
          f"{' | '.join(f'{name} per MiB' for name, _ in builds)} | "
          f"{' | '.join(f'{name} wall (CPU)' for name, _ in builds)} |")
    print("|---|---:|" + "---:|" * (3 * len(builds)))
    for n, (what, make) in enumerate(cases):
        path = os.path.join(args.dir, f"{n:02}.md")
        with open(path, "w") as f:
            f.write(make())
        mib = os.path.getsize(path) / 2**20
        results = {name: [] for name, _ in builds}
        for _ in range(args.runs):
            for name, binary in builds:
                results[name].append(measure(binary, path, env, os.path.join(args.dir, "time")))
        med = {name: [statistics.median(r[k] for r in runs) for k in range(3)] for name, runs in results.items()}
        peaks = " | ".join(f"{med[name][0] / 2**20:.0f} MiB" for name, _ in builds)
        per = " | ".join(f"{med[name][0] / 2**20 / mib:.1f}" for name, _ in builds)
        times = " | ".join(f"{med[name][1]:.2f} s ({med[name][2]:.2f} s)" for name, _ in builds)
        print(f"| {what} | {mib:.2f} | {peaks} | {per} | {times} |", flush=True)


if __name__ == "__main__":
    main()

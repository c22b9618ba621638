#!/usr/bin/env python3
"""How well moodwire finds an article's text: runs `moodwire show --format json` on pages with
known article text and scores the `body` it gives with shingle F1, the measure of the
article-extraction benchmark (re-implemented here from its description: tokens are the runs of
`\\w`, case kept; shingles are token 4-grams, counted; per page, precision and recall of the
shingles; over pages, the mean precision (pages with an empty answer left out) and the mean
recall, and F1 the harmonic mean of those two means). Also counts the titles it finds.

    python3 benches/extract_f1.py [--bin target/release/moodwire] [--names FILE] DEV_DIR...

Each DEV_DIR/<page>/ holds source.html (the saved page), naive.txt (every visible line of it,
as a naive scraper keeps them), expected.txt (the article's text as people marked it) and
expected-metadata.json (its "title"). Each page is read twice: as <page>.html and as
<page>.txt. No such pages are kept in the repository (BENCHMARKS.md says where ours came from).

With --by-address, the second reading is instead the page imported by its address: the folder
is served on 127.0.0.1, `moodwire import http://127.0.0.1:PORT/<page>/source.html` writes one
article file, and that file is read with `show`, its links given as their text alone (the
Markdown link targets left out), as `show` gives a saved page's.
"""

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TOKEN = re.compile(r"\w+")
# The `(address)` after a Markdown link's text, which may hold one level of parentheses.
LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)")


def shingles(text):
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3)) if tokens[i:i + 4])


def page_scores(expected, predicted):
    """(tp, fp, fn) of one page's shingles."""
    truth, guess = shingles(expected), shingles(predicted)
    tp = fp = fn = 0
    for shingle in set(truth) | set(guess):
        t, p = truth.get(shingle, 0), guess.get(shingle, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    return tp, fp, fn


def corpus_f1(rows):
    precisions, recalls = [], []
    for tp, fp, fn in rows:
        if fp == fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def words(text):
    return {w.lower() for w in TOKEN.findall(text or "")}


def title_matches(found, expected):
    """The found title is (nearly) the expected one, which may carry a site's name too."""
    a, b = words(found), words(expected)
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / min(len(a), len(b)) >= 0.8 and len(a) >= 0.5 * len(b) - 3


def show(binary, path):
    run = subprocess.run([binary, "show", "--format", "json", str(path)],
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        return {"body": "", "title": "", "error": run.stderr.strip()}
    return json.loads(run.stdout)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def imported(binary, url, work):
    """The article `moodwire import URL` writes, as `show` reads it; each page has a folder and
    a record of imported items of its own, so that no page is taken for another."""
    name = url.rstrip("/").split("/")[-2]
    into, data = work / "imported" / name, work / "data" / name
    env = dict(os.environ, MOODWIRE_DATA_DIR=str(data), XDG_CONFIG_HOME=str(work / "config"))
    env.pop("MOODWIRE_CONFIG", None)
    run = subprocess.run([binary, "import", url, "--into", str(into)],
                         capture_output=True, text=True, env=env, timeout=120)
    files = sorted(into.glob("*.md")) if into.exists() else []
    if run.returncode != 0 or len(files) != 1:
        return {"body": "", "title": "", "error": run.stderr.strip()}
    got = show(binary, files[0])
    got["body"] = LINK_TARGET.sub("]", got.get("body") or "")
    return got


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default="target/release/moodwire")
    parser.add_argument("--names", help="a file of page names, one a line (default: every page)")
    parser.add_argument("--per-page", action="store_true")
    parser.add_argument("--kinds", default="html,text",
                        help="html, text (a naive scrape), address (imported by its address), "
                             "or several apart by commas (default: html,text)")
    parser.add_argument("--by-address", action="store_true",
                        help="the same as --kinds html,address")
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="moodwire-f1-"))
    kinds = ["html", "address"] if args.by_address else args.kinds.split(",")
    try:
        for folder in map(Path, args.dirs):
            server = serve(folder) if "address" in kinds else None
            if args.names:
                names = Path(args.names).read_text().split()
            else:
                names = sorted(p.name for p in folder.iterdir() if (p / "expected.txt").exists())
            jobs = []
            for name in names:
                page = folder / name
                html, text = work / f"{name}.html", work / f"{name}.txt"
                shutil.copyfile(page / "source.html", html)
                shutil.copyfile(page / "naive.txt", text)
                jobs.append((name, page, html, text))

            def run(job):
                name, page, html, text = job
                expected = (page / "expected.txt").read_text()
                meta = json.loads((page / "expected-metadata.json").read_text())
                out = {}
                for kind in kinds:
                    if kind == "address":
                        port = server.server_address[1]
                        got = imported(args.bin, f"http://127.0.0.1:{port}/{name}/source.html", work)
                    else:
                        got = show(args.bin, html if kind == "html" else text)
                    out[kind] = (page_scores(expected, got.get("body", "")),
                                 title_matches(got.get("title", ""), meta.get("title") or ""),
                                 got.get("title", ""))
                return name, meta.get("title") or "", out

            with ThreadPoolExecutor(max_workers=2) as pool:
                results = list(pool.map(run, jobs))
            if server:
                server.shutdown()
            print(f"{folder} ({len(results)} pages)")
            for kind in kinds:
                f1, p, r = corpus_f1([out[kind][0] for _, _, out in results])
                titles = sum(out[kind][1] for _, _, out in results)
                print(f"  {kind:5} F1 {f1:.3f} (P {p:.3f}, R {r:.3f})  "
                      f"titles {titles}/{len(results)} ({titles / max(1, len(results)):.0%})")
            if args.per_page:
                for name, title, out in results:
                    for kind in kinds:
                        f1, p, r = corpus_f1([out[kind][0]])
                        mark = "" if out[kind][1] else f"  title {out[kind][2][:50]!r} want {title[:50]!r}"
                        print(f"    {kind:5} {f1:.3f} P {p:.3f} R {r:.3f}  {name}{mark}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

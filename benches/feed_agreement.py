#!/usr/bin/env python3
"""Does `moodwire import` read feeds as Python's feedparser reads them?

Serves FEED_DIR over HTTP on 127.0.0.1, imports each feed in it by its address into a folder of
its own (`moodwire import http://127.0.0.1:PORT/NAME --into OUT/NAME`, with a record of
imported items of its own), reads the files written
(their `title`, `source_url` and `date`), and compares them with feedparser's reading of the
same address: every entry should have a file whose title, link and date agree.

    python3 benches/feed_agreement.py [--bin target/release/moodwire] FEED_DIR [NAME...]

feedparser must be importable (`pip install feedparser`, in a venv if you like). Titles are
compared as written, except that white space runs count as one space and control characters
(which moodwire removes from every text) are left out; an empty title and none agree. Dates
are compared in UTC to the second. An entry is matched to a file by its link, else its title (among several, the one
that agrees most).
"""

import argparse
import collections
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
import time
from pathlib import Path

import feedparser

FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(Quiet, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def front_matter(path):
    """The keys moodwire writes: `key: "JSON string"` or `key: bare` lines between fences."""
    text = path.read_text(encoding="utf-8")
    fields = {}
    if not text.startswith("---\n"):
        return fields
    for line in text[4:].split("\n---\n", 1)[0].splitlines():
        m = re.match(r"^([a-z_]+): (.*)$", line)
        if not m:
            continue
        key, value = m.groups()
        fields[key] = json.loads(value) if value.startswith('"') else value
    return fields


def norm_title(title):
    if not title:
        return ""
    title = "".join(c for c in title if c in "\n\t" or (ord(c) >= 32 and not 0x7f <= ord(c) <= 0x9f))
    return " ".join(title.split())


def norm_date(text):
    if not text:
        return None
    return text.replace("+00:00", "Z")


def fp_date(entry):
    st = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", st) if st else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default="target/release/moodwire")
    parser.add_argument("--show", type=int, default=3, help="disagreements shown per field")
    parser.add_argument("folder")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    folder = Path(args.folder)
    names = args.names or sorted(p.name for p in folder.iterdir() if p.suffix in FEED_SUFFIXES)
    server = serve(str(folder))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    work = Path(tempfile.mkdtemp(prefix="moodwire-agreement-"))
    env = dict(os.environ, MOODWIRE_DATA_DIR=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"))
    env.pop("MOODWIRE_CONFIG", None)
    totals = collections.Counter()
    shown = collections.Counter()
    per_file = {}
    try:
        for name in names:
            url = f"{base}/{name}"
            out = work / "out" / name
            # A record of its own for each feed: two test feeds may share items, which one
            # record would write once.
            env["MOODWIRE_DATA_DIR"] = str(work / "data" / name)
            run = subprocess.run([args.bin, "import", url, "--into", str(out)],
                                 capture_output=True, text=True, env=env, timeout=300)
            parsed = feedparser.parse(url)
            files = [front_matter(p) for p in sorted(out.glob("*.md"))] if out.exists() else []
            by_link = collections.defaultdict(list)
            by_title = collections.defaultdict(list)
            for f in files:
                by_link[f.get("source_url")].append(f)
                by_title[norm_title(f.get("title"))].append(f)
            bad = collections.Counter()
            for entry in parsed.entries:
                totals["entries"] += 1
                link, title, date = entry.get("link"), norm_title(entry.get("title")), fp_date(entry)
                candidates = by_link.get(link) if link else None
                candidates = candidates or by_title.get(title) or []
                # The file that agrees most (two entries may share a link, or have no title).
                match = max(candidates, default=None, key=lambda f: (
                    norm_title(f.get("title")) == title, norm_date(f.get("date")) == date))
                if match is None:
                    totals["missing"] += 1
                    bad["missing"] += 1
                    if shown["missing"] < args.show:
                        shown["missing"] += 1
                        print(f"missing {name}: {title!r} {link!r}")
                    continue
                for field, ours, theirs in (
                    ("title", norm_title(match.get("title")), title),
                    ("link", match.get("source_url"), link),
                    ("date", norm_date(match.get("date")), date),
                ):
                    if ours == theirs:
                        totals[field + " agree"] += 1
                    else:
                        bad[field] += 1
                        if shown[field] < args.show:
                            shown[field] += 1
                            print(f"{field} {name}\n   feedparser: {theirs!r}\n   moodwire:   {ours!r}")
            totals["files"] += len(files)
            per_file[name] = (len(parsed.entries), len(files), dict(bad), run.returncode,
                              run.stderr.strip().splitlines()[-1:] if run.returncode else [])
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    print()
    for name, (entries, files, bad, code, err) in per_file.items():
        note = f"  {bad}" if bad else ""
        note += f"  exit {code} {err}" if code else ""
        print(f"  {name:28} entries {entries:4}  files {files:4}{note}")
    n = totals["entries"]
    print(f"\n{len(per_file)} feeds, {n} feedparser entries, {totals['files']} files written, "
          f"{totals['missing']} entries without a file")
    for field in ("title", "link", "date"):
        agree = totals[field + " agree"]
        print(f"  {field:5} agrees on {agree} / {n} ({agree / max(1, n):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

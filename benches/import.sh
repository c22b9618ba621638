#!/usr/bin/env bash
# How long `moodwire import` takes over a 1,000-item feed served from this machine, and a run
# that finds nothing new. Usage: bash benches/import.sh [ITEMS]   (default: 1000)
#
# Needs hyperfine and python3, which generates the feed (items of about 1.5 KB of HTML content
# each) and serves it with http.server on 127.0.0.1. Every run of the first kind starts from an
# empty library and an empty record of imported items. BENCHMARKS.md has the figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
items=${1:-1000}
work=${BENCH_DIR:-target/bench}/import
mkdir -p "$work"

cargo build --release --quiet
bin=$PWD/target/release/moodwire

python3 - "$items" >"$work/feed.xml" <<'EOF'
import sys
n = int(sys.argv[1])
para = ("Lorem ipsum dolor sit amet &amp; consectetur <b>adipiscing</b> elit. " * 50)[:1500]
out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
       'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Big feed</title>'
       '<link>http://127.0.0.1/</link><description>big</description>\n']
for i in range(n):
    out.append(f'<item><title>Item {i} &amp; friends</title><link>http://127.0.0.1/items/{i}</link>'
               f'<guid>http://127.0.0.1/items/{i}</guid>'
               f'<pubDate>Mon, 06 Sep 2010 {i % 24:02d}:{i % 60:02d}:00 +0000</pubDate>'
               f'<dc:creator>Author {i % 7}</dc:creator><category>cat{i % 5}</category>'
               f'<description>{para[:200]}</description>'
               f'<content:encoded><![CDATA[<p>{para}</p>]]></content:encoded></item>\n')
out.append('</channel></rss>\n')
sys.stdout.write("".join(out))
EOF

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
url="http://127.0.0.1:$port/feed.xml"
until curl -s -o /dev/null "$url" 2>/dev/null || python3 -c "import urllib.request; urllib.request.urlopen('$url')" 2>/dev/null; do
    sleep 0.1
done

echo "feed: $items items, $(du -k "$work/feed.xml" | cut -f1) KB, at $url" >&2
import=(env "MOODWIRE_DATA_DIR=$work/data" "XDG_CONFIG_HOME=$work/config" "$bin" import "$url" --into "$work/library")
hyperfine -N --style basic --warmup 1 --runs 10 \
    --prepare "rm -rf $work/library $work/data" \
    -n "import $items new items" "${import[*]}"
hyperfine -N --style basic --warmup 1 --runs 10 \
    -n "import again (nothing new)" "${import[*]}"
ls "$work/library" | wc -l | xargs echo "files written:" >&2

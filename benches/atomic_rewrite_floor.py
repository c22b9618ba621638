"""The least an atomic rewrite of every file under a folder costs on its file system.

For each file: read it, write its bytes with three lines of front matter before them to a new
temporary file beside it, rename that over the file; then sync. One thread, no checks, no
fsync per file: what any tool that writes atomically must at least do, to compare with
`moodwire tag --write` on the same file system. It rewrites the files, so give it a copy:

    cp -a LIBRARY /tmp/copy && python3 benches/atomic_rewrite_floor.py /tmp/copy
"""

import os
import sys
import time

root = sys.argv[1]
files = [os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names]
started = time.time()
for path in files:
    with open(path, "rb") as file:
        data = file.read()
    temporary = path + ".tmp"
    with open(temporary, "wb") as file:
        file.write(b"---\nsentiment_score: 5\nsentiment_label: neutral\n" + data)
    os.rename(temporary, path)
written = time.time()
os.sync()
synced = time.time()
print(
    f"{len(files)} files: write and rename {written - started:.2f} s, "
    f"sync {synced - written:.2f} s, total {synced - started:.2f} s"
)

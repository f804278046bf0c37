"""SQL statements per page of `make bench`'s PAGES, with their text, counted in process like the
benchmark does (tools/bench.py `count_in_process`), on data built by tools/bench_data.py.

    python tools/bench_sql.py URL [--build demo|large] [--pages /,/kommunen] [--sql] [--ids FILE]

URL is a database of your own (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/bench_mine or
sqlite:///instance/bench-mine.sqlite); --build empties it and fills it at that size (the large
size takes about 2½ minutes on PostgreSQL) and stores the ids of the pages in --ids (default:
next to instance/bench/, named after the database). Pages over the goal of issue 13 are marked.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import bench  # noqa: E402
import bench_data  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--build", choices=sorted(bench_data.SIZES))
    parser.add_argument("--pages", default="")
    parser.add_argument("--sql", action="store_true", help="print each statement")
    parser.add_argument("--ids", type=Path)
    args = parser.parse_args()
    name = hashlib.sha256(args.url.encode()).hexdigest()[:12]
    ids_file = args.ids or ROOT / "instance" / "bench" / f"ids-{name}.json"
    if args.build:
        ids = bench_data.build(args.url, bench_data.SIZES[args.build])
        ids_file.parent.mkdir(parents=True, exist_ok=True)
        ids_file.write_text(json.dumps(ids))
    ids = json.loads(ids_file.read_text())
    pages = [p for p in bench.PAGES if not args.pages or p.path in args.pages.split(",")]
    found = bench.count_in_process(args.url, ids, pages)
    goal = bench.GOALS["statements"]
    for page in pages:
        count = found[page.path]
        mark = f"  (over {goal})" if count["statements"] > goal else ""
        print(f"{count['statements']:3d}  {'officer ' if page.officer else ''}{page.path}{mark}")
        if args.sql:
            for statement in count["sql"]:
                print("       ", re.sub(r"\s+", " ", statement)[:400])
    print("most:", max((c["statements"] for c in found.values()), default=0))


if __name__ == "__main__":
    main()

"""`make bench`: the platform's pages over HTTP, against a plain Flask hello-world app served the
same way in the same run, at a demo and a large data size, on PostgreSQL and SQLite.

    python tools/bench.py [--duration S] [--repeat N] [--connections 16,64]
                          [--databases postgresql,sqlite] [--pages /kommunen,...] [--rebuild]

Each app runs under gunicorn with 2 sync workers; wrk (Debian's package, installed by
`make wrk`) drives one URL at a time, interleaved (hello, then every page on every server, for each
connection count, then again, `--repeat` times); the figures are medians over the repetitions.
Per page: requests per second and its ratio to hello's, p50/p99 latency and their ratios to
hello's, the workers' CPU per request (from /proc), SQL statements and response size (counted in
process), the demo → large p50 ratio; per server the peak and steady memory of each worker; the
CPU cost of a login. Goals of issue 13 are marked met / not met. The table is printed and written
to instance/bench/results.md (or --output).

Data: built deterministically by tools/bench_data.py and kept between runs (instance/bench/ for
SQLite, databases bench_demo / bench_large on the --pg-url server, or <name>_demo / <name>_large
when the URL names a database), rebuilt when the generator (with the test factories and bulk
builders it calls) or the migrations change, or with --rebuild.

To add a page: one line in PAGES (ids from bench_data: body, meeting, town, post, feed, held,
milestone).
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(TOOLS))

import bench_data  # noqa: E402


@dataclass(frozen=True)
class Page:
    path: str
    officer: bool = False  # signed in as an officer
    personal: bool = False  # anonymous but personal (never cached)

    @property
    def public(self) -> bool:
        return not (self.officer or self.personal)


PAGES = [
    Page("/anmelden", personal=True),  # a form with a CSRF token: never cached
    Page("/barrierefreiheit"),
    Page("/"),
    Page("/beirat"),
    Page("/gremien/{body}"),
    Page("/kommunen"),
    Page("/kommunen/{town}"),
    Page("/sitzungen"),
    Page("/sitzungen/{meeting}"),
    Page("/neuigkeiten"),
    Page("/neuigkeiten?thema=Thema%201&seite=3"),
    Page("/neuigkeiten/{post}"),
    Page("/neuigkeiten/feed.atom"),
    Page("/kalender/{feed}.ics", personal=True),
    Page("/verwaltung/gremien/{body}", officer=True),
    Page("/verwaltung/netzwerk", officer=True),
    Page("/verwaltung/kommunen/{town}", officer=True),
    Page("/verwaltung/sitzungen/{meeting}/logistik", officer=True),
    Page("/neuigkeiten/moderation", officer=True),
    Page("/sitzungen?zeit=vergangen"),
    Page("/sitzungen/{held}"),
    Page("/beschluesse"),
    Page("/verwaltung/beschluesse", officer=True),
    Page("/verwaltung/sitzungsrhythmus", officer=True),
    Page("/mein-bereich", officer=True),
    Page("/vereinbarungen"),
    Page("/meilensteine"),
    Page("/meilensteine/{milestone}"),
    Page("/oparl/v1.1/body/1/meeting"),
    # A later page that exists, full, at both sizes (36 public meetings at demo size: page 5 of
    # 20 was past the end there, an empty page compared with a full one).
    Page("/oparl/v1.1/body/1/meeting?page=3&limit=10"),
    Page("/oparl/v1.1/body/1/agendaItem"),
    Page("/oparl/v1.1/body/1/person"),
    Page("/oparl/v1.1/body/1/file"),
]

GOALS = {
    "public_median": 0.10, "public_min": 0.05, "cached": 0.30, "officer": 0.04,
    "growth": 1.3, "statements": 4, "rss_mib": 80, "login_ms": 50,
}
CLK_TCK = os.sysconf("SC_CLK_TCK")
TRANSACTION = {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"}
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


# --- data --------------------------------------------------------------------------------------


def fingerprint() -> str:
    """The data's version: the generator, the test factories and bulk builders it calls, and
    the migrations' names."""
    digest = hashlib.sha256((TOOLS / "bench_data.py").read_bytes())
    tests = ROOT / "tests"
    for path in sorted([*tests.rglob("factories.py"), *tests.rglob("bulk.py")]):
        digest.update(path.read_bytes())
    for path in sorted((ROOT / "migrations" / "versions").glob("*.py")):
        digest.update(path.name.encode())
    return digest.hexdigest()[:16]


def database_url(database: str, size: str, pg_url: str, folder: Path) -> str:
    if database == "sqlite":
        return f"sqlite:///{folder / f'bench-{size}.sqlite'}"
    import psycopg

    # A URL naming a database (…/mine_bench) keeps its runs apart: mine_bench_demo, …_large.
    scheme, _, rest = pg_url.rstrip("/").partition("://")
    host, _, prefix = rest.partition("/")
    base = f"{scheme}://{host}"
    name = f"{prefix or 'bench'}_{size}"
    server = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def prepare(database: str, size: str, url: str, folder: Path, rebuild: bool) -> dict[str, Any]:
    stamp = folder / f"{database}-{size}.json"
    wanted = fingerprint()
    if not rebuild and stamp.exists():
        kept = json.loads(stamp.read_text())
        if kept.get("fingerprint") == wanted:
            return dict(kept["ids"])
    started = time.perf_counter()
    print(f"building {size} data on {database} …", flush=True)
    ids = bench_data.build(url, bench_data.SIZES[size])
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    stamp.write_text(json.dumps({"fingerprint": wanted, "ids": ids}))
    return ids


# --- HTTP --------------------------------------------------------------------------------------


def request(port: int, method: str, path: str, headers: dict[str, str] | None = None,
            body: str | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    cookies = [value for key, value in response.getheaders() if key.lower() == "set-cookie"]
    found = {"cookie": "; ".join(c.split(";", 1)[0] for c in cookies)}
    found.update({k.lower(): v for k, v in response.getheaders() if k.lower() != "set-cookie"})
    return response.status, found, data


def sign_in(port: int) -> str:
    """The officer's session cookie, signed in through the real form."""
    status, headers, body = request(port, "GET", "/anmelden")
    token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', body) or re.search(
        rb'name="csrf_token" value="([^"]+)"', body)
    assert status == 200 and token, "no sign-in form"
    form = urlencode({"email": bench_data.OFFICER_EMAIL, "password": bench_data.OFFICER_PASSWORD,
                      "csrf_token": token.group(1).decode()})
    status, answer, _ = request(port, "POST", "/anmelden", {
        "Cookie": headers["cookie"], "Content-Type": "application/x-www-form-urlencoded"}, form)
    assert status == 302 and "session=" in answer["cookie"], f"sign-in failed ({status})"
    return answer["cookie"]


@dataclass
class Server:
    name: str
    spec: str
    env: dict[str, str]
    port: int
    cwd: Path = ROOT
    ids: dict[str, Any] = field(default_factory=dict)
    cookie: str = ""
    process: subprocess.Popen[bytes] | None = None

    def start(self, log: Path) -> None:
        env = {**os.environ, **self.env}
        self.process = subprocess.Popen(
            [GUNICORN, "--workers", "2", "--worker-class", "sync", "--bind",
             f"127.0.0.1:{self.port}", "--timeout", "120", "--log-level", "warning", self.spec],
            cwd=self.cwd, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)

    def wait(self) -> None:
        for _ in range(600):
            try:
                if request(self.port, "GET", "/")[0] < 500 and len(self.workers()) == 2:
                    return
            except OSError:
                pass
            assert self.process and self.process.poll() is None, f"{self.name} did not start"
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not answer")

    def workers(self) -> list[int]:
        assert self.process
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return []
        return [int(c) for c in children]

    def cpu_seconds(self) -> float:
        total = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / CLK_TCK

    def memory(self) -> list[tuple[float, float, float, float]]:
        """(peak, current) resident MiB of each worker, and its proportional and unique set size
        (PSS: shared pages split among the processes that map them; USS: its own pages only)."""
        found = []
        for pid in self.workers():
            status = dict(line.split(":", 1) for line in
                          Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
            rollup = dict(line.split(":", 1) for line in
                          Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])

            def kib(key: str, table: dict[str, str]) -> int:
                return int(table[key].split()[0])

            found.append((kib("VmHWM", status) / 1024, kib("VmRSS", status) / 1024,
                          kib("Pss", rollup) / 1024,
                          (kib("Private_Clean", rollup) + kib("Private_Dirty", rollup)) / 1024))
        return found

    def settle(self, limit: float = 60.0) -> None:
        """Wait until both workers are idle: a sync worker still answers the requests queued by
        the last run (its client gone), which would otherwise slow the next page's run."""
        end = time.monotonic() + limit
        idle, last = 0, self.cpu_seconds()
        while idle < 2 and time.monotonic() < end:
            time.sleep(0.2)
            now = self.cpu_seconds()
            idle = idle + 1 if now == last else 0
            last = now

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)


def wrk(server: Server, path: str, connections: int, duration: int,
        headers: dict[str, str]) -> dict[str, float]:
    args = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "20s",
            "-s", str(TOOLS / "bench_report.lua")]
    for key, value in headers.items():
        args += ["-H", f"{key}: {value}"]
    server.settle()
    before = server.cpu_seconds()
    output = subprocess.run([*args, f"http://127.0.0.1:{server.port}{path}"],
                            capture_output=True, text=True, check=True).stdout
    cpu = server.cpu_seconds() - before
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, micros, size, bad_status, errors, p50, p99 = (int(v) for v in line.split()[1:])
    return {"rps": requests / (micros / 1e6), "p50": p50 / 1000, "p99": p99 / 1000,
            "cpu_ms": cpu * 1000 / max(requests, 1), "errors": bad_status + errors,
            "requests": requests}


# --- in process --------------------------------------------------------------------------------


def count_in_process(url: str, ids: dict[str, Any], pages: list[Page]) -> dict[str, dict]:
    """SQL statements and response size of each page (one request after two warm ones)."""
    from sqlalchemy import event

    from partizipation import create_app
    from tests.helpers import csrf_token

    app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "bench",
                      "LOGIN_LIMIT": "1000 per minute", "PAGE_CACHE": False})
    engine = app.extensions["db"].engine
    anonymous, officer = app.test_client(), app.test_client()
    page = officer.get("/anmelden")
    officer.post("/anmelden", data={"email": bench_data.OFFICER_EMAIL,
                                    "password": bench_data.OFFICER_PASSWORD,
                                    "csrf_token": csrf_token(page)})
    found: dict[str, dict] = {}
    for item in pages:
        client = officer if item.officer else anonymous
        path = item.path.format(**ids)
        for _ in range(2):
            assert client.get(path).status_code == 200, path
        statements: list[str] = []

        def count(*args: Any, _s: list[str] = statements) -> None:
            if args[2].split(None, 1)[0].upper() not in TRANSACTION:  # SQLite's BEGIN
                _s.append(args[2])

        event.listen(engine, "before_cursor_execute", count)
        response = client.get(path)
        event.remove(engine, "before_cursor_execute", count)
        found[item.path] = {"statements": len(statements), "kib": len(response.data) / 1024,
                            "sql": statements}
    engine.dispose()
    return found


def login_cpu_ms() -> float:
    """CPU of one password verification at the production cost (median of ten), with malloc set
    as in a worker (its memory block comes fresh from the system each time, as it does there)."""
    from partizipation import return_large_blocks
    from partizipation.accounts import passwords
    from partizipation.config import DEFAULTS

    return_large_blocks()
    passwords.configure(DEFAULTS)
    stored = passwords.hash_password("a long secret password")
    times = []
    for _ in range(10):
        start = time.process_time()
        passwords.verify_password(stored, "a long secret password")
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


# --- report ------------------------------------------------------------------------------------


def mark(ok: bool | None) -> str:
    return "not measured" if ok is None else ("met" if ok else "NOT MET")


def report(args: argparse.Namespace, pages: list[Page], servers: dict[tuple[str, str], Server],
           runs: dict[tuple, list[dict]], counts: dict, memory: dict, login: dict,
           load: tuple[float, float]) -> str:
    def median(key: tuple, metric: str) -> float:
        return statistics.median(r[metric] for r in runs[key])

    lines = [f"# make bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", "",
             f"gunicorn, 2 sync workers per app; wrk -t2, {args.duration:g} s per URL "
             f"({2 * args.duration:g} s at {', '.join(map(str, args.connections[1:])) or '–'} "
             f"connections, run for the first database at large size only), "
             f"{args.repeat} interleaved repetitions (medians); data sizes: "
             + "; ".join(f"{name}: " + ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in
                                                 vars(size).items())
                         for name, size in bench_data.SIZES.items()) + ". "
             f"Load average before / after: {load[0]:.1f} / {os.getloadavg()[0]:.1f} "
             f"on {os.cpu_count()} cores.", ""]
    goals: dict[str, bool | None] = {}
    for database in args.databases:
        for connections in args.connections:
            hello = ("hello", connections)
            size = "large" if (database, "large", connections, pages[0].path) in runs else "demo"
            if hello not in runs or (database, size, connections, pages[0].path) not in runs:
                continue
            h_rps, h_p50, h_p99 = (median(hello, m) for m in ("rps", "p50", "p99"))
            lines += [f"## {database}, {size} data, {connections} connections", "",
                      f"hello: {h_rps:.0f} req/s, p50 {h_p50:.2f} ms, p99 {h_p99:.2f} ms", "",
                      "| page | req/s | ÷ hello | p50 ms | × hello | p99 ms | × hello | "
                      "CPU ms/req | SQL | KiB | demo → large p50 |",
                      "| --- |" + " ---: |" * 10]
            public, officer, growth = [], [], []
            for page in pages:
                key = (database, size, connections, page.path)
                rps, p50, p99, cpu = (median(key, m) for m in ("rps", "p50", "p99", "cpu_ms"))
                demo_key = (database, "demo", connections, page.path)
                ratio = (p50 / median(demo_key, "p50")
                         if demo_key in runs and size == "large" else None)
                count = counts.get((database, size), {}).get(page.path, {})
                errors = sum(r["errors"] for r in runs[key])
                lines.append(
                    f"| `{page.path}`{' (officer)' if page.officer else ''}"
                    f"{f' ({errors} errors)' if errors else ''} | {rps:.0f} | {rps / h_rps:.3f} | "
                    f"{p50:.1f} | {p50 / h_p50:.0f} | {p99:.1f} | {p99 / h_p99:.0f} | {cpu:.1f} | "
                    f"{count.get('statements', '–')} | {count.get('kib', 0):.0f} | "
                    f"{f'{ratio:.2f}' if ratio else '–'} |")
                if page.officer:
                    officer.append(rps / h_rps)
                elif page.public:
                    public.append(rps / h_rps)
                if ratio:
                    growth.append(ratio)
            lines.append("")
            if database == args.databases[0] and connections == args.connections[0]:
                if public:
                    goals[f"public pages median ≥ {GOALS['public_median']}× hello "
                          f"(is {statistics.median(public):.3f})"] = (
                        statistics.median(public) >= GOALS["public_median"])
                    goals[f"no public page below {GOALS['public_min']}× hello "
                          f"(lowest {min(public):.3f})"] = min(public) >= GOALS["public_min"]
                if officer:
                    goals[f"officer pages ≥ {GOALS['officer']}× hello at {size} data "
                          f"(lowest {min(officer):.3f})"] = min(officer) >= GOALS["officer"]
                goals[f"every page's p50 large ≤ {GOALS['growth']}× demo "
                      f"(highest {max(growth or [0]):.2f})"] = (
                    max(growth) <= GOALS["growth"] if growth else None)
    cached = {k: r for k, r in runs.items() if len(k) == 4 and k[1].endswith("-cached")}
    if cached:
        connections = args.connections[0]
        h_rps, h_p50 = (median(("hello", connections), m) for m in ("rps", "p50"))
        database, size = next(iter(cached))[:2]
        lines += [f"## {database}, {size.replace('-cached', '')} data, page cache on (Redis), "
                  f"anonymous public pages, {connections} connections", "",
                  "| page | req/s | ÷ hello | p50 ms | × hello | p99 ms | CPU ms/req |",
                  "| --- |" + " ---: |" * 6]
        ratios = []
        for key in cached:
            rps, p50, p99, cpu = (median(key, m) for m in ("rps", "p50", "p99", "cpu_ms"))
            ratios.append(rps / h_rps)
            lines.append(f"| `{key[3]}` | {rps:.0f} | {rps / h_rps:.3f} | {p50:.1f} | "
                         f"{p50 / h_p50:.0f} | {p99:.1f} | {cpu:.1f} |")
        lines.append("")
        goals[f"cached anonymous public pages ≥ {GOALS['cached']}× hello "
              f"(median {statistics.median(ratios):.3f}, lowest {min(ratios):.3f})"] = (
            min(ratios) >= GOALS["cached"])
    else:
        goals[f"cached anonymous public pages ≥ {GOALS['cached']}× hello"] = None
    most = max((c["statements"] for found in counts.values() for c in found.values()), default=0)
    goals[f"≤ {GOALS['statements']} SQL statements per page (most: {most})"] = (
        most <= GOALS["statements"])
    lines += ["## Memory per worker after the run (MiB, peak / now resident; PSS / USS)", ""]
    peak = 0.0
    for name, found in memory.items():
        lines.append(f"- {name}: " + ", ".join(f"{p:.0f} / {c:.0f}; {pss:.0f} / {uss:.0f}"
                                               for p, c, pss, uss in found))
        if name != "hello":
            peak = max([peak, *(p for p, *_ in found)])
    goals[f"≤ {GOALS['rss_mib']} MiB peak per worker (highest {peak:.0f})"] = (
        peak <= GOALS["rss_mib"])
    lines += ["", "## Login", "",
              f"- one argon2id verification at the production cost: {login['verify']:.0f} ms CPU",
              f"- a sign-in over HTTP (form POST), worker CPU: {login['http']:.0f} ms", ""]
    goals[f"a login ≤ {GOALS['login_ms']} ms CPU (is {login['verify']:.0f})"] = (
        login["verify"] <= GOALS["login_ms"])
    lines += ["## Goals", ""] + [f"- {mark(ok)}: {text}" for text, ok in goals.items()] + [""]
    return "\n".join(lines)


# --- run ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=2, help="seconds per URL and run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--connections", default="16,64")
    parser.add_argument("--databases", default="postgresql,sqlite")
    parser.add_argument("--sizes", default="demo,large")
    parser.add_argument("--pages", default="", help="comma-separated paths (default: all)")
    parser.add_argument("--pg-url", default=os.environ.get(
        "BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432"))
    parser.add_argument("--redis-url", default=os.environ.get(
        "BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"), help="for the cached server")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8300)),
                        help="first of the ports the servers listen on (one per server)")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--output", default=str(ROOT / "instance" / "bench" / "results.md"))
    args = parser.parse_args()
    args.connections = [int(c) for c in args.connections.split(",")]
    args.databases = args.databases.split(",")
    sizes = args.sizes.split(",")
    pages = [p for p in PAGES if not args.pages or p.path in args.pages.split(",")]
    folder = ROOT / "instance" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "gunicorn.log"
    load = os.getloadavg()

    datasets = {}
    for database in args.databases:
        for size in sizes:
            url = database_url(database, size, args.pg_url, folder)
            datasets[(database, size)] = (url, prepare(database, size, url, folder, args.rebuild))
    counts = {key: count_in_process(url, ids, pages) for key, (url, ids) in datasets.items()}

    hello = Server("hello", "bench_hello:app", {}, args.port, cwd=TOOLS)
    servers: dict[tuple[str, str], Server] = {}
    for number, ((database, size), (url, ids)) in enumerate(datasets.items()):
        servers[(database, size)] = Server(f"{database}-{size}", "partizipation:create_app()", {
            "PARTIZIPATION_ENV": "production", "PARTIZIPATION_SECRET_KEY": "bench-" + "x" * 40,
            "PARTIZIPATION_DATABASE_URL": url, "PARTIZIPATION_SESSION_COOKIE_SECURE": "0",
            "PARTIZIPATION_UPLOAD_FOLDER": str(folder / "uploads"),
            "PARTIZIPATION_LOGIN_LIMIT": "1000 per minute", "PARTIZIPATION_PAGE_CACHE": "0",
        }, args.port + 1 + number, ids=ids)
    # The same app with the page cache on (Redis), for the anonymous public pages.
    database = args.databases[0]
    size = "large" if "large" in sizes else sizes[0]
    url, ids = datasets[(database, size)]
    cached_key = (database, f"{size}-cached")
    servers[cached_key] = Server(f"{database}-{size}-cached", "partizipation:create_app()", {
        **servers[(database, size)].env, "PARTIZIPATION_PAGE_CACHE": "1",
        "PARTIZIPATION_CACHE_REDIS_URL": args.redis_url,
        "PARTIZIPATION_CACHE_KEY_PREFIX": f"bench-{os.getpid()}:"}, args.port + len(servers) + 1,
        ids=ids)
    everything = [hello, *servers.values()]
    runs: dict[tuple, list[dict]] = {}

    def duration(connections: int) -> int:
        # More connections queue longer behind 2 workers: run long enough to measure past that.
        return args.duration if connections == args.connections[0] else 2 * args.duration

    login: dict[str, float] = {"verify": login_cpu_ms()}
    try:
        for server in everything:
            server.start(log)
        for server in everything:
            server.wait()
        for server in servers.values():
            server.cookie = sign_in(server.port)
            for page in pages:  # warm every worker; check each page answers 200
                for _ in range(4):
                    status = request(server.port, "GET", page.path.format(**server.ids),
                                     {"Cookie": server.cookie} if page.officer else {})[0]
                    assert status == 200, (server.name, page.path, status)
        first = next(iter(servers.values()))
        before = first.cpu_seconds()
        for _ in range(5):
            sign_in(first.port)
        login["http"] = (first.cpu_seconds() - before) * 1000 / 5
        public = sum(1 for page in pages if page.public)
        total = args.repeat * (
            1 + len(pages) * (len(servers) - 1) + public
            + (len(args.connections) - 1) * (1 + len(pages)))
        done = 0
        for repetition in range(args.repeat):
            for connections in args.connections:
                runs.setdefault(("hello", connections), []).append(
                    wrk(hello, "/", connections, duration(connections), {}))
                done += 1
                for page in pages:
                    for (database, size), server in servers.items():
                        if connections != args.connections[0] and (
                                size != "large" or database != args.databases[0]):
                            continue  # more connections: the first database at large size
                        if size.endswith("-cached") and (
                                connections != args.connections[0] or not page.public):
                            continue  # cached: anonymous public pages only
                        headers = {"Accept-Language": "de"}
                        if page.officer:
                            headers["Cookie"] = server.cookie
                        runs.setdefault((database, size, connections, page.path), []).append(
                            wrk(server, page.path.format(**server.ids), connections,
                                duration(connections), headers))
                        done += 1
                print(f"  repetition {repetition + 1}, {connections} connections: "
                      f"{done}/{total} runs", flush=True)
        memory = {server.name: server.memory() for server in everything}
    finally:
        for server in everything:
            server.stop()
    text = report(args, pages, servers, runs, counts, memory, login, load)
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)
    print(f"(written to {args.output})")


if __name__ == "__main__":
    main()

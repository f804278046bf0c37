"""A worker starts lean: nothing expensive is imported or computed at start-up."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_worker_starts_without_the_heavy_libraries(tmp_path):
    """Pictures, the HTML sanitizer, Markdown, iCalendar and the file-type sniffer are imported
    where used (an upload, saving a text, a calendar file), so a worker that serves pages stays
    small (~9 MiB less)."""
    code = (
        "import sys\n"
        "from partizipation import create_app\n"
        f"create_app({{'TESTING': True, 'DATABASE_URL': 'sqlite:///{tmp_path}/z.sqlite'}})\n"
        "print(' '.join(m for m in ('PIL', 'bleach', 'icalendar', 'markdown_it', 'filetype')"
        " if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip()


def _production_app(tmp_path) -> str:
    return (
        "import gc, sys\n"
        "from partizipation import create_app\n"
        f"app = create_app({{'ENV': 'production', 'SECRET_KEY': 'x' * 40,"
        f" 'DATABASE_URL': 'sqlite:///{tmp_path}/z.sqlite',"
        f" 'UPLOAD_FOLDER': '{tmp_path}/uploads'}})\n"
    )


def test_a_worker_without_the_page_cache_does_not_load_it(tmp_path):
    """In production without Redis the page cache is off, and Flask-Caching is never imported
    (22 modules, about 0.5 MiB per worker)."""
    code = _production_app(tmp_path) + "print('flask_caching' in sys.modules)\n"
    assert _run(code) == "False"


def test_a_worker_leaves_its_start_up_out_of_garbage_collection(tmp_path):
    """From its first request on, a production worker's collector skips the objects the app was
    built from, so its full collections free the requests' garbage sooner (about 2 MiB less peak
    per worker); building an app alone (a command, a test) leaves the collector alone."""
    code = _production_app(tmp_path) + (
        "built = gc.get_freeze_count()\n"
        "app.test_client().get('/barrierefreiheit')\n"
        "print(built, gc.get_freeze_count() > 100_000)\n"
    )
    assert _run(code) == "0 True"


def test_a_sign_in_leaves_no_argon2_memory_behind(tmp_path):
    """From its first request on, a production worker hands large freed blocks back to the
    system: repeated argon2 verifications (12 MiB blocks here; 7 MiB at the production cost) leave
    no 12 MiB behind, which glibc's default would keep in the heap from the second one on."""
    code = _production_app(tmp_path) + (
        "from argon2 import PasswordHasher\n"
        "def rss():\n"
        "    line = next(l for l in open('/proc/self/status') if l.startswith('VmRSS'))\n"
        "    return int(line.split()[1]) // 1024\n"
        "app.test_client().get('/barrierefreiheit')\n"
        "hasher = PasswordHasher(time_cost=1, memory_cost=12 * 1024, parallelism=1)\n"
        "hasher.hash('first')\n"
        "before = rss()\n"
        "for _ in range(3):\n"
        "    hasher.hash('again')\n"
        "print(rss() - before < 6)\n"
    )
    assert _run(code) == "True"


def test_workers_forked_from_a_preloaded_app_do_not_share_its_connections(tmp_path):
    """The shipped gunicorn.conf.py builds the app once in the master (the workers share its
    pages); should the master have opened a database connection, a forked worker forgets it
    instead of talking over the master's socket."""
    code = _production_app(tmp_path) + (
        "import runpy, types\n"
        f"conf = runpy.run_path('{ROOT / 'gunicorn.conf.py'}')\n"
        "engine = app.extensions['db'].engine\n"
        "engine.connect().close()\n"
        "kept = engine.pool.checkedin()\n"
        "conf['post_fork'](types.SimpleNamespace(app=types.SimpleNamespace(callable=app)), None)\n"
        "print(conf['preload_app'], kept, engine.pool.checkedin())\n"
    )
    assert _run(code) == "True 1 0"


def test_gunicorn_runs_without_docstrings(tmp_path):
    """Read by gunicorn, the shipped gunicorn.conf.py starts it again with `python -OO` (about
    5.5 MiB less per worker); PYTHONOPTIMIZE set, or read by anything else, it changes nothing."""
    code = (
        "import runpy, sys\n"
        f"conf = {str(ROOT / 'gunicorn.conf.py')!r}\n"
        "runpy.run_path(conf)\n"
        "print(sys.flags.optimize, end=' ', flush=True)\n"
        "import gunicorn\n"
        "runpy.run_path(conf)\n"
        "print(sys.flags.optimize)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONOPTIMIZE"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=env)
    # "0 ", then the process is replaced (at the second reading) by one with -OO: "2 2".
    assert run.stdout.strip() == "0 2 2"
    kept = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={**env, "PYTHONOPTIMIZE": "0"})
    assert kept.stdout.strip() == "0 0"

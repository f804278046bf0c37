"""gunicorn's settings for the platform, read from the checkout's folder (`gunicorn
'partizipation:create_app()'` run there picks it up; command-line options still win).

The app is built once in the master process and the workers are forked from it, so they share
its pages (modules, models, routes: PSS about 19 MiB lower per worker after a bench run, resident
size about 5 MiB lower). The master leaves what it built out of every later garbage collection
before it forks, or each worker's first collection would touch, and so copy, all of it. Because
of this, new code needs a restart of the service; a HUP alone keeps the code the master loaded.

gunicorn runs with docstrings and asserts left out (`python -OO`): when it was started without
`-O` and without PYTHONOPTIMIZE, reading this file starts it again so (same process id, same
arguments, before anything is loaded). That saves every worker about 6 MiB of resident memory
(the docstrings of SQLAlchemy and the platform; peak 112.6 -> 106.5 MiB after every bench page
20 times and 3 sign-ins, at large data) at no CPU cost. The platform's asserts only
narrow types for mypy; nothing depends on them. PYTHONOPTIMIZE=0 in the environment keeps them.
"""

import gc
import os
import sys
from typing import Any

if "gunicorn" in sys.modules and sys.flags.optimize == 0 and "PYTHONOPTIMIZE" not in os.environ:
    os.execv(sys.executable, [sys.executable, "-OO", *sys.orig_argv[1:]])

preload_app = True


def pre_fork(server: Any, worker: Any) -> None:
    gc.collect()
    gc.freeze()


def post_fork(server: Any, worker: Any) -> None:
    # Building the app opens no database connection; should one ever be opened before the fork,
    # a worker must not use the master's socket: it forgets the pool's connections (unclosed).
    app = getattr(server.app, "callable", None)
    database = getattr(app, "extensions", {}).get("db")
    if database is not None and database.engine is not None:
        database.engine.dispose(close=False)

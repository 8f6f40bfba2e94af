"""The `nagesprek` command: demo, serve, worker, bench, manage.

Configuration errors end the command with one line on stderr and exit code 2,
never with a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import urllib.request
from collections.abc import Sequence

from django.core.exceptions import ImproperlyConfigured

DEMO_SETTINGS = "nagesprek.conf.dev"
PRODUCTION_SETTINGS = "nagesprek.conf.production"


def _fail(message: str) -> int:
    one_line = " ".join(message.split())
    print(f"nagesprek: configuration error: {one_line}", file=sys.stderr)
    return 2


def _setup(default_settings: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    import django

    django.setup()
    from django.conf import settings

    settings.DATABASES  # noqa: B018 - force evaluation so bad values fail here


def run_django_command(argv: Sequence[str]) -> int:
    """Run a Django management command, turning configuration errors into one line."""
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(list(argv))
    except ImproperlyConfigured as error:
        return _fail(str(error))
    return 0


def _start_task_worker() -> threading.Thread:
    """Run the django-tasks-db worker in a daemon thread of this process (the demo's in-process tasks)."""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["*"],
        interval=0.5,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="demo-in-process",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=worker.run, name="nagesprek-tasks", daemon=True)
    thread.start()
    return thread


def _prepare_demo_database(reset: bool) -> None:
    from django.conf import settings
    from django.core.management import call_command

    from nagesprek.demo import services as demo_services

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        os.makedirs(os.path.dirname(str(database["NAME"])) or ".", exist_ok=True)
    if reset:
        call_command("flush", interactive=False, verbosity=0) if _has_tables() else None
    call_command("migrate", interactive=False, verbosity=0)
    if not demo_services.demo_data_present():
        print("Loading demo data …", flush=True)
        demo_services.load_demo_data()


def _has_tables() -> bool:
    from django.db import connection

    return bool(connection.introspection.table_names())


def _print_welcome(url: str) -> None:
    from nagesprek.demo import services as demo_services

    print(f"\nNagesprek demo is running at {url}/\n")
    print(f"Demo logins (password for all: {demo_services.DEMO_PASSWORD}):")
    for login in demo_services.demo_logins():
        print(f"  {login.organisation:<32} {login.role:<22} {login.email}")
    print("\nE-mail goes to the outbox (in the app, and as .eml files in data/mail/). Ctrl+C stops.\n", flush=True)


def demo(args: argparse.Namespace) -> int:
    try:
        _setup(DEMO_SETTINGS)
        _prepare_demo_database(args.reset)
    except ImproperlyConfigured as error:
        return _fail(str(error))

    from waitress import create_server

    from nagesprek.wsgi import application

    server = create_server(application, host=args.host, port=args.port, threads=8, ident="nagesprek")
    url = f"http://{args.host}:{server.effective_port}"  # type: ignore[union-attr]
    _start_task_worker()
    from nagesprek import housekeeping

    housekeeping.start()
    if args.check:
        return _check(server, url)
    _print_welcome(url)
    try:
        server.run()
    except KeyboardInterrupt:
        print("\nStopped.")
    return 0


def _check(server: object, url: str) -> int:
    """Serve in a thread, fetch the health check and the login page, then stop."""
    thread = threading.Thread(target=server.run, daemon=True)  # type: ignore[attr-defined]
    thread.start()
    try:
        for path, needle in (("/healthz", "ok"), ("/accounts/login/", "Nagesprek")):
            with urllib.request.urlopen(url + path, timeout=30) as response:  # noqa: S310 - loopback only
                body = response.read().decode()
                if response.status != 200 or needle not in body:
                    print(f"FAILED: {path} answered {response.status}", file=sys.stderr)
                    return 1
    except OSError as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    finally:
        # Let the request threads finish (waitress waits up to 5 s) before the sockets close under them,
        # or a thread still tidying up after its response logs a traceback.
        server.task_dispatcher.shutdown()  # type: ignore[attr-defined]
        server.close()  # type: ignore[attr-defined]
    print("OK")
    return 0


def serve(args: argparse.Namespace) -> int:
    """Production web server: gunicorn with the production settings."""
    from nagesprek.conf import env

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", PRODUCTION_SETTINGS)
    try:
        bind = args.bind or env.string("BIND", "127.0.0.1:8000")
        workers = args.workers or env.integer("WEB_WORKERS", 2, minimum=1)
        threads = args.threads or env.integer("WEB_THREADS", 4, minimum=1)
        _setup(PRODUCTION_SETTINGS)
    except ImproperlyConfigured as error:
        return _fail(str(error))
    from gunicorn.app.wsgiapp import run

    sys.argv = [
        "gunicorn",
        "nagesprek.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--access-logfile",
        "-",
    ]
    run()
    return 0


def worker(args: argparse.Namespace) -> int:
    """The background worker (django-tasks-db's db_worker) plus the housekeeping sweeps.

    With --batch the sweeps run once first, so a drained queue also holds what they re-enqueued.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", PRODUCTION_SETTINGS)
    try:
        _setup(PRODUCTION_SETTINGS)
    except ImproperlyConfigured as error:
        return _fail(str(error))
    from nagesprek import housekeeping

    argv = ["nagesprek", "db_worker", "--no-reload"]
    if args.batch:
        housekeeping.run_sweeps()
        argv.append("--batch")
    else:
        housekeeping.start()
    return run_django_command(argv)


def bench(args: argparse.Namespace) -> int:
    from bench import registry

    return registry.run(args)


def manage(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEMO_SETTINGS)
    return run_django_command(["nagesprek", *args.arguments])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nagesprek", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("demo", help="run the demo on SQLite with demo data, tasks in-process")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--reset", action="store_true", help="throw away the demo data and start over")
    p.add_argument("--check", action="store_true", help="boot, fetch a page, print OK and exit")
    p.set_defaults(handler=demo)

    p = commands.add_parser("serve", help="production web server (gunicorn)")
    # Defaults come from BIND, WEB_WORKERS and WEB_THREADS, read in serve() so a bad value is a configuration error.
    p.add_argument("--bind", help="address:port to listen on (default: $BIND or 127.0.0.1:8000)")
    p.add_argument("--workers", type=int, help="web worker processes (default: $WEB_WORKERS or 2)")
    p.add_argument("--threads", type=int, help="threads per worker process (default: $WEB_THREADS or 4)")
    p.set_defaults(handler=serve)

    p = commands.add_parser("worker", help="background task worker (django-tasks-db)")
    p.add_argument("--batch", action="store_true", help="run queued tasks, then exit")
    p.set_defaults(handler=worker)

    p = commands.add_parser("bench", help="run a benchmark (see PERFORMANCE.md)")
    p.add_argument("name", nargs="?", help="benchmark name; omit to list them")
    p.add_argument("--size", choices=("S", "M", "L"), default="S")
    p.add_argument("--json", dest="json_path", help="write the figures as JSON to this path")
    p.add_argument("--seed", type=int, default=42)
    p.set_defaults(handler=bench)

    p = commands.add_parser("manage", help="run a Django management command")
    p.add_argument("arguments", nargs=argparse.REMAINDER)
    p.set_defaults(handler=manage)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except ImproperlyConfigured as error:
        return _fail(str(error))


if __name__ == "__main__":
    sys.exit(main())

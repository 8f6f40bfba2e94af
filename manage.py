#!/usr/bin/env python
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nagesprek.conf.dev")
    from nagesprek.cli import run_django_command

    sys.exit(run_django_command(sys.argv))


if __name__ == "__main__":
    main()

"""Exit 0 when PostgreSQL at the given URL answers; 3 when it does not (a skip), 1 under CI=true.

Used by `make test-postgres`: on a developer machine without PostgreSQL the PostgreSQL pass is
skipped with a message; under CI an unreachable server is a failure.
"""

import os
import sys

import psycopg


def main(url: str) -> int:
    dsn = url.replace("postgres://", "postgresql://", 1)
    try:
        with psycopg.connect(dsn.rsplit("/", 1)[0] + "/postgres", connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        print(f"PostgreSQL tại {url} không trả lời: {exc}", file=sys.stderr)
        return 1 if os.environ.get("CI", "").lower() == "true" else 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

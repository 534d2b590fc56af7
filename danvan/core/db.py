"""Database support for Vietnamese sorting and diacritic-insensitive search, and the planner's statistics.

SQLite gets Python implementations (the "vi" collation and vn_fold()) on every connection;
PostgreSQL uses its ICU collation and a translate()-based fold that needs no extension.
`refresh_statistics()` after a bulk load gives PostgreSQL's planner the new rows at once.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db import connection
from django.db.models import Func, TextField

from danvan.core.vn import fold, sqlite_collate

__all__ = ["PG_FOLD_FROM", "PG_FOLD_TO", "Fold", "ViCollate", "refresh_statistics", "register_sqlite_functions"]

SQLITE_COLLATION = "vi"
PG_COLLATION = "vi-x-icu"


def _sqlite_fold(value: Any) -> str | None:
    # SQL NULL stays NULL, like translate() on PostgreSQL.
    return None if value is None else fold(value)


def register_sqlite_functions(connection: Any, **kwargs: Any) -> None:
    """Register the "vi" collation and vn_fold() on a new SQLite connection.

    Takes **kwargs so it can also be connected directly as a `connection_created` receiver.
    Re-registering replaces the previous definitions, so calling it again is harmless.
    """
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_collation(SQLITE_COLLATION, sqlite_collate)
    raw.create_function("vn_fold", 1, _sqlite_fold, deterministic=True)


def refresh_statistics() -> None:
    """After a bulk load (the demo, a restore), give PostgreSQL's planner the statistics of the new rows now
    rather than when autovacuum next passes: pg_restore brings none, and until then the planner guesses a
    few dozen rows where there are thousands (the membership figures took 40 ms instead of 10 on the demo).
    SQLite plans without statistics unless asked to keep them, so it is left as it is."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _pg_fold_tables() -> tuple[str, str]:
    """translate() arguments reproducing fold() for precomposed Latin letters and spaces.

    Generated from fold() itself so the two cannot drift apart. Letters are mapped straight to
    their lowercase folded form, so Vietnamese text does not depend on the database's LC_CTYPE.
    Combining marks come last with no counterpart: translate() deletes them, which handles
    NFD-stored text (e.g. "u" + U+0309) as fold() does.
    """
    source: list[str] = []
    target: list[str] = []
    # Latin-1 Supplement, Latin Extended-A/B, Latin Extended Additional (all Vietnamese vowels).
    codepoints = [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]
    for ch in map(chr, codepoints):
        folded = fold(ch)
        if folded != ch and len(folded) == 1:  # "ǽ" -> "æ" too, not only ASCII results
            source.append(ch)
            target.append(folded)
    # Every whitespace str.split() knows (NBSP, thin spaces...), so regexp \s need not be Unicode-aware.
    for ch in map(chr, range(0x3001)):
        if ch.isspace() and ch != " ":
            source.append(ch)
            target.append(" ")
    # Zero-width characters fold() drops.
    source += ["\u200b", "\u2060", "\ufeff"]
    source += [chr(cp) for cp in range(0x0300, 0x0370) if unicodedata.category(chr(cp)) == "Mn"]
    assert len(set(source)) == len(source)
    return "".join(source), "".join(target)


PG_FOLD_FROM, PG_FOLD_TO = _pg_fold_tables()


class ViCollate(Func):
    """`<expr> COLLATE vi` on SQLite, `<expr> COLLATE "vi-x-icu"` on PostgreSQL.

    Model.objects.order_by(ViCollate("name")) sorts in Vietnamese order on both;
    other backends get the expression unchanged.
    """

    template = "%(expressions)s"
    arity = 1

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, list]:
        return self.as_sql(compiler, connection, template=f"%(expressions)s COLLATE {SQLITE_COLLATION}")

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, list]:
        return self.as_sql(compiler, connection, template=f'%(expressions)s COLLATE "{PG_COLLATION}"')


class Fold(Func):
    """SQL equivalent of danvan.core.vn.fold() for ad-hoc queries.

    Models mostly store a precomputed folded column; this is for filters on other columns.
    On PostgreSQL it equals fold() for Vietnamese text; letters outside the Latin blocks
    are only lowercased.
    """

    function = "vn_fold"  # registered on SQLite by register_sqlite_functions()
    arity = 1
    output_field = TextField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, list]:
        sql, params = compiler.compile(self.source_expressions[0])
        # Fold-table strings go as parameters: no quoting or %-escaping of odd characters.
        return (
            f"btrim(regexp_replace(lower(translate(({sql})::text, %s, %s)), %s, ' ', 'g'))",
            [*params, PG_FOLD_FROM, PG_FOLD_TO, r"\s+"],
        )

"""Insert many model instances fast: new primary keys taken up front, one executemany per batch.

Django's `bulk_create` compiles every value of every row through the ORM (about two thirds of the
time of a 100,000-row import). Here each distinct value of a column is converted once (none for plain
text and numbers), and rows go to the driver as tuples. No signals are sent, like `bulk_create`;
callers log changes with `changelog.bulk_log`. Must run inside a transaction (the ids are reserved
under its lock on SQLite, from the sequence on PostgreSQL).
"""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from django.db import connections, models, router

BATCH = 5000
_PLAIN = (
    models.CharField,  # includes SlugField, EmailField...
    models.TextField,
    models.IntegerField,  # includes the Positive*, Small*, BigIntegerField and the auto fields
    models.BooleanField,
)


def new_ids(model: type[models.Model], count: int, using: str) -> list[int]:
    """`count` primary keys no other writer can take (we hold SQLite's write lock; PostgreSQL's sequence)."""
    connection = connections[using]
    table, pk = model._meta.db_table, model._meta.pk.column
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, pk, count]
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX({quote(pk)}), 0) FROM {quote(table)}")
        highest = cursor.fetchone()[0]
        if connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            highest = max(highest, row[0] if row else 0)
        return list(range(highest + 1, highest + 1 + count))


def _converter(field: models.Field, connection: Any) -> Callable[[Any], Any] | None:
    """The field's conversion to database form, done once per distinct value (a date column holds few)."""
    if isinstance(field, _PLAIN) and not isinstance(field, models.BinaryField):
        return None
    if field.is_relation:
        return None  # the id as it is
    prepare = field.get_db_prep_save
    seen: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        key = (value.__class__, value)  # True == 1 == 1.0, but a JSON column stores them apart
        try:
            return seen[key]
        except KeyError:
            seen[key] = converted = prepare(value, connection)
            return converted
        except TypeError:  # unhashable (a JSON value)
            return prepare(value, connection)

    return convert


def _is_moment(field: models.Field) -> bool:
    return isinstance(field, models.DateField) and bool(field.auto_now or field.auto_now_add)


def insert(objs: Sequence[models.Model], fields: Iterable[models.Field] | None = None) -> None:
    """Insert new instances of one model, setting their primary keys (and `_state`) as a save would."""
    if not objs:
        return
    model = type(objs[0])
    using = router.db_for_write(model)
    connection = connections[using]
    if not connection.in_atomic_block:
        raise RuntimeError("bulk.insert needs a transaction")
    opts = model._meta
    pk = opts.pk
    fields = [f for f in (fields or opts.concrete_fields) if f is not pk]
    for obj, new_id in zip(objs, new_ids(model, len(objs), using), strict=True):
        obj.__dict__[pk.attname] = new_id
    # Fields that compute their value on save (auto_now, auto_now_add, file names...); the moment of
    # auto_now(_add) is taken once: the batch is written at one time, as by one statement.
    presaving = [f for f in fields if type(f).pre_save is not models.Field.pre_save]
    for field in filter(_is_moment, presaving):
        moment = field.pre_save(objs[0], add=True)
        for obj in objs:
            obj.__dict__[field.attname] = moment
    presaving = [f for f in presaving if not _is_moment(f)]
    for obj in objs:
        for field in presaving:
            setattr(obj, field.attname, field.pre_save(obj, add=True))
        obj._state.adding = False
        obj._state.db = using
    columns = [pk, *fields]
    pick = operator.itemgetter(*(f.attname for f in columns))
    converters = [(i, convert) for i, f in enumerate(columns) if (convert := _converter(f, connection))]
    rows = []
    for obj in objs:
        row = pick(obj.__dict__)
        if converters:
            row = list(row)
            for i, convert in converters:
                row[i] = convert(row[i])
        rows.append(row)
    insert_rows(model, [f.column for f in columns], rows, using)


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Sequence[Sequence], using: str) -> None:
    """Rows already in database form (tuples in `columns` order), in batches."""
    connection = connections[using]
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({placeholders})"
    with large_cache(using, len(rows)), connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


SQLITE_CACHE_KIB = 65536  # page cache while inserting many rows (SQLite's default is 2 MB)


@contextlib.contextmanager
def large_cache(using: str, count: int) -> Iterator[None]:
    """A larger SQLite page cache while writing `count` rows: each index of a table is a B-tree the rows
    land all over, and with the default cache (2 MB) its pages are spilled and read back again and again."""
    connection = connections[using]
    if connection.vendor != "sqlite" or count < BATCH:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = int(cursor.fetchone()[0])
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {previous}")

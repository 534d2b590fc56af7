"""Writes the change log for tracked models and reads it back in a human form."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router, transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.text import capfirst

from danvan.core import bulk, scoping
from danvan.core.actor import current_actor
from danvan.core.models import ChangeLogEntry, TrackedModel, parent_of

_AS_IS = frozenset({str, int, bool, float, type(None)})


def _jsonable(value):
    if value.__class__ in _AS_IS:
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""  # the same "" a blank file column loads as
    return value


@functools.cache
def tracked_fields(model) -> list[models.Field]:
    exclude = set(getattr(model, "changelog_exclude", ()))
    return [f for f in model._meta.concrete_fields if f.name not in exclude and not f.primary_key]


def snapshot(instance: models.Model, values: dict | None = None) -> dict:
    """Field values keyed by attname; `values` lets a caller pass values loaded from the DB."""
    data = {}
    deferred = instance.get_deferred_fields() if values is None else ()
    for field in tracked_fields(type(instance)):
        if values is not None:
            if field.attname not in values:
                continue
            value = values[field.attname]
        else:
            if field.attname in deferred:
                continue
            value = field.value_from_object(instance)
        data[field.attname] = _jsonable(value)
    return data


def _actor_fields() -> dict:
    actor = current_actor()
    if actor is None:
        return {"actor_id": None, "actor_name": "", "request_id": "", "source": "system"}
    name = ""
    if actor.user_id:
        name = get_user_model().objects.filter(pk=actor.user_id).values_list("username", flat=True).first() or ""
    return {
        "actor_id": actor.user_id,
        "actor_name": name,
        "request_id": actor.request_id,
        "source": actor.source,
    }


def build_entry(
    instance: TrackedModel, action: str, before: dict | None, after: dict | None, actor: dict | None = None
) -> ChangeLogEntry:
    deleted = action == ChangeLogEntry.Action.DELETE
    parent = instance.changelog_parent(before)
    return ChangeLogEntry(
        content_type=ContentType.objects.get_for_model(type(instance)),
        parent_type=None if parent is None else ContentType.objects.get_for_model(parent[0]),
        parent_id="" if parent is None else str(parent[1]),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        unit_id=instance.changelog_unit_id_after_delete() if deleted else instance.changelog_unit_id(),
        action=action,
        before=before,
        after=after,
        **(actor if actor is not None else _actor_fields()),
    )


def bulk_log(entries: Iterable[tuple[TrackedModel, str, dict | None, dict | None]]) -> None:
    """Log many changes at once (imports write rows with bulk operations, which send no signals).

    Rows go straight to the table (`bulk.insert_rows`): no model instance per entry.
    """
    actor = _actor_fields()  # once per batch, not once per row
    using = router.db_for_write(ChangeLogEntry)
    connection = connections[using]
    opts = ChangeLogEntry._meta
    encoder = opts.get_field("before").encoder
    to_json = connection.ops.adapt_json_value  # what the JSONField sends for a dict, without its layers
    timestamp = opts.get_field("timestamp").get_db_prep_save(timezone.now(), connection)
    head = (timestamp, actor["actor_id"], actor["actor_name"], actor["request_id"], actor["source"])
    types: dict[type, int] = {}

    def type_id(model) -> int:
        if model not in types:
            types[model] = ContentType.objects.get_for_model(model).pk
        return types[model]

    rows = []
    for obj, action, before, after in entries:
        deleted = action == ChangeLogEntry.Action.DELETE
        parent = obj.changelog_parent(before)
        rows.append(
            (
                *head,
                type_id(type(obj)),
                str(obj.pk),
                str(obj)[:300],
                obj.changelog_unit_id_after_delete() if deleted else obj.changelog_unit_id(),
                action,
                None if before is None else to_json(before, encoder),
                None if after is None else to_json(after, encoder),
                None if parent is None else type_id(parent[0]),
                "" if parent is None else str(parent[1]),
            )
        )
    insert_entries(rows, using)


def insert_entries(rows: Sequence[tuple], using: str) -> None:
    """Insert change-log rows already in database form, each a tuple of ENTRY_FIELDS in that order (the
    bulk writers that build their own entries, such as a demo replaying a record's steps, end here)."""
    if not rows:
        return
    opts = ChangeLogEntry._meta
    with transaction.atomic(using=using):
        ids = bulk.new_ids(ChangeLogEntry, len(rows), using)
        columns = ["id", *(opts.get_field(name).column for name in ENTRY_FIELDS)]
        bulk.insert_rows(ChangeLogEntry, columns, [(i, *row) for i, row in zip(ids, rows, strict=True)], using)


# Fields whose stored value reads as its snapshot does: text, integers, ids, dates (ISO text), and
# booleans (SQLite stores 0/1, so `_snapshot_value` turns them back into JSON true/false).
_AS_STORED = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.ForeignKey,
    models.DateField,
    models.BooleanField,
)
LOG_CHUNK = 5000


def log_created_rows(model, pks: Sequence[int], label_sql: str, unit_column: str = "unit_id") -> None:
    """Log the creation of rows just inserted in bulk: the database builds each entry from the row itself
    (one INSERT … SELECT per chunk, the snapshot with json_object), so no Python runs per row.

    The entries are the ones `bulk_log` writes for (obj, "create", None, snapshot(obj)), in the order of
    the ids; `label_sql` is str(obj) in SQL (e.g. `code || ' – ' || name`), `unit_column` the unit's id.
    """
    fields = tracked_fields(model)
    if model.changelog_parents:
        raise TypeError(f"{model.__name__}: parts of a record are logged with bulk_log")
    if any(isinstance(f, models.DateTimeField) or not isinstance(f, _AS_STORED) for f in fields):
        raise TypeError(f"{model.__name__}: a tracked field is not stored as its snapshot reads")
    if not pks:
        return
    using = router.db_for_write(ChangeLogEntry)
    connection = connections[using]
    quote = connection.ops.quote_name
    opts = ChangeLogEntry._meta
    postgres = connection.vendor == "postgresql"
    pairs = ", ".join(f"'{f.attname}', {_snapshot_value(f, quote, postgres)}" for f in fields)
    snapshot_sql = f"json_build_object({pairs})::jsonb" if postgres else f"json_object({pairs})"
    actor = _actor_fields()
    head = [
        opts.get_field("timestamp").get_db_prep_save(timezone.now(), connection),
        actor["actor_id"],
        actor["actor_name"],
        actor["request_id"],
        actor["source"],
        ContentType.objects.get_for_model(model).pk,
    ]
    columns = ", ".join(quote(opts.get_field(name).column) for name in ENTRY_FIELDS)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for start in range(0, len(pks), LOG_CHUNK):
            chunk = list(pks[start : start + LOG_CHUNK])
            cursor.execute(
                f"INSERT INTO {quote(opts.db_table)} ({columns}) "
                f"SELECT %s, %s, %s, %s, %s, %s, CAST({quote(model._meta.pk.column)} AS TEXT), "
                f"SUBSTR({label_sql}, 1, 300), {quote(unit_column)}, 'create', NULL, {snapshot_sql}, NULL, '' "
                f"FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} IN "
                f"({', '.join(['%s'] * len(chunk))}) ORDER BY {quote(model._meta.pk.column)}",
                [*head, *chunk],
            )


def _snapshot_value(field, quote, postgres: bool) -> str:
    column = quote(field.column)
    if isinstance(field, models.BooleanField) and not postgres:
        return f"json(CASE WHEN {column} IS NULL THEN 'null' WHEN {column} THEN 'true' ELSE 'false' END)"
    return column


ENTRY_FIELDS = (
    "timestamp",
    "actor",
    "actor_name",
    "request_id",
    "source",
    "content_type",
    "object_id",
    "object_repr",
    "unit",
    "action",
    "before",
    "after",
    "parent_type",
    "parent_id",
)


def _on_save(sender, instance, created, raw=False, **kwargs):
    if raw or not isinstance(instance, TrackedModel):
        return
    after = snapshot(instance)
    if created:
        build_entry(instance, ChangeLogEntry.Action.CREATE, None, after).save()
    else:
        loaded = getattr(instance, "_loaded_values", None)
        before = snapshot(instance, loaded) if loaded is not None else None
        if before is not None:
            changed = {k for k in after if k in before and before[k] != after[k]}
            if not changed:
                return
            before = {k: before[k] for k in changed}
            after = {k: after[k] for k in changed}
        build_entry(instance, ChangeLogEntry.Action.UPDATE, before, after).save()
    instance._loaded_values = {f.attname: f.value_from_object(instance) for f in type(instance)._meta.concrete_fields}


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, TrackedModel):
        build_entry(instance, ChangeLogEntry.Action.DELETE, snapshot(instance), None).save()


def connect_signals() -> None:
    post_save.connect(_on_save, dispatch_uid="danvan-changelog-save")
    post_delete.connect(_on_delete, dispatch_uid="danvan-changelog-delete")


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


def _name(obj) -> str:
    """A related record as a person reads it: a user by full name, anything else by its own str()."""
    full_name = getattr(obj, "get_full_name", None)
    return (full_name() if callable(full_name) else "") or str(obj)


def _is_year(field: models.Field) -> bool:
    """Years read "2026", never "2.026" (year, year_start, year_end, …)."""
    name = field.name
    return name == "year" or name.startswith("year_") or name.endswith("_year")


def _display(field: models.Field, value, related: dict) -> str:
    from danvan.core.vn import format_number, text_date

    if value in (None, ""):
        return "—"
    if field.is_relation:
        return related.get((field.related_model, value), "(đã xóa)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        moment = dt.datetime.fromisoformat(value)
        return f"{moment:%H:%M} {text_date(moment.date())}"
    if isinstance(field, models.DateField):
        return text_date(dt.date.fromisoformat(value))
    if isinstance(field, models.DecimalField | models.FloatField):
        number = decimal.Decimal(str(value)).normalize()
        return format_number(number, max(0, -number.as_tuple().exponent))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return str(value) if _is_year(field) else format_number(value)
    return str(value)


def describe(entries: list[ChangeLogEntry], user=None) -> list[tuple[ChangeLogEntry, list[FieldChange]]]:
    """Pair each entry with readable field changes; related ids resolved in one query per model."""
    wanted: dict[type, set] = {}
    models_by_entry = []
    for entry in entries:
        model = entry.content_type.model_class()
        models_by_entry.append(model)
        if model is None:
            continue
        fields = {f.attname: f for f in model._meta.concrete_fields}
        for data in (entry.before or {}, entry.after or {}):
            for attname, value in data.items():
                field = fields.get(attname)
                if field is not None and field.is_relation and value is not None:
                    wanted.setdefault(field.related_model, set()).add(value)
    related = {}
    for model, ids in wanted.items():
        objects = model._base_manager.filter(pk__in=ids)
        if user is not None and hasattr(model, "scope_path"):
            # A related record outside the reader's scope is named as such, never by its name.
            objects = objects.filter(scoping.scope_q(model.scope_path, user))
            for pk in ids:
                related[(model, pk)] = "(đơn vị, hồ sơ ngoài phạm vi)"
        for obj in objects:
            related[(model, obj.pk)] = _name(obj)
    result = []
    for entry, model in zip(entries, models_by_entry, strict=True):
        changes = []
        if model is not None:
            fields = {f.attname: f for f in model._meta.concrete_fields}
            before, after = entry.before or {}, entry.after or {}
            for attname in [a for a in fields if a in before or a in after]:
                field = fields[attname]
                old, new = before.get(attname), after.get(attname)
                if entry.action == ChangeLogEntry.Action.UPDATE and old == new:
                    continue
                if entry.action != ChangeLogEntry.Action.UPDATE and (old if entry.before else new) in (
                    None,
                    "",
                ):
                    continue
                changes.append(
                    FieldChange(
                        str(field.verbose_name).capitalize(),
                        _display(field, old, related),
                        _display(field, new, related),
                    )
                )
        result.append((entry, changes))
    return result


def entries_of(instance: models.Model, user) -> models.QuerySet[ChangeLogEntry]:
    """The record's change log entries as the user may see them (scoped through restrict)."""
    content_type = ContentType.objects.get_for_model(type(instance))
    return ChangeLogEntry.objects.restrict(user).filter(content_type=content_type, object_id=str(instance.pk))


def entries_with_parts(record: models.Model, user) -> models.QuerySet[ChangeLogEntry]:
    """The record's change log and that of its parts (added, changed, removed: see
    TrackedModel.changelog_parents), scoped through restrict(user). Both halves are indexed lookups."""
    content_type = ContentType.objects.get_for_model(type(record))
    key = str(record.pk)
    return ChangeLogEntry.objects.restrict(user).filter(
        Q(content_type=content_type, object_id=key) | Q(parent_type=content_type, parent_id=key)
    )


def history(instance: models.Model, user) -> list[tuple[ChangeLogEntry, list[FieldChange]]]:
    """The record's latest 200 changes as the user may see them."""
    return describe(list(entries_of(instance, user).select_related("content_type", "actor")[:200]), user)


HISTORY_PAGE_SIZE = 20


def history_page(request, instance: models.Model | None = None, *, entries=None, readable=None, path: str = ""):
    """One page of a record's change log (or of the given scoped `entries`), newest first, described for the
    reader: a `danvan.core.lists.Listing` paged with ?trang_ls= (anchor #lich-su) so the record's page keeps
    its own parameters. `readable` may rewrite the described changes (e.g. scores as "9,5"). The links go to
    `path` (default: the record's page), so a record re-shown after a POST still pages by GET."""
    from danvan.core.lists import Listing

    if entries is None:
        entries = entries_of(instance, request.user)
    if not path and instance is not None and hasattr(instance, "get_absolute_url"):
        path = instance.get_absolute_url()
    listing = Listing(
        request,
        entries.select_related("content_type", "actor"),
        noun="thay đổi",
        default=("-timestamp", "-id"),
        suffix="_ls",
        anchor="lich-su",
        page_size=HISTORY_PAGE_SIZE,
        path=path,
    )
    described = describe(list(listing.page.object_list), request.user)
    if instance is not None:
        _name_parts(instance, described)
    listing.page.object_list = readable(described) if readable else described
    return listing


def record_history(request, record: TrackedModel, *, readable=None, path: str = ""):
    """One page of the record's change log with its parts' (entries_with_parts); each part's row says
    which part it is ("Tờ trình đề nghị khen thưởng: …")."""
    entries = entries_with_parts(record, request.user)
    return history_page(request, record, entries=entries, readable=readable, path=path)


def _name_parts(record: models.Model, described) -> None:
    own = ContentType.objects.get_for_model(type(record)).pk
    for entry, _changes in described:
        model = entry.content_type.model_class()
        if entry.content_type_id != own and model is not None:
            entry.part_label = f"{capfirst(model._meta.verbose_name)}: {entry.object_repr}"


def parent_backfill(app_label: str, parents: dict[str, tuple[str, ...]]):
    """A data migration that fills `parent_type`/`parent_id` of the entries logged before an app's models
    declared `changelog_parents` (given here, as the migration must not read today's model classes), by the
    rule build_entry follows (core.models.parent_of)."""

    def run(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType")
        entries = apps.get_model("core", "ChangeLogEntry")
        for model_name, names in parents.items():
            model = apps.get_model(app_label, model_name)
            own = content_types.objects.filter(app_label=app_label, model=model_name.lower()).first()
            if own is None:  # a fresh database: nothing logged yet
                continue
            fields = [model._meta.get_field(name) for name in names]
            parent_types = {}
            for field in fields:
                related = field.related_model._meta
                parent_types[related.label_lower], _ = content_types.objects.get_or_create(
                    app_label=related.app_label, model=related.model_name
                )
            last, known = 0, {}
            while batch := list(
                entries.objects.filter(content_type=own, parent_type=None, pk__gt=last).order_by("pk")[:LOG_CHUNK]
            ):
                _fill_parents(model, fields, parent_types, batch, known)
                entries.objects.bulk_update(batch, ["parent_type", "parent_id"])
                last = batch[-1].pk

    return run


def _fill_parents(model, fields, parent_types, batch, known: dict) -> None:
    """As build_entry would have: the keys after the change, where the entry does not say them as the record's
    earlier entries left them (`known`, replayed in order), else as the record has them now."""
    attnames = [f.attname for f in fields]
    current = {
        str(row.pop("pk")): row
        for row in model._base_manager.filter(pk__in={e.object_id for e in batch}).values("pk", *attnames)
    }
    for entry in batch:
        deleted = entry.action == "delete"
        now = {
            **current.get(entry.object_id, {}),
            **known.get(entry.object_id, {}),
            **((entry.before or {}) if deleted else {}),
            **(entry.after or {}),
        }
        known[entry.object_id] = {a: now.get(a) for a in attnames}
        parent = parent_of(fields, now, {} if deleted else entry.before or {})
        if parent is not None:
            entry.parent_type = parent_types[parent[0]._meta.label_lower]
            entry.parent_id = str(parent[1])

"""The usual kind: one model, rows matched to records by a natural key (a code).

A new key creates a record, a known key updates it, and a row equal to the record is left alone
(no write, no change-log entry). Every object goes through the model's own validation
(`full_clean`), as a form in the UI would; lookups are preloaded, so no query runs per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model, QuerySet

from danvan.core import changelog, scoping
from danvan.core.xlsx.result import Action, Row
from danvan.core.xlsx.spec import Context, ImportKind

KEY_CHUNK = 5000  # keys per lookup query (SQLite limits bound parameters)


def changes(obj: Model) -> tuple[dict, dict]:
    """(before, after) of the tracked fields that differ from the values loaded from the database."""
    before = changelog.snapshot(obj, getattr(obj, "_loaded_values", {}))
    after = changelog.snapshot(obj)
    changed = [name for name in after if name in before and before[name] != after[name]]
    return {name: before[name] for name in changed}, {name: after[name] for name in changed}


class ModelKind(ImportKind):
    model: ClassVar[type[Model]]
    key: ClassVar[str] = "code"
    related: ClassVar[tuple[str, ...]] = ()  # select_related when loading records
    batch_size: ClassVar[int] = 1000

    # --- plan ----------------------------------------------------------------------------------

    def existing(self, keys: list[Any], ctx: Context) -> dict[Any, Model]:
        queryset = self.model._default_manager.select_related(*self.related)
        found: dict[Any, Model] = {}
        for start in range(0, len(keys), KEY_CHUNK):
            chunk = keys[start : start + KEY_CHUNK]
            found.update((getattr(obj, self.key), obj) for obj in queryset.filter(**{f"{self.key}__in": chunk}))
        return found

    def apply(self, row: Row, obj: Model, ctx: Context) -> None:
        """Copy the row's values onto the object; columns absent from the file are not in `values`.

        A blank cell for a field that cannot be empty (NOT NULL) keeps the default or current value.
        """
        for name, value in row.values.items():
            if value is None and not obj._meta.get_field(name).null:
                continue
            setattr(obj, name, value)

    def validate(self, row: Row, obj: Model, ctx: Context) -> None:
        """The model's own rules (field rules and clean()), relations excepted: they come from lookups."""
        exclude = [f.name for f in obj._meta.concrete_fields if f.is_relation or not f.editable]
        try:
            obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                for message in messages:
                    if name in row.headers:
                        row.error(name, message)
                    elif name == NON_FIELD_ERRORS:
                        row.error(None, message)
                    else:
                        row.error(None, f"{obj._meta.get_field(name).verbose_name}: {message}")

    def plan(self, rows: list[Row], ctx: Context) -> None:
        valid = [row for row in rows if row.ok]
        existing = self.existing(list({row.values[self.key] for row in valid}), ctx)
        for row in valid:
            obj = existing.get(row.values[self.key])
            if obj is None:
                obj = self.model()
            else:
                row.extra["old_scope"] = self.scope_of(obj)
            self.apply(row, obj, ctx)
            self.validate(row, obj, ctx)
            self.decide(row, obj)

    def decide(self, row: Row, obj: Model) -> None:
        row.target = obj
        if obj._state.adding:
            row.action = Action.CREATE
            return
        before, after = changes(obj)
        row.extra["changes"] = (before, after)
        row.action = Action.UPDATE if after else Action.UNCHANGED

    # --- scope ---------------------------------------------------------------------------------

    def scope_of(self, obj: Model) -> tuple[str | None, str, str | None]:
        """(field, unit label, unit path) of the unit a record belongs to, through `scope_path`."""
        parts = getattr(self.model, "scope_path", "").split("__")
        if parts == [""]:
            return self.key, str(getattr(obj, self.key)), None  # not unit-scoped: unrestricted users only
        holder = obj
        for part in parts[:-1]:
            holder = getattr(holder, part, None)
            if holder is None:
                return parts[0], str(getattr(obj, self.key)), None
        label = getattr(holder, "code", None) or str(holder)
        return parts[0], str(label), getattr(holder, parts[-1], None)

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        yield self.scope_of(row.target)
        if "old_scope" in row.extra:
            yield row.extra["old_scope"]

    # --- write ---------------------------------------------------------------------------------

    def write(self, rows: list[Row], ctx: Context) -> None:
        created = [row.target for row in rows if row.action is Action.CREATE]
        self.model._default_manager.bulk_create(created, batch_size=self.batch_size)
        changelog.bulk_log((obj, "create", None, changelog.snapshot(obj)) for obj in created)
        self.bulk_update([row for row in rows if row.action is Action.UPDATE])

    def bulk_update(self, rows: list[Row], extra_fields: Iterable[str] = ()) -> None:
        """One bulk update of the changed fields, and one change-log entry per record."""
        if not rows:
            return
        names = {f.attname: f.name for f in self.model._meta.concrete_fields}
        fields = {names[attname] for row in rows for attname in row.extra["changes"][1]} | set(extra_fields)
        self.model._default_manager.bulk_update([row.target for row in rows], sorted(fields), self.batch_size)
        changelog.bulk_log((row.target, "update", *row.extra["changes"]) for row in rows)

    # --- export --------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        queryset = self.model._default_manager.select_related(*self.related)
        if user is not None and hasattr(queryset, "restrict"):
            queryset = queryset.restrict(user)  # models without a unit (configuration) are readable by all
        if code := filters.get("unit"):
            path = unit_path(code)
            queryset = queryset.filter(scoping.subtree_q(self.model.scope_path, path))
        return queryset


def unit_path(code: str) -> str:
    """The tree path of the unit with this code, for `--unit CODE` filters."""
    unit_model = apps.get_model("org", "Unit")
    path = unit_model.objects.filter(code=code).values_list("path", flat=True).first()
    if path is None:
        raise ValueError(f"Không có đơn vị mã '{code}'")
    return path

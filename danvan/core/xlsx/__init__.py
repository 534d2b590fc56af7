"""The one xlsx import/export engine (ARCHITECTURE principle 4).

A kind (units, lineage, practices...) is a spec: columns with their Vietnamese headers and parsers,
plus plan/write/export hooks; `ModelKind` provides them for a model keyed by a code. Apps declare
kinds in `<app>/imports.py` with `@register`; `run_import` and `export` work on any kind by name.
"""

from danvan.core.xlsx.engine import export, export_bytes, run_import
from danvan.core.xlsx.modelkind import ModelKind
from danvan.core.xlsx.parsers import Choice, Date, Integer, Parser, Text, enum_choices, model_choices
from danvan.core.xlsx.reader import FileRejected
from danvan.core.xlsx.registry import UnknownKind, get_kind, kind_names, register
from danvan.core.xlsx.result import Action, ImportResult, Row, RowError
from danvan.core.xlsx.spec import Column, Context, ImportKind

__all__ = [
    "Action",
    "Choice",
    "Column",
    "Context",
    "Date",
    "FileRejected",
    "ImportKind",
    "ImportResult",
    "Integer",
    "ModelKind",
    "Parser",
    "Row",
    "RowError",
    "Text",
    "UnknownKind",
    "enum_choices",
    "export",
    "export_bytes",
    "get_kind",
    "kind_names",
    "model_choices",
    "register",
    "run_import",
]

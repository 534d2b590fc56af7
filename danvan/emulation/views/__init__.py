"""The score-sheet pages: thin views (access check → service → redirect)."""

from danvan.emulation.views.cards import card_action, card_detail, card_docx, card_score, file_download, file_upload
from danvan.emulation.views.results import propose, results, results_docx, results_xlsx
from danvan.emulation.views.sets import (
    criteria_export,
    criteria_import,
    criterion_add,
    criterion_delete,
    criterion_edit,
    criterion_move,
    index,
    members_add,
    members_fill,
    members_remove,
    set_copy,
    set_create,
    set_detail,
    set_edit,
)

__all__ = [
    "card_action",
    "card_detail",
    "card_docx",
    "card_score",
    "criteria_export",
    "criteria_import",
    "criterion_add",
    "criterion_delete",
    "criterion_edit",
    "criterion_move",
    "file_download",
    "file_upload",
    "index",
    "members_add",
    "members_fill",
    "members_remove",
    "propose",
    "results",
    "results_docx",
    "results_xlsx",
    "set_copy",
    "set_create",
    "set_detail",
    "set_edit",
]

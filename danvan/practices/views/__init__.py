"""The "Dân vận khéo" pages: thin views (access check → service → redirect)."""

from danvan.practices.views import excel as excel  # Excel template, import and export (urls: views.excel.*)
from danvan.practices.views.detail import (
    file_download,
    file_upload,
    practice_action,
    practice_detail,
    practice_publication,
)
from danvan.practices.views.lists import practice_bulk, practice_list, practice_lookup
from danvan.practices.views.records import practice_amend, practice_create, practice_edit

__all__ = [
    "file_download",
    "file_upload",
    "practice_action",
    "practice_amend",
    "practice_bulk",
    "practice_create",
    "practice_detail",
    "practice_edit",
    "practice_list",
    "practice_lookup",
    "practice_publication",
]

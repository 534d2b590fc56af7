"""Every list of records pages, sorts and counts the same way.

A view builds `Listing(request, rows, columns=..., sorts=..., default=..., noun=...)` from its restricted,
filtered queryset and hands it to the templates:

- `core/_list_summary.html`: "Tìm thấy 8.100 mô hình, điển hình", the rows shown and the page-size choice;
- `core/_list_headers.html`: the column headers, the sortable ones as links with an arrow;
- `core/_pagination.html`: first/previous/numbered/next/last page links;
- `core/_list_keep.html`: hidden inputs that carry the sort and page size through a filter form.

Every link is built here from `request.GET` (never with the `{% querystring %}` tag, which already writes the
"?"), so it keeps every other parameter: page 2 of a filtered list is page 2 of the same filter. The sort
(`?sap_xep=ten`, `-ten` reversed) is checked against a whitelist, the page size (`?so_dong=`) against
`PAGE_SIZES`; a bad value falls back to the default. Two lists on one page (or a history under a record)
use a `suffix` so their parameters do not mix (`?trang_ls=2`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from danvan.core.vn import format_number

PAGE_SIZES = (20, 50, 100)
DEFAULT_PAGE_SIZE = 50


def head(rows: QuerySet, limit: int) -> tuple[list, int]:
    """The first `limit` rows and how many there are in all, as a home-page panel shows them. The count
    is asked only when the rows fill the limit: a panel's short list usually does not."""
    first = list(rows[:limit])
    return first, len(first) if len(first) < limit else rows.count()


@dataclass(frozen=True)
class Column:
    """A column of a list: `key` is its `?sap_xep=` value ("" = not sortable)."""

    label: str
    key: str = ""
    css: str = ""


@dataclass(frozen=True)
class Header:
    label: str
    css: str
    url: str = ""  # "" = not sortable
    arrow: str = ""  # the Bootstrap icon of the current sort
    aria_sort: str = ""  # "ascending" / "descending" on the sorted column


@dataclass(frozen=True)
class PageLink:
    label: str
    url: str = ""  # "" = an ellipsis
    current: bool = False


def ordering(sorts: Mapping[str, Sequence], key: str) -> list:
    """The order_by() of `key` ("ten" or "-ten"): "-" reverses the first field only, the rest keep pages stable
    (each ordering should end with a unique field)."""
    descending = key.startswith("-")
    result = []
    for index, field in enumerate(sorts[key.removeprefix("-")]):
        if isinstance(field, str):
            reverse = descending and index == 0
            result.append(("" if field.startswith("-") else "-") + field.lstrip("-") if reverse else field)
        else:
            result.append(field.desc() if descending and index == 0 else field)
    return result


class Listing:
    """One page of `rows`, sorted by a whitelisted column, with the links that keep every other parameter."""

    def __init__(
        self,
        request,
        rows: QuerySet,
        *,
        noun: str,
        default: Sequence = (),
        columns: Sequence[Column] = (),
        sorts: Mapping[str, Sequence] | None = None,
        suffix: str = "",
        anchor: str = "",
        path: str = "",
        page_size: int = DEFAULT_PAGE_SIZE,
        collated: frozenset[str] | set[str] = frozenset(),
        collated_limit: int | None = None,
    ):
        self.request = request
        self.path = path or request.path  # a list re-shown after a POST links to its own page
        self.noun = noun
        self.columns = list(columns)
        self.sorts = dict(sorts or {})
        self.anchor = f"#{anchor}" if anchor else ""
        self.page_param = f"trang{suffix}"
        self.sort_param = f"sap_xep{suffix}"
        self.size_param = f"so_dong{suffix}"
        self.default_size = page_size
        self.size = self._size(request.GET.get(self.size_param))
        self.sort = self._sort(request.GET.get(self.sort_param, ""))
        self.note = ""
        order = ordering(self.sorts, self.sort) if self.sort else list(default)
        paginator = Paginator(rows.order_by(*order) if order else rows, self.size)
        if collated_limit is not None and self.sort.removeprefix("-") in collated and paginator.count > collated_limit:
            # Sorting by a name needs the Vietnamese collation over every matching row: keep the default order
            # until the user narrows the list down.
            paginator.object_list = rows.order_by(*default)
            self.sort = ""
            self.note = (
                f"Có hơn {format_number(collated_limit)} {noun} nên danh sách chưa sắp xếp theo tên; "
                "hãy lọc bớt (theo năm, đơn vị, trạng thái…) để sắp xếp."
            )
        self.page: Page = paginator.get_page(request.GET.get(self.page_param))

    def _size(self, raw) -> int:
        return int(raw) if raw in {str(n) for n in PAGE_SIZES} else self.default_size

    def _sort(self, raw: str) -> str:
        return raw if raw.removeprefix("-") in self.sorts else ""

    # --- links -------------------------------------------------------------------------------------

    def url(self, **changes) -> str:
        """This list's URL with `changes` applied (None or "" removes a parameter), every other one kept."""
        params = self.request.GET.copy()
        for name, value in changes.items():
            params.pop(name, None)
            if value not in (None, ""):
                params[name] = str(value)
        query = params.urlencode()
        return f"{self.path}{'?' + query if query else ''}{self.anchor}"

    def page_url(self, number: int) -> str:
        return self.url(**{self.page_param: number if number > 1 else None})

    @property
    def headers(self) -> list[Header]:
        result = []
        for column in self.columns:
            if not column.key:
                result.append(Header(column.label, column.css))
                continue
            ascending, descending = self.sort == column.key, self.sort == f"-{column.key}"
            target = f"-{column.key}" if ascending else column.key
            url = self.url(**{self.sort_param: target, self.page_param: None})
            arrow = "bi-sort-up" if ascending else "bi-sort-down" if descending else ""
            aria = "ascending" if ascending else "descending" if descending else ""
            result.append(Header(column.label, column.css, url, arrow, aria))
        return result

    @property
    def previous_url(self) -> str:
        return self.page_url(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self) -> str:
        return self.page_url(self.page.next_page_number()) if self.page.has_next() else ""

    @property
    def page_links(self) -> list[PageLink]:
        links = []
        for number in self.page.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1):
            if number == Paginator.ELLIPSIS:
                links.append(PageLink("…"))
            else:
                links.append(PageLink(format_number(number), self.page_url(number), number == self.page.number))
        return links

    @property
    def sizes(self) -> list[PageLink]:
        links = []
        for size in PAGE_SIZES:
            value = None if size == self.default_size else size
            links.append(
                PageLink(str(size), self.url(**{self.size_param: value, self.page_param: None}), size == self.size)
            )
        return links

    @property
    def kept(self) -> list[tuple[str, str]]:
        """The sort and page size a filter form carries as hidden inputs (the page goes back to 1)."""
        return [
            (name, self.request.GET[name]) for name in (self.sort_param, self.size_param) if self.request.GET.get(name)
        ]

    # --- numbers ------------------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return self.page.paginator.count

    @property
    def first_shown(self) -> int:
        return self.page.start_index()

    @property
    def last_shown(self) -> int:
        return self.page.end_index()

    def __iter__(self):
        return iter(self.page)

    def __len__(self) -> int:
        return len(self.page)

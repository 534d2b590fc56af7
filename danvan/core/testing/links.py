"""Follow the links a page really contains, as a browser would: find an <a> by its text, resolve its href against
the page's own URL, and GET it (a list test that builds its own "?trang=2" cannot catch a broken link)."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anchors: list[tuple[str, dict]] = []
        self._open: list[tuple[list[str], dict]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append(([], dict(attrs)))

    def handle_data(self, data):
        for texts, _attrs in self._open:
            texts.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            texts, attrs = self._open.pop()
            self.anchors.append((" ".join("".join(texts).split()), attrs))


def anchors(response) -> list[tuple[str, dict]]:
    """(visible text, attributes) of every <a> of the page."""
    parser = _Anchors()
    parser.feed(response.content.decode())
    return parser.anchors


def href(response, text: str, *, within: str = "") -> str:
    """The one link whose text is `text` (whose href contains `within` if given), resolved against the page URL."""
    found = [a["href"] for t, a in anchors(response) if t == text and "href" in a and within in a["href"]]
    assert found, f"no link “{text}” on {response.wsgi_request.get_full_path()}"
    assert len(set(found)) == 1, f"several links “{text}”: {found}"
    url = urljoin(response.wsgi_request.get_full_path(), found[0])
    assert "??" not in url and urlsplit(url).path, url
    return url


def click(client, response, text: str, *, within: str = ""):
    """GET the link `text` of the page; the response must be a page (200)."""
    url = href(response, text, within=within)
    result = client.get(url)
    assert result.status_code == 200, (url, result.status_code)
    return result


def _queries(client, url: str):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response, len(captured.captured_queries)


def walk_list(client, url: str, expected, *, header: str, value, name: str = "listing", suffix: str = "") -> None:
    """Use a list as a clerk does, only by clicking what the page shows: from `url` (with its filters set)
    choose 20 rows a page, go to page 2 and back, sort by `header` both ways and page again. `expected` are the
    pks of every record the filter matches (more than 20); `value(obj)` is what the column sorts by.

    Checks: the count shown, pages 1 + 2 hold exactly the matching records (so the filter survived the
    click), every parameter of `url` is kept, the sort is applied across pages, and page 2 (few rows) costs
    the same queries as page 1 (20 rows)."""
    from urllib.parse import parse_qsl

    expected = set(expected)
    assert len(expected) > 20, "walk_list needs more than one page of 20"
    kept = parse_qsl(urlsplit(url).query)
    response = client.get(url)
    assert response.status_code == 200
    assert response.context[name].count == len(expected)

    def page_of(response) -> list:
        listing = response.context[name]
        for key, val in kept:  # every filter of the first URL is still there
            assert response.wsgi_request.GET.get(key) == val, (key, response.wsgi_request.get_full_path())
        assert listing.count == len(expected), response.wsgi_request.get_full_path()
        return list(listing.page.object_list)

    first = click(client, response, "20", within=f"so_dong{suffix}=20")
    first_rows = page_of(first)
    assert len(first_rows) == 20 and first.context[name].page.number == 1
    second_url = href(first, "Sau ›", within=f"trang{suffix}=2")
    second, second_queries = _queries(client, second_url)
    _, first_queries = _queries(client, first.wsgi_request.get_full_path())
    second_rows = page_of(second)
    assert second.context[name].page.number == 2 and len(second_rows) == len(expected) - 20
    assert second_queries == first_queries, (second_queries, first_queries)
    assert {r.pk for r in first_rows} | {r.pk for r in second_rows} == expected
    assert not {r.pk for r in first_rows} & {r.pk for r in second_rows}
    back = click(client, second, "‹ Trước", within=f"so_dong{suffix}=20")
    assert [r.pk for r in page_of(back)] == [r.pk for r in first_rows]

    # Sorting from page 2 goes back to page 1 of the sorted list, still filtered, still 20 a page.
    for direction in ("ascending", "descending"):
        sorted_first = click(client, second, header, within=f"sap_xep{suffix}=")
        assert sorted_first.context[name].page.number == 1
        sorted_second = click(client, sorted_first, "Sau ›", within=f"trang{suffix}=2")
        rows = page_of(sorted_first) + page_of(sorted_second)
        assert {r.pk for r in rows} == expected
        values = [value(r) for r in rows]
        assert values == sorted(values, reverse=direction == "descending"), (direction, values)
        header_html = sorted_second.content.decode()
        assert f'aria-sort="{direction}"' in header_html
        second = sorted_second

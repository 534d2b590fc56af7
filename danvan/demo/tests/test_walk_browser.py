"""A walk of every screen the menus reach, for every kind of user, in a real Chromium.

Each demo-like role (the province's commission, a district officer whose district ended on 30/6/2025, a commune
officer, the commission's data-entry clerk) logs in, opens every menu entry and every tab under it, and on each
list: chooses 20 rows a page, follows page 2, every sortable header, and one record's page. The walk fails on any
4xx/5xx answer, console error or failed request, and on English or raw codes in the visible text ("None",
"True", "submitted", account names, "??" links, "2.024" years).

The data are a small stand-in for the demo (the full demo province takes minutes to load): more than 20 records
in each list so that page 2 exists, built with the same bulk helpers as the list tests.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.utils import timezone

from danvan.awards.tests.conftest import configured, world  # noqa: F401 - fixtures
from danvan.awards.tests.test_list_links import add_decisions, add_proposals
from danvan.core.testing.browser import watch_problems
from danvan.core.testing.factories import make_user
from danvan.emulation.models import Scorecard
from danvan.emulation.tests.test_list_links import add_sets
from danvan.opinion.tests.conftest import add_opinion_records
from danvan.org.models import RoleAssignment
from danvan.planning.choices import ReviewKind
from danvan.planning.models import KeyTask, Milestone, Supervision, WorkPlan
from danvan.planning.tests.conftest import config  # noqa: F401 - fixture
from danvan.planning.tests.test_list_links import add_directives
from danvan.practices.models import Field, Level
from danvan.practices.seed import seed_config as seed_practices
from danvan.practices.tests.test_list_queries import add_practices

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Visible text that must never show: Python values, English, raw choice codes, broken links, dotted years.
FORBIDDEN = re.compile(
    r"\b(?:None|True|False|null|undefined|NaN)\b"
    r"|\b(?:Submit|Save|Delete|Cancel|Search|Next|Previous|Page|Home|Login|Logout|Error|Not Found|Forbidden"
    r"|This field|required|Select|Choose|Loading|Unknown)\b"
    r"|\b(?:draft|submitted|approved|returned|registered|recognized|rejected|implementing|proposed|overdue|pending"
    r"|appraising|final|issued|inspection|supervision|thematic|regular|collective|individual|exemplar|not_started"
    r"|in_progress|done)\b"
    r"|\?\?|\b2\.0[0-3]\d\b"
)

PEOPLE = {
    "tinh_admin": "Nguyễn Thị Thu Hà",
    "huyen": "Trần Văn Bình",
    "c1_officer": "Lê Thị Mai",
    "nhaplieu": "Phạm Thanh Tâm",
}


def _name(user, full_name: str) -> None:
    user.last_name, _, user.first_name = full_name.rpartition(" ")
    user.save()


@pytest.fixture
def province(cast, world, config):  # noqa: F811 - fixtures
    """The cast's province with more than a page of 20 in every list (the commune sees page 2 of its own)."""
    seed_practices(Field, Level)
    today = timezone.localdate()
    add_practices(cast, 46, year=2024)
    add_proposals(world, 2024, 25)
    add_decisions(world, 2024, 22)
    directives = add_directives(cast.province, 2016, 22)
    Milestone.objects.bulk_create(
        Milestone(directive=d, kind=ReviewKind.INTERIM, years=10, due_date=dt.date(today.year, 1 + n % 12, 1 + n))
        for n, d in enumerate(directives)
    )
    plans = WorkPlan.objects.bulk_create(
        WorkPlan(unit=cast.province, code=f"KH-{n:03d}", title=f"Kế hoạch công tác dân vận số {n + 1}",
                 year_start=today.year, year_end=today.year)
        for n in range(22)
    )  # fmt: skip
    KeyTask.objects.bulk_create(
        KeyTask(plan=plans[0], number=n + 1, content=f"Nhiệm vụ trọng tâm số {n + 1}", lead_unit=cast.c1,
                deadline=dt.date(today.year, 1 + n % 12, 10))
        for n in range(22)
    )  # fmt: skip
    Supervision.objects.bulk_create(
        Supervision(unit=cast.province, year=today.year, topic=f"Thực hiện Quy chế dân chủ ở cơ sở, đợt {n + 1}",
                    planned_start=dt.date(today.year, 1 + n % 12, 1), planned_end=dt.date(today.year, 1 + n % 12, 20))
        for n in range(22)
    )  # fmt: skip
    sets = add_sets(cast.province, 2024, 22)
    Scorecard.objects.bulk_create(Scorecard(criteria_set=s, unit=cast.c1, unit_name=cast.c1.name) for s in sets)
    add_opinion_records(cast.c1, 22, today)
    _name(cast.admin, PEOPLE["tinh_admin"])
    _name(cast.c1_officer, PEOPLE["c1_officer"])
    huyen = make_user("huyen", cast.d1, "editor", first_name="Bình", last_name="Trần Văn")
    RoleAssignment.objects.create(user=huyen, unit=cast.d1, role="reviewer")
    clerk = make_user("nhaplieu", cast.province, "editor", first_name="Tâm", last_name="Phạm Thanh")
    return {"province": cast.admin, "district": huyen, "commune": cast.c1_officer, "data-entry": clerk}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.skip = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style", "template")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style", "template")

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


def _html_text(html: str) -> str:
    parser = _Links()
    parser.feed(html)
    return " ".join(" ".join(parser.text).split())


class Walk:
    def __init__(self, page, usernames):
        self.page = page
        self.base = page.base_url
        self.problems = watch_problems(page)
        self.seen: set[str] = set()
        self.lists = 0
        self.usernames = re.compile(r"\b(?:" + "|".join(map(re.escape, usernames)) + r")\b")

    def check_text(self, text: str, where: str) -> None:
        for found in FORBIDDEN.finditer(text):
            start = max(found.start() - 40, 0)
            self.problems.append(f"“{found.group()}” in …{text[start : found.end() + 40]}… ({where})")
        for found in self.usernames.finditer(text):
            self.problems.append(f"account name “{found.group()}” shown ({where})")

    def visit(self, url: str) -> None:
        url = urljoin(self.base + "/", url)
        self.seen.add(urlsplit(url)._replace(fragment="").geturl())
        self.page.goto(url)  # waits for the load event: the page's scripts have run
        self.check_text(self.page.locator("body").inner_text(), self.page.url)
        for broken in self.hrefs('a[href*="??"]'):
            self.problems.append(f"broken link {broken} ({self.page.url})")

    def fetch(self, url: str) -> None:
        """A sorted variant of a page already walked in the browser: same scripts, so its HTML is enough."""
        url = urljoin(self.page.url, url)
        if url in self.seen:
            return
        self.seen.add(url)
        response = self.page.request.get(url)
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {url}")
            return
        self.check_text(_html_text(response.text()), url)

    def hrefs(self, selector: str) -> list[str]:
        return self.page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))")

    def walk_list(self) -> None:
        """On a page showing lists: 20 a page, then page 2, every sortable header, and one record."""
        for size in self.hrefs('[data-testid="page-size"] a'):
            if "so_dong" in size and "=20" in size:
                self.visit(urljoin(self.page.url, size))
                break
        here = self.page.url
        self.lists += self.page.locator('[data-testid="result-count"]').count() > 0
        pages = [h for h in self.hrefs('nav[aria-label="Phân trang"] a[rel="next"]') if "_ls" not in h]
        headers = self.hrefs("th a[href]")
        details = [h for h in self.hrefs("table tbody a[href]") if re.search(r"/\d+/(#.*)?$", h or "")]
        for header in headers:
            self.fetch(urljoin(here, header))
        for next_url in pages:
            self.visit(urljoin(here, next_url))
        for detail in details[:1]:
            self.visit(urljoin(here, detail))
            for history in self.hrefs('#lich-su nav[aria-label="Phân trang"] a[rel="next"]'):
                self.visit(urljoin(self.page.url, history))


# The main menu's links and those in its dropdown groups (not the account menu at the right).
MENU_LINKS = "#mainnav a.nav-link[href], #mainnav .dropdown-menu:not(.dropdown-menu-end) a.dropdown-item[href]"


@pytest.mark.parametrize("role", ["province", "district", "commune", "data-entry"])
def test_every_menu_entry_for_every_role(page, login, province, screenshot, role):
    """One role a test, so that the four walks share the workers."""
    usernames = [*province_usernames(province), "c1_officer", "tinh_admin"]
    login(province[role])
    walk = Walk(page, usernames)
    walk.visit("/")
    menu = [h for h in walk.hrefs(MENU_LINKS) if h and h != "#"]
    assert len(menu) >= 6, (role, menu)
    for entry in menu:
        walk.visit(entry)
        tabs = [urljoin(page.url, h) for h in walk.hrefs(".nav-tabs a.nav-link[href]") if h]
        walk.walk_list()
        for tab in tabs:
            if tab not in walk.seen:
                walk.visit(tab)
                walk.walk_list()
    assert walk.problems == [], f"{role}:\n" + "\n".join(dict.fromkeys(walk.problems))
    # Every list of the role was walked (the province: practices, proposals, decisions, score sheets,
    # directives, reviews, plans, tasks, supervisions, opinion items, collaborators, receptions, dialogues).
    lists = 13 if role == "province" else 9
    assert len(walk.seen) > 40 and walk.lists >= lists, (role, len(walk.seen), walk.lists)
    if role == "province":
        walk.visit("/dan-van-kheo/?nam=2024&so_dong=20&sap_xep=-ma&trang=2")
        screenshot("walk/practices-page-2-sorted")


def province_usernames(people: dict) -> list[str]:
    return [u.username for u in people.values()]

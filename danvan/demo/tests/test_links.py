"""Every link every demo account's pages render opens: what a clerk can click is never a 404 or a 403
(the officer of an abolished district was once shown a link to the province they may not open)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from danvan.core.testing.crawl import ACCOUNTS, crawl

pytestmark = pytest.mark.django_db


@pytest.mark.sweep
def test_every_link_each_demo_account_is_shown_opens(demo):
    broken = {}
    for username in ACCOUNTS:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        # Django's admin (the province's settings) is walked through its menu by the browser test.
        visited = crawl(client, skip=("/quan-tri/",), samples=1)
        assert len(visited) > 50, (username, len(visited))
        broken[username] = [f"{status} {url}" for _, status, url in visited if status >= 400]
    assert broken == {username: [] for username in ACCOUNTS}

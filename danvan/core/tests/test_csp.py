"""Content-Security-Policy: scripts come only from danvan's files, so no template may carry script inline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

import danvan

TEMPLATES = sorted(Path(danvan.__file__).parent.glob("*/templates/**/*.html"))
# What a script-src 'self' policy (no 'unsafe-inline', no 'unsafe-eval') would refuse to run.
INLINE = {
    "a <script> element without src": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I),
    "an on… event attribute": re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I),
    "a javascript: URL": re.compile(r"javascript:", re.I),
    "an hx-on handler (HTMX evaluates it)": re.compile(r"\bhx-on[:\-]", re.I),
}


def test_no_template_carries_an_inline_script():
    assert len(TEMPLATES) > 50
    found = [
        f"{path.relative_to(Path(danvan.__file__).parent)}: {what}"
        for path in TEMPLATES
        for what, pattern in INLINE.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


@pytest.mark.django_db
def test_every_page_is_served_with_the_policy(client, cast):
    client.force_login(cast.admin)
    for url in (reverse("login"), reverse("home"), reverse("practices:list"), reverse("org:unit-list")):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-eval" not in policy, url
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy, url

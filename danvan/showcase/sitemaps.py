"""`/sitemap.xml`: the showcase's list and every public model page, dated by their last change."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from danvan.showcase import queries


class ShowcaseSitemap(Sitemap):
    changefreq = "weekly"
    limit = 10_000  # per sitemap page; /sitemap.xml lists the pages when there are more

    def items(self):
        return queries.practices().only("code", "updated_at").order_by("code")

    def location(self, item) -> str:
        return reverse("showcase:detail", args=[item.code])

    def lastmod(self, item):
        return item.updated_at


class ShowcaseIndexSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["showcase:list", "showcase:figures"]

    def location(self, item) -> str:
        return reverse(item)

    def lastmod(self, item):
        return queries.last_change()


SITEMAPS = {"trang": ShowcaseIndexSitemap, "mo-hinh": ShowcaseSitemap}

"""sitemap.xml: every live page in every language, with hreflang alternates."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PageSitemap(Sitemap):
    """Wagtail's sitemap for all language trees, addressed like the request.

    Wagtail's own sitemap lists only the default site's root tree (the German one)
    and takes the host from the `Site` row, which says `localhost` in many
    installations. The sitemap protocol wants the sitemap's own host in every
    `<loc>`, so locations are built from the request (whose host Django has
    checked against ALLOWED_HOSTS).
    """

    def __init__(self, request: HttpRequest):
        super().__init__(request)
        self._alternates_by_key: dict | None = None

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        queryset = Page.objects.none()
        for tree_root in roots:
            queryset |= Page.objects.descendant_of(tree_root, inclusive=True)
        return (
            queryset.live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
        )

    def _absolute(self, page: Page) -> str:
        return self.request.build_absolute_uri(page.get_url(request=self.request))

    def _alternates(self) -> dict:
        """translation_key → [(language, url)], built once for all pages."""
        if self._alternates_by_key is None:
            self._alternates_by_key = {}
            for page in self.items():
                self._alternates_by_key.setdefault(page.translation_key, []).append(
                    (page.locale.language_code, self._absolute(page))
                )
        return self._alternates_by_key

    def get_urls(self, page=1, site=None, protocol=None):
        # Django's sitemap would prepend the django.contrib.sites domain; the
        # locations here are absolute already.
        urls = []
        for item in self.paginator.page(page).object_list:
            versions = self._alternates()[item.translation_key]
            entry = {
                "item": item,
                "location": self._absolute(item),
                "lastmod": self.lastmod(item),
                "changefreq": None,
                "priority": None,
                "alternates": [],
            }
            if len(versions) > 1:
                entry["alternates"] = [
                    {"lang_code": language, "location": url}
                    for language, url in sorted(versions)
                ]
                default = dict(versions).get(settings.LANGUAGE_CODE)
                if default:
                    entry["alternates"].append(
                        {"lang_code": "x-default", "location": default}
                    )
            urls.append(entry)
        self.latest_lastmod = max(
            (u["lastmod"] for u in urls if u["lastmod"]), default=None
        )
        return urls

from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from .models import StandardPage

# Slugs of the pages every German public site needs, in footer order.
FOOTER_PAGES = {
    "kontakt": gettext_lazy("Kontakt"),
    "barrierefreiheit": gettext_lazy("Barrierefreiheit"),
    "datenschutz": gettext_lazy("Datenschutz"),
    "impressum": gettext_lazy("Impressum"),
}


def site_navigation(request):
    """Main and footer links: one query for the footer pages of the active language."""
    from django.conf import settings
    from django.urls import translate_url

    if request.path.startswith(("/admin/", "/api/")):
        return {}
    pages = {
        page.slug: page
        for page in StandardPage.objects.live()
        .filter(locale=Locale.get_active(), slug__in=FOOTER_PAGES, depth__lte=4)
        .only("slug", "url_path", "locale_id", "path", "depth")
    }
    footer_links = [
        {"label": label, "url": pages[slug].get_url(request)}
        for slug, label in FOOTER_PAGES.items()
        if slug in pages
    ]
    if "barrierefreiheit" in pages:
        # The feedback mechanism BITV 2.0 asks for, reachable from every page.
        report_url = pages["barrierefreiheit"].get_url(request)
        footer_links.append(
            {
                "label": _("Barriere melden"),
                "url": f"{report_url}?{urlencode({'seite': request.path})}#rueckmeldung",
            }
        )
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    quarters_url = translate_url("/quartiere/", language)
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "main_nav": [
            {
                "label": _("Quartiere"),
                "url": quarters_url,
                "active": request.path.startswith(quarters_url),
            },
            {
                "label": _("Veranstaltungen"),
                "url": translate_url("/veranstaltungen/", language),
                "active": "/veranstaltungen/" in request.path,
            },
        ],
        "footer_links": footer_links,
    }

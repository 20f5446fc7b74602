from urllib.parse import urlencode

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from quartier.core.i18n import localized_path

from .models import StandardPage

# Slugs of the pages every German public site needs, in footer order.
FOOTER_PAGES = {
    "kontakt": gettext_lazy("Kontakt"),
    "barrierefreiheit": gettext_lazy("Barrierefreiheit"),
    "datenschutz": gettext_lazy("Datenschutz"),
    "impressum": gettext_lazy("Impressum"),
}

# (label, link, section whose pages mark the link as current)
MAIN_NAV = [
    (gettext_lazy("Quartiere"), "/quartiere/", "/quartiere/"),
    (gettext_lazy("Was ist los?"), "/veranstaltungen/", "/veranstaltungen/"),
    (gettext_lazy("Mitmachen"), "/mitmachen/ideen/", "/mitmachen/"),
    (gettext_lazy("Maßnahmen"), "/massnahmen/", "/massnahmen/"),
    (gettext_lazy("Akteure"), "/akteure/", "/akteure/"),
    (
        gettext_lazy("Nachbarschaftshilfe"),
        "/nachbarschaftshilfe/",
        "/nachbarschaftshilfe/",
    ),
    (gettext_lazy("Engagement"), "/engagement/", "/engagement/"),
    (gettext_lazy("Wirtschaft"), "/wirtschaft/", "/wirtschaft/"),
    (gettext_lazy("Verfügungsfonds"), "/verfuegungsfonds/", "/verfuegungsfonds/"),
]
# Only for people who are logged in: their relayed conversations.
MEMBER_NAV = [(gettext_lazy("Meine Nachrichten"), "/nachrichten/", "/nachrichten/")]


def site_navigation(request):
    """Main and footer links: one query for the footer pages of the active language."""

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
    main_nav = []
    links = MAIN_NAV + (MEMBER_NAV if request.user.is_authenticated else [])
    for label, path, section in links:
        url = localized_path(path, language)
        active = request.path.startswith(localized_path(section, language))
        main_nav.append({"label": label, "url": url, "active": active})
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "main_nav": main_nav,
        "footer_links": footer_links,
    }

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from quartier.api import views as api_views
from quartier.api.api import api
from quartier.cms import views as cms_views
from quartier.ops import views as ops_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("robots.txt", cms_views.robots_txt),
    path("healthz", ops_views.healthz),
    path("readyz", ops_views.readyz),
]

urlpatterns += i18n_patterns(
    path("konto/", include("quartier.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("mitmachen/", include("quartier.participation.urls")),
    path(
        "rueckmeldung/<id:page_id>/", cms_views.feedback_submit, name="feedback_submit"
    ),
    path("sitemap.xml", cms_views.sitemap),
    path("offene-daten/api/", api_views.reference, name="api_reference"),
    path("offene-daten/api/datenformate/", api_views.formats, name="api_formats"),
    path(
        "quartier/<slug:slug>/",
        cms_views.quarter_permalink,
        name="quarter_permalink",
    ),
    path("massnahmen/", include("quartier.measures.urls")),
    path("verfuegungsfonds/", include("quartier.funds.urls")),
    path("", include("quartier.community.urls")),
    path("veranstaltungen/", include("quartier.events.urls")),
    path("sozialmonitoring/", include("quartier.monitoring.urls")),
    # Wagtail serves every other path: the page tree is the site.
    re_path(r"", include(wagtail_urls)),
    prefix_default_language=False,
)

# Error pages in the site's layout; 400 and 500 render without the database.
handler400 = "quartier.cms.views.bad_request"
handler500 = "quartier.cms.views.server_error"

if settings.SERVE_MEDIA:
    from quartier.core.media import public_media

    # Public uploads (images) for small installations and the demo; a web server
    # should do this in larger ones, with the same allow-list (README). Fund
    # attachments and floor plans never: they go through permission-checked views.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", public_media)]

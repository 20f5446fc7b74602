from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from quartier.core.ratelimit import TOO_MANY, mail_form_refused

from .context_processors import MAIN_NAV
from .forms import FeedbackForm
from .models import QuarterPage, StandardPage
from .services import feedback_create
from .sitemaps import PageSitemap


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /konto/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def sitemap(request: HttpRequest) -> HttpResponse:
    return django_sitemap(request, sitemaps={"pages": PageSitemap(request)})


# --- Error pages: the site's layout, in the language of the address ---------------
# 403 and 404 are Django's handlers with our templates (they may use the database:
# the footer links come from the page tree). 400 and 500 render without it, below.


def _error_page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    """Render an error page without the database and without the request's host.

    The error may be the database itself (500), or a request Django refuses to trust
    (400: bad Host header), so no context processor runs: they query the page tree,
    the session and the user. The main menu needs neither.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    context = {
        "request": request,
        "user": AnonymousUser(),
        "LANGUAGE_CODE": language,
        "LANGUAGES": settings.LANGUAGES,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "main_nav": [
            {"label": label, "url": translate_url(path, language), "active": False}
            for label, path, _section in MAIN_NAV
        ],
        "without_database": True,
    }
    return HttpResponse(loader.render_to_string(template, context), status=status)


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(request, "400.html", 400)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    return _error_page(request, "500.html", 500)


@require_POST
def feedback_submit(request: HttpRequest, page_id: int) -> HttpResponse:
    """Takes the form at the end of the accessibility or contact page."""
    page = (
        StandardPage.objects.live().filter(pk=page_id).exclude(feedback_form="").first()
    )
    if page is None:
        raise Http404
    form = FeedbackForm(request.POST)
    if form.is_valid() and mail_form_refused(
        request, "feedback", target=f"page:{page.pk}"
    ):
        form.add_error(None, TOO_MANY)
    if form.is_valid():
        data = form.cleaned_data
        feedback_create(
            kind=data["kind"],
            message=data["message"],
            page_url=data["page_url"],
            name=data["name"],
            email=data["email"],
        )
        messages.success(
            request, _("Danke! Ihre Nachricht ist angekommen. Wir melden uns bald.")
        )
        return redirect(page.url)
    context = page.get_context(request)
    context["feedback_form"] = form
    return TemplateResponse(request, page.get_template(request), context)


def quarter_permalink(request: HttpRequest, slug: str) -> HttpResponse:
    """Other apps and the API link here; the page itself lives in the Wagtail tree."""
    pages = QuarterPage.objects.live().filter(quarter__slug=slug)
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    if page is None:
        raise Http404
    return redirect(page.url)

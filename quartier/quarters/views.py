from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from wagtail.models import Locale


def quarter_permalink(request: HttpRequest, slug: str) -> HttpResponse:
    """Other apps and the API link here; the page itself lives in the Wagtail tree."""
    from quartier.cms.models import QuarterPage

    pages = QuarterPage.objects.live().filter(quarter__slug=slug)
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    if page is None:
        raise Http404
    return redirect(page.url)

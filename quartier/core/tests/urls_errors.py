"""The site's URLs plus views that fail on purpose, for the error page tests."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.urls import path

from config import urls as site_urls


def _database_down(request):
    raise OperationalError("connection refused")


def _forbidden(request):
    raise PermissionDenied


def _suspicious(request):
    raise SuspiciousOperation("tampered")


urlpatterns = [
    *i18n_patterns(
        path("test-kaputt/", _database_down),
        path("test-verboten/", _forbidden),
        path("test-ungueltig/", _suspicious),
        prefix_default_language=False,
    ),
    *site_urls.urlpatterns,
]
handler400 = site_urls.handler400
handler500 = site_urls.handler500

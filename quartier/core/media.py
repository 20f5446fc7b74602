"""Serving public uploads from MEDIA_ROOT: only folders that are public by design.

Everything else under MEDIA_ROOT (fund attachments, vacancy floor plans, Wagtail
documents, whatever a later app stores) is private until it is listed here: an
allow-list fails closed, a pattern that excludes one folder fails open (``//funds``,
``./funds``, ``x/../funds`` and ``%2ffunds`` all slipped past ``(?!funds/)``).
"""

import posixpath

from django.conf import settings
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_safe
from django.views.static import serve

# Wagtail's originals and renditions, and idea photos (re-encoded, no EXIF).
PUBLIC_MEDIA_FOLDERS = ("original_images", "images", "ideas")


def public_media_path(path: str) -> str | None:
    """The normalised relative path if it lies inside a public folder, else None."""
    if "\\" in path or "\x00" in path:
        return None
    normalised = posixpath.normpath("/" + path).lstrip("/")
    parts = normalised.split("/")
    # normpath("/" + p) cannot climb above the root, so ".." never survives here;
    # a file directly in MEDIA_ROOT (one part) belongs to no public folder.
    if len(parts) < 2 or parts[0] not in PUBLIC_MEDIA_FOLDERS:
        return None
    return normalised


@require_safe
def public_media(request: HttpRequest, path: str) -> HttpResponseBase:
    """Serve a public upload (SERVE_MEDIA installations); anything else is a 404."""
    normalised = public_media_path(path)
    if normalised is None:
        raise Http404
    return serve(request, normalised, document_root=str(settings.MEDIA_ROOT))

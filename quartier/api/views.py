from django.shortcuts import render
from django.urls import reverse

from quartier.api.api import api
from quartier.api.reference import components, sections


def _schema():
    return api.get_openapi_schema(path_prefix="/api/v1/")


def reference(request):
    """The API's operations, under the language prefixes like every portal page."""
    return render(
        request,
        "api/reference.html",
        {
            "api": api,
            "openapi_url": reverse("api:openapi-json"),
            "formats_url": reverse("api_formats"),
            "sections": sections(schema := _schema()),
            "format_count": len(schema["components"]["schemas"]),
        },
    )


def formats(request):
    """The data formats the operations refer to, on a page of their own (page weight)."""
    return render(
        request,
        "api/formats.html",
        {
            "openapi_url": reverse("api:openapi-json"),
            "reference_url": reverse("api_reference"),
            "formats_url": "",
            "components": components(_schema()),
        },
    )

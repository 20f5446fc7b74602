from django.shortcuts import render
from django.urls import reverse

from quartier.api.api import api
from quartier.api.reference import components, sections


def reference(request):
    """The API reference, under the language prefixes like every portal page."""
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    return render(
        request,
        "api/reference.html",
        {
            "api": api,
            "openapi_url": reverse("api:openapi-json"),
            "sections": sections(schema),
            "components": components(schema),
        },
    )

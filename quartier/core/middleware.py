from dataclasses import replace as replace_parts

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django_htmx.http import HttpResponseClientRedirect

# The Wagtail admin sets inline styles; public pages never do.
RELAXED_STYLE_PATHS = settings.CONTENT_SECURITY_POLICY_ADMIN_PATHS


def is_page_preview(request: HttpRequest) -> bool:
    """Wagtail renders previews through a dummy request carrying the page's own path
    (so the admin-path rules below never see them) and marks it `is_preview`."""
    return getattr(request, "is_preview", False)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, plus Permissions-Policy and the relaxed admin policy."""

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if is_page_preview(request):
            # The page keeps its own strict policy; only the admin may frame it.
            return replace_parts(
                parts, replace={**(parts.replace or {}), "frame-ancestors": ["'self'"]}
            )
        path = request.path_info
        if report_only or not path.startswith(RELAXED_STYLE_PATHS):
            return parts
        replace = dict(parts.replace or {})
        replace["style-src"] = ["'self'", "'unsafe-inline'"]
        if path.startswith(settings.CONTENT_SECURITY_POLICY_ADMIN_PATHS):
            # The admin's editors still carry a few inline scripts; page previews
            # show the page in a same-origin frame.
            replace["script-src"] = ["'self'", "'unsafe-inline'"]
            replace["img-src"] = ["'self'", "data:", "blob:"]
            replace["frame-ancestors"] = ["'self'"]
        return replace_parts(parts, replace=replace)

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def admin_preview_frames(get_response):
    """Lets the admin frame itself and page previews; elsewhere X-Frame-Options is DENY.

    CSP frame-ancestors 'self' still guards both, see ContentSecurityPolicyMiddleware.
    """

    def middleware(request: HttpRequest) -> HttpResponseBase:
        response = get_response(request)
        if is_page_preview(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        elif request.path_info.startswith(settings.CONTENT_SECURITY_POLICY_ADMIN_PATHS):
            response.xframe_options_exempt = True
        return response

    return middleware


def htmx_client_redirects(get_response):
    """An htmx request that ends in a redirect reloads the browser at the new address.

    htmx follows a 302 itself and would swap the whole next page into the small box
    it targets (two headers, two <h1>). HX-Redirect makes htmx navigate instead. Views
    that can answer with a partial do so; this catches every other redirect.
    """

    def middleware(request: HttpRequest) -> HttpResponseBase:
        response = get_response(request)
        htmx = getattr(request, "htmx", None)  # set by django-htmx's middleware
        if (
            htmx
            and not htmx.boosted
            and response.status_code in {301, 302, 303, 307, 308}
        ):
            return HttpResponseClientRedirect(response["Location"])
        return response

    return middleware

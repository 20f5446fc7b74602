from dataclasses import replace

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# The Wagtail admin and the API docs (Swagger UI) set inline styles; both are ours, and
# scripts stay restricted to 'self' there too.
RELAXED_STYLE_PATHS = (*settings.CONTENT_SECURITY_POLICY_ADMIN_PATHS, "/api/v1/docs")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, plus Permissions-Policy and the relaxed admin policy."""

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(RELAXED_STYLE_PATHS):
            update = dict(parts.update or {})
            update["style-src"] = ["'unsafe-inline'"]
            if request.path_info.startswith(settings.CONTENT_SECURITY_POLICY_ADMIN_PATHS):
                # The admin's editors still carry a few inline event handlers.
                update["script-src"] = ["'unsafe-inline'"]
                update["img-src"] = ["blob:"]
            parts = replace(parts, update=update)
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

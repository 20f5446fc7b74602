from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Feedback


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    icon = "mail"
    menu_label = _("Rückmeldungen")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["__str__", "kind", "status", "page_url"]
    list_filter = ["kind", "status"]
    form_fields = ["status", "kind", "message", "page_url", "name", "email"]


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackViewSet("feedback")

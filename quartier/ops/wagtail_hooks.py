from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from quartier.quarters.permissions import CITY_EDITORS, is_city_editor

from .models import JobRun


class CityEditorsMayViewPolicy(BasePermissionPolicy):
    """Runs are a record: city editors read them, nobody edits them in the admin."""

    def user_has_permission(self, user, action):
        return action in {"view", "inspect"} and is_city_editor(user)

    def users_with_any_permission(self, actions):
        users = get_user_model()._default_manager
        if not {"view", "inspect"} & set(actions):
            return users.none()
        return users.filter(
            Q(is_superuser=True) | Q(groups__name=CITY_EDITORS), is_active=True
        ).distinct()


register_permission_policy(JobRun, CityEditorsMayViewPolicy(JobRun))


class JobRunViewSet(ModelViewSet):
    model = JobRun
    icon = "time"
    menu_label = _("Geplante Aufgaben")
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_display = ["job", "period", "status", "started_at", "finished_at", "worker"]
    list_filter = ["job", "status"]
    inspect_view_fields = [
        "job",
        "period",
        "status",
        "claimed_at",
        "started_at",
        "finished_at",
        "worker",
        "result",
    ]
    # Required by ModelViewSet for its (unreachable) add and edit forms.
    form_fields = ["job", "period", "status", "result"]


@hooks.register("register_admin_viewset")
def register_viewset():
    return JobRunViewSet("jobruns")

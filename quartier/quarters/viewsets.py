"""Admin viewsets whose rows belong to a quarter: each team sees and edits only its own."""

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.ordering import ReorderView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Quarter
from .permissions import is_city_editor

# Any of these on the model: the row must still belong to the user's quarters.
SCOPE_ACTIONS = ["add", "change", "view", "delete"]


def scoped_rows(view):
    """The rows of `view.model` the user may reach at all, through the permission policy.

    Wagtail's generic views check model permissions only and fetch rows by pk; every
    view that takes a pk fetches through this instead, so another quarter's row is a
    404 (a 403 would confirm that it exists).
    """
    return view.permission_policy.instances_user_has_any_permission_for(
        view.request.user, SCOPE_ACTIONS
    )


class QuarterScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        rows = scoped_rows(self)
        # Wagtail prints a ForeignKey column by reading the relation row by row.
        related = [
            name
            for name in self.list_display
            if isinstance(name, str) and _is_forward_relation(self.model, name)
        ]
        return rows.select_related(*related) if related else rows


def _is_forward_relation(model, name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False  # a method or property column
    return field.many_to_one or (field.one_to_one and field.concrete)


class QuarterScopedObjectMixin:
    """For Wagtail's SingleObjectMixin views (edit, delete)."""

    def get_queryset(self):
        return scoped_rows(self)


class QuarterScopedEditView(QuarterScopedObjectMixin, generic.EditView):
    pass


class QuarterScopedDeleteView(QuarterScopedObjectMixin, generic.DeleteView):
    pass


class QuarterScopedCopyView(generic.CopyView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            scoped_rows(self), pk=unquote(str(self.kwargs[self.pk_url_kwarg]))
        )


class QuarterScopedInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(scoped_rows(self), pk=unquote(str(self.pk)))


class QuarterScopedHistoryView(history.HistoryView):
    def get_base_object_queryset(self):
        return scoped_rows(self)


class QuarterScopedUsageView(usage.UsageView):
    def get_base_object_queryset(self):
        return scoped_rows(self)


class QuarterScopedReorderView(ReorderView):
    def get_queryset(self):
        return scoped_rows(self).order_by(self.sort_order_field)

    def post(self, request, *args, **kwargs):
        get_object_or_404(self.get_queryset(), pk=unquote(str(kwargs.get("pk"))))
        return super().post(request, *args, **kwargs)


class QuarterScopedForm(WagtailAdminModelForm):
    """Offers in the "quarter" field only the quarters the editing user manages."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("quarter")
        if field is not None and for_user is not None:
            field.queryset = Quarter.objects.for_user(for_user)

    def clean_quarter(self):
        quarter = self.cleaned_data["quarter"]
        if quarter is None:
            # Rows without a quarter are city-wide (shared venues, fields of action):
            # the city editors' to keep.
            if self.for_user is not None and not is_city_editor(self.for_user):
                raise forms.ValidationError(_("Bitte ein Quartier wählen."))
            return None
        if (
            self.for_user is not None
            and not Quarter.objects.for_user(self.for_user)
            .filter(pk=quarter.pk)
            .exists()
        ):
            raise forms.ValidationError(
                forms.ModelChoiceField.default_error_messages["invalid_choice"]
            )
        return quarter


class QuarterScopedViewSet(ModelViewSet):
    """Every view of the viewset reaches only the rows the permission policy allows.

    Use it for every model a quarter owns (directly or through another row), with its
    policy registered via `register_permission_policy`; subclass the scoped view
    classes above when a view needs more. Set
    `edit_handler = ObjectList([...], base_form_class=QuarterScopedForm)` on subclasses.
    The admin URL walk (quarters/tests/test_admin_url_walk.py) checks all of them.
    """

    index_view_class = QuarterScopedIndexView
    edit_view_class = QuarterScopedEditView
    delete_view_class = QuarterScopedDeleteView
    copy_view_class = QuarterScopedCopyView
    inspect_view_class = QuarterScopedInspectView
    history_view_class = QuarterScopedHistoryView
    usage_view_class = QuarterScopedUsageView
    reorder_view_class = QuarterScopedReorderView

"""Admin viewsets whose rows belong to a quarter: each team sees and edits only its own."""

from django import forms
from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Quarter


class QuarterScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view", "delete"]
        )


class QuarterScopedObjectMixin:
    """Wagtail's generic edit and delete views check model permissions only: add the row."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        allowed = self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_required, obj
        )
        if not allowed:
            raise Http404  # a 403 would tell strangers the object exists
        return obj


class QuarterScopedEditView(QuarterScopedObjectMixin, generic.EditView):
    pass


class QuarterScopedDeleteView(QuarterScopedObjectMixin, generic.DeleteView):
    pass


class QuarterScopedForm(WagtailAdminModelForm):
    """Offers in the "quarter" field only the quarters the editing user manages."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("quarter")
        if field is not None and for_user is not None:
            field.queryset = Quarter.objects.for_user(for_user)

    def clean_quarter(self):
        quarter = self.cleaned_data["quarter"]
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
    """Set `edit_handler = ObjectList([...], base_form_class=QuarterScopedForm)` on subclasses."""

    index_view_class = QuarterScopedIndexView
    edit_view_class = QuarterScopedEditView
    delete_view_class = QuarterScopedDeleteView

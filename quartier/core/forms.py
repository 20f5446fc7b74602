from django import forms


class AccessibleBoundField(forms.BoundField):
    """Ties a field's error message to its input, so screen readers read both."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:
            attrs["aria-invalid"] = "true"
            error_id = f"{self.auto_id}_error"
            described = attrs.get("aria-describedby", "")
            attrs["aria-describedby"] = f"{described} {error_id}".strip()
        return attrs


class AccessibleFormMixin:
    bound_field_class = AccessibleBoundField

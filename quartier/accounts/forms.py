from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NotificationSettings, User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name"]


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = [
            "email_answer",
            "email_status",
            "email_reply",
            "email_moderation",
            "daily_digest",
        ]


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "Ja, mein Konto soll gelöscht werden. Meine Beiträge bleiben als „gelöschtes Konto“ stehen."
        )
    )
    password = forms.CharField(
        label=_("Passwort zur Bestätigung"), widget=forms.PasswordInput
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht."))
        return password

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import services
from .forms import DeleteAccountForm, NotificationSettingsForm, ProfileForm
from .models import Notification, NotificationKind, User
from .tasks import UNSUBSCRIBE_SALT


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ihr Profil ist gespeichert."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    prefs = services.notification_settings_for(request.user)
    form = NotificationSettingsForm(request.POST or None, instance=prefs)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ihre Einstellungen sind gespeichert."))
        return redirect("accounts:notification_settings")
    return render(request, "accounts/notification_settings.html", {"form": form})


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        services.notifications_mark_read(user=request.user)
        return redirect("accounts:notifications")
    page_obj = Paginator(Notification.objects.filter(user=request.user), 30).get_page(
        request.GET.get("seite")
    )
    return render(
        request,
        "accounts/notification_list.html",
        {"page_obj": page_obj, "notifications": page_obj.object_list},
    )


@login_required
def data_download(request: HttpRequest) -> HttpResponse:
    data = services.account_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="meine-daten.json"'
    return response


@login_required
def account_delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.success(request, _("Ihr Konto ist gelöscht."))
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})


# Mail clients post here without a session or CSRF token (RFC 8058 one-click);
# the signed token is the authorisation.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = User.objects.get(pk=data["u"])
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError) as error:
        raise Http404 from error
    kind = data.get("k")
    valid = {k.value for k in NotificationKind} | {"digest"}
    if kind not in valid:
        raise Http404
    label = (
        NotificationKind(kind).label
        if kind != "digest"
        else _("Tägliche Zusammenfassung")
    )
    if request.method == "POST":
        prefs = services.notification_settings_for(user)
        if kind == "digest":
            for k in NotificationKind:
                setattr(prefs, f"email_{k.value}", False)
        else:
            setattr(prefs, f"email_{kind}", False)
        prefs.save()
        return render(
            request, "accounts/unsubscribe.html", {"done": True, "label": label}
        )
    return render(request, "accounts/unsubscribe.html", {"done": False, "label": label})

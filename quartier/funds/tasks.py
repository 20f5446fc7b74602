"""Mails of the fund workflow, sent by the task worker after the commit."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .models import FundApplication, StatusChange

REMINDER_INTERVAL_DAYS = 14


@task()
def send_status_notification(change_id: int) -> None:
    """Tell the applicant that the team moved their application on."""

    change = StatusChange.objects.select_related("application__applicant").get(
        pk=change_id
    )
    application = change.application
    if application.applicant is None:
        return
    lines = [
        _("Ihr Antrag „%(title)s“ hat einen neuen Stand: %(status)s.")
        % {"title": application, "status": change.get_to_status_display()},
    ]
    if change.reason:
        lines.append(_("Nachricht des Quartiersteams:") + "\n" + change.reason)
    lines.append(
        _("Alles Weitere: %(url)s")
        % {"url": settings.SITE_URL + application.get_absolute_url()}
    )
    send_mail(
        subject=_("Verfügungsfonds: %(status)s")
        % {"status": change.get_to_status_display()},
        message="\n\n".join(lines),
        from_email=None,
        recipient_list=[application.applicant.email],
    )


@task()
def send_team_notification(application_id: int) -> None:
    """Tell the quarter team that an application was submitted (or resubmitted)."""

    application = FundApplication.objects.select_related("fund__quarter__team").get(
        pk=application_id
    )
    team = application.fund.quarter.team
    emails = list(team.user_set.values_list("email", flat=True)) if team else []
    if not emails:
        return
    send_mail(
        subject=_("Neuer Antrag im %(fund)s: %(title)s")
        % {"fund": application.fund, "title": application},
        message=_("Bitte prüfen: %(url)s")
        % {"url": settings.SITE_URL + application.get_absolute_url()},
        from_email=None,
        recipient_list=emails,
    )


@task()
def send_proof_reminders() -> int:
    """Remind applicants whose proof of use is overdue; at most every two weeks each."""

    today = timezone.localdate()
    quiet_since = today - datetime.timedelta(days=REMINDER_INTERVAL_DAYS)
    overdue = (
        FundApplication.objects.proof_overdue(today)
        .exclude(applicant=None)
        .exclude(last_reminder_on__gt=quiet_since)
        .select_related("applicant")
    )
    sent = 0
    for application in overdue:
        send_mail(
            subject=_("Erinnerung: Verwendungsnachweis für „%(title)s“")
            % {"title": application},
            message=_(
                "Der Verwendungsnachweis für Ihr Projekt „%(title)s“ war am %(due)s fällig. "
                "Bitte laden Sie Ihren Kurzbericht und die Belege hoch: %(url)s"
            )
            % {
                "title": application,
                "due": application.proof_due_on.strftime("%d.%m.%Y"),
                "url": settings.SITE_URL + application.get_absolute_url(),
            },
            from_email=None,
            recipient_list=[application.applicant.email],
        )
        application.last_reminder_on = today
        application.save(update_fields=["last_reminder_on"])
        sent += 1
    return sent

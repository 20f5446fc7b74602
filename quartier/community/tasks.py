"""Mails of the community app. They relay content, never the sender's address."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, send_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from quartier.quarters.permissions import MODERATORS

from .models import (
    HelpPost,
    HelpPostReport,
    Membership,
    Message,
    Organisation,
    Vacancy,
    VacancyEnquiry,
)


def _url(path: str) -> str:
    return settings.SITE_URL + path


def _team_emails(organisation) -> list[str]:
    User = get_user_model()
    return sorted(
        set(
            User.objects.filter(
                groups__managed_quarter__in=organisation.quarters.all(), is_active=True
            ).values_list("email", flat=True)
        )
    )


def _organisation_emails(organisation) -> list[str]:
    """Verified members first; else the entry's hidden address; else its teams."""
    members = list(
        organisation.memberships.filter(
            verified_at__isnull=False, user__is_active=True
        ).values_list("user__email", flat=True)
    )
    if members:
        return members
    if organisation.contact_email:
        return [organisation.contact_email]
    return _team_emails(organisation)


@task()
def send_message_notification(message_id: int) -> None:

    message = Message.objects.select_related(
        "conversation__organisation", "conversation__starter", "sender"
    ).get(pk=message_id)
    conversation = message.conversation
    if message.sender_id is None or conversation.other_side_gone:
        return  # an account was deleted before the mail went out: nobody to tell
    if conversation.organisation_id and message.sender_id == conversation.starter_id:
        recipients = _organisation_emails(conversation.organisation)
        sender_name = message.sender.public_name
    elif conversation.organisation_id:
        recipients = [conversation.starter.email]
        sender_name = conversation.organisation.name
    else:
        other = (
            conversation.recipient
            if message.sender_id == conversation.starter_id
            else conversation.starter
        )
        recipients = [other.email]
        sender_name = message.sender.public_name
    body = "\n\n".join(
        [
            _("%(name)s hat Ihnen über das Portal geschrieben:")
            % {"name": sender_name},
            message.body,
            _(
                "Antworten Sie bitte im Portal (Ihre E-Mail-Adresse bleibt verborgen): %(url)s"
            )
            % {"url": _url(conversation.get_absolute_url())},
        ]
    )
    send_mail(
        subject=_("Neue Nachricht: %(subject)s") % {"subject": conversation.subject},
        message=body,
        from_email=None,
        recipient_list=recipients,
    )


@task()
def send_claim_notification(membership_id: int) -> None:

    membership = Membership.objects.select_related("organisation", "user").get(
        pk=membership_id
    )
    recipients = _team_emails(membership.organisation)
    if not recipients:
        return
    body = "\n\n".join(
        [
            _("%(name)s möchte den Eintrag „%(organisation)s“ betreuen.")
            % {
                "name": membership.user.public_name,
                "organisation": membership.organisation.name,
            },
            membership.message,
            _("Prüfen und bestätigen: %(url)s")
            % {"url": _url(reverse("community:claim_list"))},
        ]
    )
    send_mail(
        subject=_("Eintrag beansprucht: %(organisation)s")
        % {"organisation": membership.organisation.name},
        message=body,
        from_email=None,
        recipient_list=recipients,
    )


@task()
def send_claim_decision(membership_id: int) -> None:

    membership = Membership.objects.select_related("organisation", "user").get(
        pk=membership_id
    )
    send_mail(
        subject=_("Bestätigt: Sie betreuen „%(organisation)s“")
        % {"organisation": membership.organisation.name},
        message=_(
            "Das Quartiersteam hat bestätigt, dass Sie für „%(organisation)s“ handeln. "
            "Sie können den Eintrag jetzt bearbeiten: %(url)s"
        )
        % {
            "organisation": membership.organisation.name,
            "url": _url(membership.organisation.get_absolute_url()),
        },
        from_email=None,
        recipient_list=[membership.user.email],
    )


@task()
def send_claim_rejection(user_id: int, organisation_id: int) -> None:

    user = get_user_model().objects.get(pk=user_id)
    organisation = Organisation.objects.get(pk=organisation_id)
    send_mail(
        subject=_("Nicht bestätigt: %(organisation)s")
        % {"organisation": organisation.name},
        message=_(
            "Das Quartiersteam konnte nicht bestätigen, dass Sie für „%(organisation)s“ "
            "handeln. Bei Fragen wenden Sie sich bitte an das Quartiersbüro."
        )
        % {"organisation": organisation.name},
        from_email=None,
        recipient_list=[user.email],
    )


@task()
def send_help_post_reminder(post_id: int) -> None:

    post = HelpPost.objects.select_related("author").get(pk=post_id)
    send_mail(
        subject=_("Ihr Eintrag läuft bald ab: %(title)s") % {"title": post.title},
        message=_(
            "Ihr Eintrag „%(title)s“ ist noch bis %(date)s sichtbar. Verlängern oder als "
            "erledigt markieren: %(url)s"
        )
        % {
            "title": post.title,
            "date": post.expires_on.strftime("%d.%m.%Y"),
            "url": _url(post.get_absolute_url()),
        },
        from_email=None,
        recipient_list=[post.author.email],
    )


@task()
def send_report_notification(report_id: int) -> None:

    report = HelpPostReport.objects.select_related("post").get(pk=report_id)
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=MODERATORS, is_active=True)
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    send_mail(
        subject=_("Meldung: %(title)s") % {"title": report.post.title},
        message=_("Grund: %(reason)s\n%(note)s\n\nModeration: %(url)s")
        % {
            "reason": report.get_reason_display(),
            "note": report.note,
            "url": _url(reverse("community:help_moderation")),
        },
        from_email=None,
        recipient_list=recipients,
    )


@task()
def send_vacancy_enquiry(enquiry_id: int) -> None:

    enquiry = VacancyEnquiry.objects.select_related("vacancy").get(pk=enquiry_id)
    vacancy = enquiry.vacancy
    body = "\n\n".join(
        [
            _("Anfrage zu „%(title)s“, %(address)s von %(name)s:")
            % {
                "title": vacancy.title,
                "address": vacancy.address,
                "name": enquiry.name,
            },
            enquiry.message,
            _("Mit „Antworten“ erreichen Sie die anfragende Person direkt."),
        ]
    )
    EmailMessage(
        subject=_("Anfrage Leerstand: %(title)s") % {"title": vacancy.title},
        body=body,
        to=[vacancy.contact_email],
        # The enquirer gave their address for exactly this; the site never shows it.
        reply_to=[enquiry.email],
    ).send()


@task()
def send_vacancy_submitted(vacancy_id: int) -> None:

    vacancy = Vacancy.objects.select_related("quarter").get(pk=vacancy_id)
    User = get_user_model()
    recipients = sorted(
        set(
            User.objects.filter(
                groups__managed_quarter=vacancy.quarter, is_active=True
            ).values_list("email", flat=True)
        )
    )
    if not recipients:
        return
    edit_url = _url(reverse("vacancies:edit", args=[vacancy.pk]))
    send_mail(
        subject=_("Neuer Leerstand gemeldet: %(title)s") % {"title": vacancy.title},
        message=_(
            "Eine Eigentümerin oder ein Eigentümer hat einen Leerstand gemeldet: "
            "%(title)s, %(street)s. Bitte prüfen und veröffentlichen: %(url)s"
        )
        % {"title": vacancy.title, "street": vacancy.street, "url": edit_url},
        from_email=None,
        recipient_list=recipients,
    )

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from quartier.accounts.tests.factories import UserFactory
from quartier.funds.models import (
    COMMITTED_STATES,
    CostItem,
    Fund,
    FundApplication,
    JuryMember,
    Payment,
    Status,
)
from quartier.quarters.tests.factories import QuarterFactory


class FundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fund

    quarter = factory.SubFactory(QuarterFactory)
    name = factory.Sequence(lambda n: f"Verfügungsfonds {n}")
    slug = factory.Sequence(lambda n: f"fonds-{n}")
    yearly_budget = Decimal("5000.00")
    max_per_application = Decimal("1000.00")
    eligible = "Alle, die im Quartier wohnen oder arbeiten."
    funded = "Kleine Projekte für die Nachbarschaft."
    decision_body = "Bewohnerjury"


class JuryMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JuryMember

    fund = factory.SubFactory(FundFactory)
    user = factory.SubFactory(UserFactory)


class FundApplicationFactory(factory.django.DjangoModelFactory):
    """A complete application; `status` sets the fields that state needs, no log."""

    class Meta:
        model = FundApplication
        skip_postgeneration_save = True

    fund = factory.SubFactory(FundFactory)
    applicant = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Projekt {n}")
    summary = "Ein Fest für die ganze Straße."
    description = "Wir feiern mit Musik, Essen und Spielen für Kinder."
    category = FundApplication.Category.CULTURE
    contact_name = "Erika Mustermann"
    address = "Musterweg 1, 49074 Osnabrück"
    iban = "DE02120300000000202051"
    status = Status.DRAFT

    @factory.lazy_attribute
    def submitted_at(self):
        return None if self.status == Status.DRAFT else timezone.now()

    @factory.lazy_attribute
    def approved_amount(self):
        return Decimal("500.00") if self.status in COMMITTED_STATES else None

    @factory.lazy_attribute
    def budget_year(self):
        return timezone.localdate().year if self.status in COMMITTED_STATES else None

    @factory.lazy_attribute
    def decided_at(self):
        return timezone.now() if self.status in COMMITTED_STATES else None

    @factory.lazy_attribute
    def proof_due_on(self):
        if self.status in (Status.LETTER_SENT, Status.PAID):
            return timezone.localdate() + datetime.timedelta(days=60)
        return None

    @factory.post_generation
    def costs(application, create, extracted, **kwargs):
        if not create:
            return
        amounts = (
            extracted if extracted is not None else [Decimal("300"), Decimal("200")]
        )
        CostItem.objects.bulk_create(
            CostItem(
                application=application, description=f"Posten {i}", amount=a, position=i
            )
            for i, a in enumerate(amounts)
        )
        if application.status in (
            Status.PAID,
            Status.PROOF_SUBMITTED,
            Status.PROOF_CHECKED,
            Status.CLOSED,
        ):
            Payment.objects.create(
                application=application,
                amount=application.approved_amount,
                paid_on=timezone.localdate(),
            )

import datetime as dt

import factory
from django.utils import timezone

from quartier.accounts.tests.factories import UserFactory
from quartier.participation.models import (
    CallForIdeas,
    Category,
    Comment,
    Idea,
    Poll,
    PollOption,
    PollQuestion,
)
from quartier.quarters.tests.factories import QuarterFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    quarter = factory.SubFactory(QuarterFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Idee {n}")
    description = "Eine Bank am Weg."
    category = factory.SubFactory(CategoryFactory)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    idea = factory.SubFactory(IdeaFactory)
    author = factory.SubFactory(UserFactory)
    body = "Finde ich gut."


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallForIdeas

    quarter = factory.SubFactory(QuarterFactory)
    title = "Mehr Grün"
    question = "Wo fehlen Bäume?"
    starts_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))


class PollFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Poll
        skip_postgeneration_save = True

    quarter = factory.SubFactory(QuarterFactory)
    title = "Öffnungszeiten"
    starts_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))

    @factory.post_generation
    def questions(poll, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        single = PollQuestion.objects.create(poll=poll, text="Wann?", kind="single")
        for text in ["Abends", "Morgens"]:
            PollOption.objects.create(question=single, text=text)
        multiple = PollQuestion.objects.create(
            poll=poll, text="Was noch?", kind="multiple", sort_order=1
        )
        for text in ["Beratung", "Kurse"]:
            PollOption.objects.create(question=multiple, text=text)
        PollQuestion.objects.create(poll=poll, text="Sonst?", kind="text", sort_order=2)

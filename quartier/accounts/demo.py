"""Demo roles: one account per role, all fictional, one shared demo password."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from quartier.quarters.models import Quarter
from quartier.quarters.permissions import CITY_EDITORS, MODERATORS

from .models import User
from .services import roles_ensure


def demo_account(
    email: str,
    display_name: str,
    *,
    password: str | None = None,
    groups=(),
    superuser: bool = False,
) -> tuple[User, bool]:
    """The demo person with `email`, created if missing; returns (user, created).

    Every demo app creates its people through here. With `password` the account can log
    in, even if another app's demo created it first without one: the login table printed
    by `seed_demo` must hold for every address it lists. Without `password` a new account
    gets an unusable one (people who only appear as authors).
    """
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        factory = (
            User.objects.create_superuser if superuser else User.objects.create_user
        )
        user = factory(email=email, password=password, display_name=display_name)
        if password is None:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.groups.add(*groups)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    elif password is not None and not user.has_usable_password():
        user.set_password(password)
        user.save(update_fields=["password"])
    return user, created


def seed(password: str) -> list[tuple[str, str]]:
    """Create the demo accounts; returns (role, email) for the login table."""
    roles_ensure()
    accounts = [
        ("Administration (alle Rechte)", "admin@quartier.example", "Admin", (), True),
        (
            "Stadtredaktion",
            "redaktion@quartier.example",
            "Stadtredaktion",
            (Group.objects.get(name=CITY_EDITORS),),
            False,
        ),
        (
            "Moderation",
            "moderation@quartier.example",
            "Moderation",
            (Group.objects.get(name=MODERATORS),),
            False,
        ),
        (
            "Bewohnerin (Erika Mustermann)",
            "erika@quartier.example",
            "Erika M.",
            (),
            False,
        ),
    ]
    for quarter in Quarter.objects.exclude(team=None).select_related("team"):
        accounts.append(
            (
                f"Quartiersteam {quarter.short_name}",
                f"team-{quarter.slug}@quartier.example",
                f"Team {quarter.short_name}",
                (quarter.team,),
                False,
            )
        )
    for _role, email, name, groups, superuser in accounts:
        demo_account(email, name, password=password, groups=groups, superuser=superuser)
    return [(role, email) for role, email, *_ in accounts]

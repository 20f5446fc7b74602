"""Community and local economy: actors, volunteering, neighbourhood help, vacant units.

Messages between residents and organisations go through `Conversation`/`Message`, so no
email address is ever shown on the site.
"""

from .directory import (
    Language,
    Membership,
    Organisation,
    OrganisationClosure,
    OrganisationHours,
    TargetGroup,
)
from .economy import (
    CommercialStock,
    Vacancy,
    VacancyEnquiry,
    VacancyPhoto,
    floor_plan_path,
)
from .engagement import Opportunity
from .help import (
    HELP_POST_DAYS,
    REMINDER_DAYS,
    Conversation,
    HelpPost,
    HelpPostReport,
    Message,
    default_expiry,
)

__all__ = [
    "HELP_POST_DAYS",
    "REMINDER_DAYS",
    "CommercialStock",
    "Conversation",
    "HelpPost",
    "HelpPostReport",
    "Language",
    "Membership",
    "Message",
    "Opportunity",
    "Organisation",
    "OrganisationClosure",
    "OrganisationHours",
    "TargetGroup",
    "Vacancy",
    "VacancyEnquiry",
    "VacancyPhoto",
    "default_expiry",
    "floor_plan_path",
]

"""Verfügungsfonds: a quarter's small fund, its rounds, jury and the applications to it."""

# `attachment_path` is named by path in a migration (the upload_to of attachments).
from .application import (  # noqa: F401
    Attachment,
    CostItem,
    FundApplication,
    FundApplicationQuerySet,
    StatusChange,
    attachment_path,
)
from .fund import (  # noqa: F401
    CENT,
    ZERO,
    Fund,
    FundQuerySet,
    FundRound,
    JuryMember,
    Meeting,
    money_field,
)
from .records import ConflictOfInterest, Payment, Vote  # noqa: F401
from .status import (  # noqa: F401
    COMMITTED_STATES,
    EDITABLE_STATES,
    FINAL_STATES,
    TRANSITIONS,
    InvalidTransition,
    Status,
)

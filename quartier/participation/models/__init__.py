"""Participation: ideas with supports and comments, calls for ideas, polls, moderation."""

from .base import (  # noqa: F401
    CallForIdeas,
    Category,
    Period,
    PeriodQuerySet,
    Phase,
    QuarterParticipationSettings,
)
from .ideas import (  # noqa: F401
    Comment,
    CommentQuerySet,
    Idea,
    IdeaImage,
    IdeaQuerySet,
    ModerationAction,
    ModerationActionQuerySet,
    Report,
    ReportQuerySet,
    Support,
    Visibility,
)
from .polls import Poll, PollAnswer, PollOption, PollQuestion, PollResponse  # noqa: F401

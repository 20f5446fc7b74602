"""Views of participation: ideas and comments, moderation, calls for ideas and polls."""

from .ideas import (  # noqa: F401
    comment_create,
    comment_delete,
    comment_edit,
    idea_choose_quarter,
    idea_create,
    idea_detail,
    idea_detail_context,
    idea_feedback,
    idea_image_add,
    idea_list,
    idea_support,
)
from .moderation import moderate, moderation_queue, report_create  # noqa: F401
from .periods import (  # noqa: F401
    call_context,
    call_detail,
    call_list,
    poll_detail,
    poll_export,
    poll_list,
)

"""Views of the Verfügungsfonds: glue between permissions, forms and services."""

from .applicant import application_edit, application_start, my_applications  # noqa: F401
from .public import fund_detail, fund_index  # noqa: F401
from .status import (  # noqa: F401
    application_action,
    application_conflict,
    application_decide,
    application_detail,
    application_detail_context,
    application_letter,
    application_payment,
    application_proof,
    application_vote,
    attachment_download,
    attachment_upload,
)
from .team import (  # noqa: F401
    fund_jury,
    fund_manage,
    fund_report,
    fund_report_export,
    meeting_create,
    meeting_minutes,
)

"""Role grants of the editorial app (the pages themselves are granted in roles_ensure)."""

from quartier.quarters.permissions import CITY_EDITORS

# Model permissions of each role in this app, collected by `role_permissions`.
ROLE_GRANTS = {
    CITY_EDITORS: ["cms.view_feedback", "cms.change_feedback"],
}

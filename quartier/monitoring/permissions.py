"""Who may do what with the monitoring data: the figures are public, imports are not."""

import rules

from quartier.quarters.permissions import CITY_EDITORS, is_city_editor

# The city's statisticians work in the "Stadtredaktion": only they load figures.
can_import_values = is_city_editor

rules.add_perm("monitoring.import_values", can_import_values)
rules.add_perm("monitoring.manage_monitoring", is_city_editor)

# Model permissions per role, collected by `quarters.permissions.role_permissions`.
ROLE_GRANTS = {
    CITY_EDITORS: [
        "monitoring.add_area",
        "monitoring.change_area",
        "monitoring.add_indicator",
        "monitoring.change_indicator",
        "monitoring.add_indexscheme",
        "monitoring.change_indexscheme",
    ],
}

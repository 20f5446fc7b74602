"""Who may do what with the monitoring data: the figures are public, imports are not."""

import rules

from quartier.quarters.permissions import is_city_editor

# The city's statisticians work in the "Stadtredaktion": only they load figures.
can_import_values = is_city_editor

rules.add_perm("monitoring.import_values", can_import_values)
rules.add_perm("monitoring.manage_monitoring", is_city_editor)

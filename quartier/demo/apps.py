from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The Osnabrück demo: `manage.py seed_demo` calls each app's `demo.py` in order.

    It is the one app that imports every other (ARCHITECTURE.md, "Imports"), so it sits
    above them all instead of in `core`, which every app imports.
    """

    name = "quartier.demo"
    label = "demo"
    verbose_name = "Demo"

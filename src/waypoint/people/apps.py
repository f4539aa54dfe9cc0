from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "waypoint.people"
    verbose_name = _("People")

    def ready(self) -> None:
        from waypoint.accounts.scoping import PERSONAL_DATA_ROLES
        from waypoint.core.navigation import Panel, register_panel
        from waypoint.people.queries import registrations_summary

        register_panel(
            Panel(
                "people/panel_registrations.html",
                registrations_summary,
                roles=frozenset(PERSONAL_DATA_ROLES),
                order=10,
            )
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "waypoint.people"
    verbose_name = _("People")

    def ready(self) -> None:
        from waypoint.core.navigation import NavItem, Panel, register, register_panel
        from waypoint.people.access import ROLES, Work
        from waypoint.people.queries import registrations_summary

        register(NavItem(_("People"), "people:list", roles=ROLES[Work.READ], order=10))
        register(
            NavItem(
                _("Register"),
                "people:register",
                order=11,
                roles=ROLES[Work.REGISTER],
            )
        )
        register_panel(
            Panel(
                "people/panel_registrations.html",
                registrations_summary,
                roles=ROLES[Work.READ],
                order=10,
            )
        )

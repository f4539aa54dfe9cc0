from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "waypoint.people"
    verbose_name = _("People")

    def ready(self) -> None:
        from waypoint.accounts.models import Role
        from waypoint.accounts.scoping import PERSONAL_DATA_ROLES
        from waypoint.core.navigation import NavItem, Panel, register, register_panel
        from waypoint.people.queries import registrations_summary

        register(NavItem(_("People"), "people:list", roles=PERSONAL_DATA_ROLES, order=10))
        register(
            NavItem(
                _("Register"),
                "people:register",
                order=11,
                roles={Role.REGISTRATION_OFFICER, Role.ADMINISTRATOR},
            )
        )
        register_panel(
            Panel(
                "people/panel_registrations.html",
                registrations_summary,
                roles=frozenset(PERSONAL_DATA_ROLES),
                order=10,
            )
        )

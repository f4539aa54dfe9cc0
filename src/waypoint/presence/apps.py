from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PresenceConfig(AppConfig):
    name = "waypoint.presence"
    verbose_name = _("Presence")

    def ready(self) -> None:
        from waypoint.core.navigation import NavItem, Panel, register, register_panel
        from waypoint.presence.access import READ_ROLES, WORKING_ROLES
        from waypoint.presence.panels import presence_panel

        register(NavItem(_("Presence"), "presence:rounds", roles=READ_ROLES, order=45))
        register(NavItem(_("Locations"), "presence:locations", roles=WORKING_ROLES, order=46))
        register(
            NavItem(_("Flow monitoring"), "presence:flow_points", roles=WORKING_ROLES, order=47)
        )
        register_panel(
            Panel("presence/panel.html", presence_panel, roles=frozenset(READ_ROLES), order=45)
        )

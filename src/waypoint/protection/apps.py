from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProtectionConfig(AppConfig):
    name = "waypoint.protection"
    verbose_name = _("Protection")

    def ready(self) -> None:
        from waypoint.core.navigation import (
            Fragment,
            NavItem,
            Panel,
            register,
            register_fragment,
            register_panel,
        )
        from waypoint.people.timeline import register_timeline_source
        from waypoint.protection.access import LANDING_PANEL_ROLES, ROLES, Work
        from waypoint.protection.queries import (
            protection_flag_fragment,
            protection_panel,
            residents_needing_follow_up,
            timeline_protection,
        )
        from waypoint.reception.queries import register_vulnerability_counter

        register(NavItem(_("Protection"), "protection:home", roles=ROLES[Work.READ], order=40))
        # Incidents and outreach are reached from the protection page: the bar stays short.
        register_panel(
            Panel(
                "protection/panel.html",
                protection_panel,
                roles=LANDING_PANEL_ROLES,
                order=20,
            )
        )
        register_vulnerability_counter(residents_needing_follow_up)
        # Another app's person page shows the flag by rendering the fragments of slot "person".
        register_fragment(
            "person", Fragment("protection/partials/flag.html", protection_flag_fragment, order=60)
        )
        # registers into people.timeline: screenings and referrals, for protection staff only
        register_timeline_source(timeline_protection)

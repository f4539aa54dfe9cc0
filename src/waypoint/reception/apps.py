from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "waypoint.reception"
    verbose_name = _("Reception")

    def ready(self) -> None:
        from waypoint.accounts.scoping import PERSONAL_DATA_ROLES
        from waypoint.core.navigation import (
            Fragment,
            NavItem,
            Panel,
            register,
            register_fragment,
            register_panel,
        )
        from waypoint.people.timeline import register_timeline_source
        from waypoint.reception.queries import (
            centres_summary,
            person_stays_fragment,
            timeline_stays_and_services,
        )

        register(NavItem(_("Centres"), "reception:centres", roles=PERSONAL_DATA_ROLES, order=20))
        register_panel(
            Panel(
                "reception/panel_centres.html",
                centres_summary,
                roles=frozenset(PERSONAL_DATA_ROLES),
                order=20,
            )
        )
        register_fragment(
            "person",
            Fragment("reception/fragment_person_stays.html", person_stays_fragment, order=40),
        )
        # registers into people.timeline: admissions, transfers, exits, absences, services
        register_timeline_source(timeline_stays_and_services)

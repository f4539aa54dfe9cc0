from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturnsConfig(AppConfig):
    name = "waypoint.returns"
    verbose_name = _("Returns")

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
        from waypoint.returns.access import ROLES, Work
        from waypoint.returns.queries import person_fragment, returns_panel, timeline_return

        register(NavItem(_("Voluntary return"), "returns:home", roles=ROLES[Work.READ], order=45))
        register_panel(
            Panel("returns/partials/panel.html", returns_panel, roles=ROLES[Work.COUNSEL], order=25)
        )
        # The person page renders slot "person": the resident's case or a referral link.
        register_fragment(
            "person", Fragment("returns/partials/person.html", person_fragment, order=70)
        )
        # registers into people.timeline: AVRR application, stages, counselling, travel, ...
        register_timeline_source(timeline_return)

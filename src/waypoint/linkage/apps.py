from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkageConfig(AppConfig):
    name = "waypoint.linkage"
    verbose_name = _("Linkage")

    def ready(self) -> None:
        from waypoint.accounts.models import Role
        from waypoint.core.navigation import Fragment, NavItem, register, register_fragment
        from waypoint.linkage.access import ROLES, Work
        from waypoint.linkage.queries import (
            candidate_probabilities,
            group_of,
            identity_fragment,
            timeline_identity,
        )
        from waypoint.people.queries import register_candidate_ranker
        from waypoint.people.timeline import register_group_provider, register_timeline_source

        register(
            NavItem(_("Identity review"), "linkage:review", roles=ROLES[Work.REVIEW], order=35)
        )
        # Analysts read the unique-people figure and its range, not the queue.
        register(NavItem(_("Unique people"), "linkage:runs", roles={Role.ANALYST}, order=36))
        # Search before register ranks its candidates with the linkage model.
        register_candidate_ranker(candidate_probabilities)
        register_fragment(
            "person", Fragment("linkage/partials/identity.html", identity_fragment, order=20)
        )
        # registers into people.timeline: the identity group's registrations, then the
        # automatic links and reviewers' decisions (merges and splits) on their pairs
        register_group_provider(group_of)
        register_timeline_source(timeline_identity)

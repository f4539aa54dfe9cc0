from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollectConfig(AppConfig):
    name = "waypoint.collect"
    verbose_name = _("Form library")

    def ready(self) -> None:
        from waypoint.collect.access import ROLES, Work
        from waypoint.core.navigation import NavItem, register

        register(NavItem(_("Forms"), "collect:forms", roles=ROLES[Work.READ], order=48))

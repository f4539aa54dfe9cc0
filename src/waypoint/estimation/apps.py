from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EstimationConfig(AppConfig):
    name = "waypoint.estimation"
    verbose_name = _("Estimation")

    def ready(self) -> None:
        from waypoint.core.navigation import NavItem, register
        from waypoint.estimation.access import ROLES, Work

        register(NavItem(_("Estimates"), "estimation:home", roles=ROLES[Work.ESTIMATE], order=48))

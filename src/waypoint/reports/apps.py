from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "waypoint.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from waypoint.core.navigation import NavItem, Panel, register, register_panel
        from waypoint.reports.access import ROLES, Work
        from waypoint.reports.panels import reports_panel

        readers = ROLES[Work.READ_PUBLISHED]
        register(NavItem(_("Published figures"), "reports:home", roles=readers, order=44))
        register_panel(Panel("reports/panel.html", reports_panel, roles=readers, order=44))

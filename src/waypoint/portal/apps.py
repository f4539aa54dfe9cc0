from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "waypoint.portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from waypoint.accounts.models import Role
        from waypoint.core.navigation import NavItem, register

        register(
            NavItem(
                _("Portal pages"),
                "portal_admin:pages",
                roles=[Role.AVRR_COUNSELLOR, Role.ADMINISTRATOR],
                order=80,
            )
        )

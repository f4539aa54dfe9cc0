from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "waypoint.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from waypoint.core.navigation import NavItem, register

        register(NavItem(_("Home"), "accounts:home", order=0))
        register(
            NavItem(_("Users"), "accounts:users", permission="accounts.manage_users", order=90)
        )
        register(NavItem(_("Audit"), "audit:events", permission="audit.view_auditevent", order=91))

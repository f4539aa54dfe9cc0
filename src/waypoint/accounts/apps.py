from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "waypoint.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from waypoint.accounts import access
        from waypoint.audit import access as audit_access
        from waypoint.core.navigation import NavItem, register

        register(NavItem(_("Home"), "accounts:home", order=0))
        users = access.ROLES[access.Work.MANAGE_USERS]
        register(NavItem(_("Users"), "accounts:users", roles=users, order=90))
        audit = audit_access.ROLES[audit_access.Work.READ_AUDIT]
        register(NavItem(_("Audit"), "audit:events", roles=audit, order=91))

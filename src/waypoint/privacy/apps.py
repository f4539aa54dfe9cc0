from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The life of personal data: classification, retention, subject access, rectification,
    erasure and break-glass access. Sits right of ``estimation`` (erasure reaches every
    table that holds a person) and left of ``reports``."""

    name = "waypoint.privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from waypoint.core.navigation import Fragment, NavItem, register, register_fragment
        from waypoint.privacy.access import ROLES, Work
        from waypoint.privacy.queries import person_privacy_fragment

        register(NavItem(_("Privacy"), "privacy:home", roles=ROLES[Work.ADMINISTER], order=92))
        # The links on a person's page (people's "person" slot): export, correct, erase.
        register_fragment(
            "person",
            Fragment("privacy/fragment_person_privacy.html", person_privacy_fragment, order=90),
        )

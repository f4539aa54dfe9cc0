from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The life of personal data: classification, retention, subject access, rectification,
    erasure and break-glass access. Sits right of ``estimation`` (erasure reaches every
    table that holds a person) and left of ``reports``."""

    name = "waypoint.privacy"
    verbose_name = _("Privacy")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PresenceConfig(AppConfig):
    name = "waypoint.presence"
    verbose_name = _("Presence")

    def ready(self) -> None:
        from waypoint.core.navigation import NavItem, Panel, register, register_panel
        from waypoint.presence.access import READ_ROLES, WORKING_ROLES
        from waypoint.presence.panels import presence_panel

        register(NavItem(_("Presence"), "presence:rounds", roles=READ_ROLES, order=45))
        register(NavItem(_("Locations"), "presence:locations", roles=WORKING_ROLES, order=46))
        register(
            NavItem(_("Flow monitoring"), "presence:flow_points", roles=WORKING_ROLES, order=47)
        )
        register_panel(
            Panel("presence/panel.html", presence_panel, roles=frozenset(READ_ROLES), order=45)
        )
        self._register_forms()

    def _register_forms(self) -> None:
        """The three DTM forms in the form library, read into rounds and flow monitoring;
        ``locations.csv`` made for each enumerator's phone."""
        from waypoint.collect.registry import BuiltinForm, Media, register_builtin, register_media
        from waypoint.presence.queries import locations_csv
        from waypoint.presence.services import entry_receive
        from waypoint.presence.xforms import FORM_IDS, xlsform_path

        for form_id in FORM_IDS:
            register_builtin(
                BuiltinForm(form_id, xlsform_path(form_id), entry_receive, registered_by=self.name)
            )
        register_media(Media("locations.csv", locations_csv, registered_by=self.name))

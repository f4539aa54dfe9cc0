from django.urls import path

from waypoint.presence.views import entries, flow, locations, rounds

app_name = "presence"
urlpatterns = [
    path("", rounds.rounds, name="rounds"),
    path("rounds/new/", rounds.round_new, name="round_new"),
    path("rounds/<int:number>/", rounds.round_page, name="round"),
    path("rounds/<int:number>/advance/", rounds.round_advance, name="round_advance"),
    path("rounds/<int:number>/publish/", rounds.round_publish, name="round_publish"),
    path("rounds/<int:number>/confirm/", rounds.check_confirm, name="check_confirm"),
    path("rounds/<int:number>/enter/", entries.observation_enter, name="observation_enter"),
    path(
        "rounds/<int:number>/observations/<str:code>/",
        entries.observation_correct,
        name="observation_correct",
    ),
    path("import/", entries.import_upload, name="import"),
    path("flow/", flow.flow_points, name="flow_points"),
    path("flow/<str:kind>/enter/", flow.flow_enter, name="flow_enter"),
    path("locations/", locations.locations, name="locations"),
    path("locations/new/", locations.location_new, name="location_new"),
    path("locations/<str:code>/", locations.location_page, name="location"),
]

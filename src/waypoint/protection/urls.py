from django.urls import path

from waypoint.protection import views

app_name = "protection"
urlpatterns = [
    path("", views.home, name="home"),
    path("people/<int:person_id>/", views.person, name="person"),
    path("people/<int:person_id>/screen/", views.screening_new, name="screening_new"),
    path("people/<int:person_id>/refer/", views.referral_new, name="referral_new"),
    path("screenings/<int:screening_id>/", views.screening, name="screening"),
    path("referrals/<int:referral_id>/", views.referral, name="referral"),
    path("referrals/<int:referral_id>/status/", views.referral_status, name="referral_status"),
    path("incidents/", views.incidents, name="incidents"),
    path("incidents/new/", views.incident_new, name="incident_new"),
    path("incidents/<int:incident_id>/", views.incident, name="incident"),
    path("incidents/<int:incident_id>/status/", views.incident_status, name="incident_status"),
    path("outreach/", views.outreach, name="outreach"),
    path("outreach/new/", views.outreach_new, name="outreach_new"),
]

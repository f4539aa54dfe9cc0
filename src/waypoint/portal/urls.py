from django.urls import path

from waypoint.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("pages/<slug:slug>/", views.page, name="page"),
    path("eligibility/", views.eligibility, name="eligibility"),
    path("apply/", views.apply, name="apply"),
    path("status/", views.status, name="status"),
]

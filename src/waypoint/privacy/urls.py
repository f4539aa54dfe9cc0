from django.urls import path

from waypoint.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.home, name="home"),
    path("people/<int:person_id>/export/", views.subject_access, name="export"),
    path("people/<int:person_id>/erase/", views.erase, name="erase"),
    path("people/<int:person_id>/rectify/", views.rectify, name="rectify"),
]

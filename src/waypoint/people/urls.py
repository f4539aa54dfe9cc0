from django.urls import path

from waypoint.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("register/", views.register, name="register"),
    path("identify/", views.identify, name="identify"),
    path("import/", views.import_people, name="import"),
    path("<int:person_id>/", views.person_detail, name="person"),
    path("<int:person_id>/documents/", views.document_add, name="document_add"),
    path("<int:person_id>/consents/", views.consent_add, name="consent_add"),
    path(
        "<int:person_id>/consents/<int:consent_id>/withdraw/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("<int:person_id>/guardian/", views.guardian_set, name="guardian"),
    path("<int:person_id>/household/", views.household_start, name="household_start"),
    path("<int:person_id>/photo/", views.photo, name="photo"),
    path("<int:person_id>/photo/upload/", views.photo_upload, name="photo_upload"),
]

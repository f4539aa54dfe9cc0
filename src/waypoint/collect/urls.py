from django.urls import path

from waypoint.collect import views

app_name = "collect"
urlpatterns = [
    path("", views.forms, name="forms"),
    path("<int:form_pk>/", views.form, name="form"),
    path("<int:form_pk>/state/", views.form_state, name="form_state"),
    path("<int:form_pk>/submitters/", views.form_submitters, name="form_submitters"),
    path("<int:form_pk>/export/", views.export, name="export"),
    path(
        "<int:form_pk>/versions/<int:version_pk>/publish/",
        views.version_publish,
        name="version_publish",
    ),
    path("<int:form_pk>/versions/<int:version_pk>/media/", views.media_upload, name="media_upload"),
    path("<int:form_pk>/submissions/<int:submission_pk>/", views.submission, name="submission"),
    path(
        "<int:form_pk>/submissions/<int:submission_pk>/files/<str:name>",
        views.attachment,
        name="attachment",
    ),
]

from django.urls import path

from waypoint.presence.views import openrosa

app_name = "openrosa"
urlpatterns = [
    path("formList", openrosa.form_list, name="form_list"),
    path("forms/<str:form_id>/form.xml", openrosa.form_download, name="form"),
    path("submission", openrosa.submission, name="submission"),
]

from django.urls import path

from waypoint.collect.openrosa import views

app_name = "openrosa"
urlpatterns = [
    path("formList", views.form_list, name="form_list"),
    path("forms/<str:form_id>/form.xml", views.form_download, name="form"),
    path("forms/<str:form_id>/manifest", views.manifest, name="manifest"),
    path("forms/<str:form_id>/media/<str:name>", views.media, name="media"),
    path("submission", views.submission, name="submission"),
]

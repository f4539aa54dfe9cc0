from django.urls import path

from waypoint.people import views

app_name = "people"
urlpatterns = [path("<int:person_id>/", views.person_detail, name="person")]

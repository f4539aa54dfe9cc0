"""The real URLs plus static files, so a test can fetch a page's stylesheet as a browser does."""

from django.contrib.staticfiles.views import serve
from django.urls import re_path

from waypoint.urls import handler400, handler403, handler404, handler500
from waypoint.urls import urlpatterns as root

urlpatterns = [*root, re_path(r"^static/(?P<path>.*)$", serve, {"insecure": True})]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]

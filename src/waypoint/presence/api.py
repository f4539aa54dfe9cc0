from django.urls import URLPattern, URLResolver

router_urls: list[URLPattern | URLResolver] = []

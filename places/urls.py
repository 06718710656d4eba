from django.urls import path

from . import views

app_name = "places"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<slug:slug>/", views.city_page, name="city"),
]

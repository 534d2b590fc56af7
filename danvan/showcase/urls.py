from django.urls import path

from danvan.showcase import views

app_name = "showcase"

urlpatterns = [
    path("", views.showcase_list, name="list"),
    path("so-lieu/", views.showcase_figures, name="figures"),
    path("<str:code>/", views.showcase_detail, name="detail"),
    path("<str:code>/anh/<int:pk>/", views.showcase_photo, name="photo"),
]

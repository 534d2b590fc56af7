from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from danvan.core import views as core_views
from danvan.stats import views as stats_views

admin.site.site_header = "danvan – Quản trị cấu hình"
admin.site.site_title = "danvan"
admin.site.index_title = "Cấu hình hệ thống"

urlpatterns = [
    path("", stats_views.dashboard, name="home"),
    path("favicon.ico", core_views.favicon),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("don-vi/", include("danvan.org.urls")),
    path("dan-van-kheo/", include("danvan.practices.urls")),
    path("thong-ke/", include("danvan.stats.urls")),
    path("khen-thuong/", include("danvan.awards.urls")),
    path("thi-dua/", include("danvan.emulation.urls")),
    path("ke-hoach/", include("danvan.planning.urls")),
    path("", include("danvan.core.jobs.urls")),
    path("quan-tri/", admin.site.urls),
]

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from danvan.core import accounts
from danvan.core import views as core_views
from danvan.showcase.sitemaps import SITEMAPS
from danvan.stats import views as stats_views

admin.site.site_header = "danvan – Quản trị cấu hình"
admin.site.site_title = "danvan"
admin.site.index_title = "Cấu hình hệ thống"
# One login for the whole site: the admin's own form would skip the second factor.
admin.site.login = accounts.admin_login

urlpatterns = [
    path("", stats_views.dashboard, name="home"),
    path("favicon.ico", core_views.favicon),
    path("dang-nhap/", accounts.login, name="login"),
    path("dang-nhap/ma-xac-thuc/", accounts.login_code, name="login-otp"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("tai-khoan/", accounts.account, name="account"),
    path("tai-khoan/xac-thuc-hai-lop/", accounts.enrol, name="account-2fa"),
    path("tai-khoan/khoa-api/", accounts.api_token_create, name="api-token-create"),
    path("tai-khoan/khoa-api/<int:pk>/thu-hoi/", accounts.api_token_revoke, name="api-token-revoke"),
    path("don-vi/", include("danvan.org.urls")),
    path("dan-van-kheo/", include("danvan.practices.urls")),
    path("thong-ke/", include("danvan.stats.urls")),
    path("khen-thuong/", include("danvan.awards.urls")),
    path("thi-dua/", include("danvan.emulation.urls")),
    path("ke-hoach/", include("danvan.planning.urls")),
    path("du-luan/", include("danvan.opinion.urls")),
    path("doan-the/", include("danvan.membership.urls")),
    path("phoi-hop/", include("danvan.cooperation.urls")),
    path("dan-chu-co-so/", include("danvan.democracy.urls")),
    path("hoi-thi-hoi-nghi/", include("danvan.events.urls")),
    path("tong-ket/", include("danvan.review.urls")),
    path("", include("danvan.core.jobs.urls")),
    path("quan-tri/", admin.site.urls),
    # Other systems: REST API with its OpenAPI schema and documentation page.
    path("api/v1/", include("danvan.api.urls")),
    # Public, no login: the showcase of recognized models and its sitemap.
    path("mo-hinh/", include("danvan.showcase.urls")),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"}),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

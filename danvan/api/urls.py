from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from danvan.api import views

router = SimpleRouter()
router.register("units", views.UnitViewSet, basename="unit")
router.register("practices", views.PracticeViewSet, basename="practice")
router.register("award-proposals", views.ProposalViewSet, basename="award-proposal")
router.register("award-decisions", views.DecisionViewSet, basename="award-decision")
router.register("award-recipients", views.RecipientViewSet, basename="award-recipient")
router.register("directives", views.DirectiveViewSet, basename="directive")
router.register("reviews", views.ReviewViewSet, basename="review")
router.register("plans", views.WorkPlanViewSet, basename="plan")
router.register("tasks", views.KeyTaskViewSet, basename="task")

urlpatterns = [
    path("", include(router.urls)),
    path("statistics/", views.StatisticsView.as_view(), name="statistics"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start script as a file: no inline script (Content-Security-Policy).
    # Its labels in Vietnamese: a script of ours (static/danvan/swagger-vi.js) added by the template.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
        name="api-docs",
    ),
]

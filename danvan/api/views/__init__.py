"""The API's endpoints: thin, like the web's views. Every read starts from `restrict(user)`; every write
goes through the web's own forms (same checks, same Vietnamese messages) and services."""

from danvan.api.views.awards import DecisionViewSet, ProposalViewSet, RecipientViewSet
from danvan.api.views.planning import DirectiveViewSet, KeyTaskViewSet, ReviewViewSet, WorkPlanViewSet
from danvan.api.views.practices import PracticeViewSet
from danvan.api.views.statistics import StatisticsView
from danvan.api.views.units import UnitViewSet

__all__ = [
    "DecisionViewSet",
    "DirectiveViewSet",
    "KeyTaskViewSet",
    "PracticeViewSet",
    "ProposalViewSet",
    "RecipientViewSet",
    "ReviewViewSet",
    "StatisticsView",
    "UnitViewSet",
    "WorkPlanViewSet",
]

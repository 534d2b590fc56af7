from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from danvan.org.models import RoleAssignment, Unit


@login_required
def home(request):
    today = timezone.localdate()
    assignments = RoleAssignment.objects.filter(user=request.user).select_related("unit", "unit__kind")
    units_in_scope = Unit.objects.restrict(request.user).valid_on(today)
    context = {
        "today": today,
        "assignments": assignments,
        "unit_count": units_in_scope.count(),
    }
    return render(request, "core/home.html", context)

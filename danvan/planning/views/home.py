"""The planning overview: what falls due for the user, and the way to each register."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from danvan.planning.dashboard import panels


@login_required
def home(request):
    return render(request, "planning/home.html", {"planning": panels(request.user)})

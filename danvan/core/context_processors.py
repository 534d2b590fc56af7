from django.urls import reverse

from danvan.core.users import display_name


def navigation(request):
    """The main menu: the modules that exist, in the order staff use them."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_items": []}
    items = [
        ("home", "Tổng quan", "bi-speedometer2", reverse("home")),
        ("practices", "Dân vận khéo", "bi-stars", reverse("practices:list")),
        ("awards", "Khen thưởng", "bi-award", reverse("awards:proposal-list")),
        ("emulation", "Thi đua", "bi-trophy", reverse("emulation:index")),
        ("planning", "Kế hoạch, giám sát", "bi-calendar-check", reverse("planning:home")),
        ("opinion", "Dư luận", "bi-megaphone", reverse("opinion:item-list")),
        ("membership", "Đoàn thể", "bi-people", reverse("membership:report-list")),
        ("stats", "Thống kê", "bi-bar-chart-line", reverse("stats:index")),
        ("org", "Đơn vị", "bi-diagram-3", reverse("org:unit-list")),
    ]
    if request.user.is_superuser:
        items.append(("admin", "Cấu hình", "bi-gear", reverse("admin:index")))
    current = request.resolver_match.namespace or request.resolver_match.url_name if request.resolver_match else ""
    return {"nav_items": items, "nav_current": current, "user_display": display_name(request.user)}

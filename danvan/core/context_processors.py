from django.urls import NoReverseMatch, reverse

from danvan.core.users import display_name

# The main menu in the order staff use it: an entry is (key, label, icon, url name) where the key is the
# app's URL namespace; a group is (label, icon, [entries]). An entry whose page does not exist (an app
# switched off) is left out; `core/tests/test_menu.py` checks every entry of a full installation resolves.
MENU = [
    ("home", "Tổng quan", "bi-speedometer2", "home"),
    ("practices", "Dân vận khéo", "bi-stars", "practices:list"),
    (
        "Thi đua, khen thưởng",
        "bi-award",
        [
            ("awards", "Khen thưởng", "bi-award", "awards:proposal-list"),
            ("emulation", "Chấm điểm thi đua", "bi-trophy", "emulation:index"),
            ("events", "Hội thi, hội nghị", "bi-easel", "events:home"),
        ],
    ),
    (
        "Kế hoạch, phối hợp",
        "bi-calendar-check",
        [
            ("planning", "Kế hoạch, kiểm tra giám sát", "bi-calendar-check", "planning:home"),
            ("cooperation", "Chương trình phối hợp", "bi-link-45deg", "cooperation:list"),
        ],
    ),
    (
        "Cơ sở",
        "bi-house-heart",
        [
            ("opinion", "Dư luận xã hội, tiếp dân", "bi-megaphone", "opinion:item-list"),
            ("democracy", "Dân chủ ở cơ sở", "bi-people-fill", "democracy:home"),
            ("membership", "Đoàn viên, hội viên", "bi-people", "membership:report-list"),
        ],
    ),
    (
        "Thống kê",
        "bi-bar-chart-line",
        [
            ("stats", "Thống kê “Dân vận khéo”", "bi-bar-chart-line", "stats:index"),
            ("review", "Báo cáo tổng kết năm", "bi-file-earmark-text", "review:index"),
        ],
    ),
    ("org", "Đơn vị", "bi-diagram-3", "org:unit-list"),
]


def _link(key: str, label: str, icon: str, name: str) -> tuple | None:
    try:
        return (key, label, icon, reverse(name))
    except NoReverseMatch:
        return None


def menu_entries() -> list[dict]:
    """The menu as the base template draws it: links, and groups of links (a dropdown). Every role sees
    the same modules; each page says what the user may do there."""
    menu = []
    for entry in MENU:
        if isinstance(entry[2], list):
            links = [link for item in entry[2] if (link := _link(*item))]
            if links:
                menu.append({"label": entry[0], "icon": entry[1], "links": links, "keys": [k for k, *_ in links]})
        elif link := _link(*entry):
            menu.append({"link": link})
    return menu


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_items": [], "nav_menu": []}
    menu = menu_entries()
    flat = [link for entry in menu for link in entry.get("links", [entry.get("link")])]
    current = request.resolver_match.namespace or request.resolver_match.url_name if request.resolver_match else ""
    admin = reverse("admin:index") if request.user.is_superuser else ""  # in the account menu, not the bar
    return {
        "nav_items": flat,
        "nav_menu": menu,
        "nav_current": current,
        "nav_admin": admin,
        "user_display": display_name(request.user),
    }

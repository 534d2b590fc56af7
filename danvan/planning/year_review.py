"""What planning gives the year's review report (`danvan/documents/year_review.py`): the directives followed
and their reviews, the year's plans and key tasks, the inspections and supervisions with their findings
and recommendations, and next year's key tasks (Phần II).

Reviews come from `reports.reviews_rows` (the "Sơ kết, tổng kết" page and report), key tasks and
recommendations from the models' own `with_state(day)`, so the review report says what those pages say.
States are taken on the report's date (`request.today`); every count is grouped in the database.
"""

from __future__ import annotations

from django.db.models import Count, Q

from danvan.core.vn import format_number, text_date
from danvan.documents.spec import Heading, Paragraph
from danvan.documents.year_review import Chapter, ReviewPart, ReviewRequest
from danvan.planning.choices import Activity, Mode, ReviewState, TaskState
from danvan.planning.models import Directive, KeyTask, Recommendation, Supervision
from danvan.planning.reports import reviews_rows

LISTED = 10  # overdue reviews and tasks, findings named one by one; the rest are counted


def _sentence(text: str) -> str:
    text = " ".join((text or "").split()).rstrip(".;,")
    return f"{text}." if text else ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _counted(parts: list[tuple[int, str]]) -> str:
    """ "3 chỉ thị, 2 kết luận" from (count, noun), zero counts left out."""
    return ", ".join(f"{format_number(n)} {noun}" for n, noun in parts if n)


# --- Chapter.LEADERSHIP ---------------------------------------------------------------------------


def directives_part(request: ReviewRequest) -> ReviewPart:
    """New directives followed, and the reviews due in the year with their state on the report's date."""
    year, day = request.year, request.today
    directives = Directive.objects.restrict(request.user).filter(request.area(), issued_on__year=year)
    by_type = list(directives.order_by().values_list("type__name").annotate(n=Count("id")).order_by("-n", "type__name"))
    total = sum(n for _, n in by_type)
    rows = [row for unit in request.top_units() for row in reviews_rows(request.user, year, unit, day)]
    done = [r for r in rows if r.state == ReviewState.DONE]
    overdue = [r for r in rows if r.state == ReviewState.OVERDUE]
    pending = [r for r in rows if r.state == ReviewState.PENDING]
    if total:
        kinds = _counted([(n, name.lower()) for name, n in by_type])
        first = (
            f"Trong năm {year}, đã tiếp nhận, theo dõi và tham mưu triển khai thực hiện {format_number(total)} văn "
            f"bản chỉ đạo mới ban hành ({kinds})."
        )
    else:
        first = f"Trong năm {year}, không có văn bản chỉ đạo mới ban hành được đưa vào danh mục theo dõi."
    blocks = [Paragraph(first)]
    if rows:
        states = [
            f"{label} {format_number(n)}"
            for label, n in (
                ("đã thực hiện", len(done)),
                ("quá hạn chưa thực hiện", len(overdue)),
                ("chưa đến hạn", len(pending)),
            )
            if n
        ]
        blocks.append(
            Paragraph(
                f"Theo danh mục văn bản chỉ đạo đang theo dõi, năm {year} có {format_number(len(rows))} nội dung sơ "
                f"kết, tổng kết đến hạn; đến ngày {text_date(day)}: {', '.join(states)}."
            )
        )
        for index, row in enumerate(done[:LISTED], start=1):
            report = f": Báo cáo số {row.report_number}, ngày {text_date(row.report_date)}" if row.report_number else ""
            blocks.append(Paragraph(f"{row.citation}{report}.", lead=f"{index}."))
        if len(done) > LISTED:
            blocks.append(Paragraph(f"Và {format_number(len(done) - LISTED)} nội dung sơ kết, tổng kết khác."))
        if overdue:
            names = "; ".join(f"{r.citation} (hạn {text_date(r.due_date)})" for r in overdue[:LISTED])
            more = f" và {format_number(len(overdue) - LISTED)} nội dung khác" if len(overdue) > LISTED else ""
            blocks.append(Paragraph(f"Các nội dung quá hạn chưa sơ kết, tổng kết: {names}{more}."))
    else:
        blocks.append(Paragraph(f"Năm {year} không có nội dung sơ kết, tổng kết nào đến hạn."))
    figures = {
        "directives": total,
        "reviews_due": len(rows),
        "reviews_done": len(done),
        "reviews_overdue": len(overdue),
        "reviews_pending": len(pending),
    }
    return ReviewPart(
        Chapter.LEADERSHIP, "Ban hành, triển khai văn bản chỉ đạo; sơ kết, tổng kết", blocks, figures, order=1
    )


def tasks_part(request: ReviewRequest) -> ReviewPart:
    """The year's work plans and the key tasks due in the year: done, in progress, overdue on the report's date."""
    year, day = request.year, request.today
    tasks = (
        KeyTask.objects.restrict(request.user)
        .filter(request.area("plan__unit__path"), deadline__year=year)
        .with_state(day)
    )
    counts = dict(tasks.order_by().values_list("state").annotate(n=Count("id")))
    plans = (
        KeyTask.objects.restrict(request.user)
        .filter(request.area("plan__unit__path"), plan__year_start__lte=year, plan__year_end__gte=year)
        .order_by()
        .values("plan")
        .distinct()
        .count()
    )
    total = sum(counts.values())
    figures = {
        "plans": plans,
        "tasks": total,
        "tasks_done": counts.get(TaskState.DONE, 0),
        "tasks_in_progress": counts.get(TaskState.IN_PROGRESS, 0),
        "tasks_not_started": counts.get(TaskState.NOT_STARTED, 0),
        "tasks_overdue": counts.get(TaskState.OVERDUE, 0),
    }
    if not total:
        blocks = [Paragraph(f"Năm {year} không có nhiệm vụ trọng tâm nào đến hạn trong các kế hoạch công tác.")]
        return ReviewPart(Chapter.LEADERSHIP, "Thực hiện kế hoạch công tác, nhiệm vụ trọng tâm", blocks, figures, 2)
    states = _counted(
        [
            (figures["tasks_done"], "nhiệm vụ hoàn thành"),
            (figures["tasks_in_progress"], "nhiệm vụ đang thực hiện"),
            (figures["tasks_not_started"], "nhiệm vụ chưa thực hiện"),
            (figures["tasks_overdue"], "nhiệm vụ quá hạn"),
        ]
    )
    blocks = [
        Paragraph(
            f"Triển khai {format_number(plans)} kế hoạch công tác có nhiệm vụ năm {year}, với "
            f"{format_number(total)} nhiệm vụ trọng tâm đến hạn trong năm; đến ngày {text_date(day)}: {states}."
        )
    ]
    late = list(
        tasks.filter(state=TaskState.OVERDUE).select_related("lead_unit").order_by("deadline", "number", "id")[:LISTED]
    )
    if late:
        blocks.append(Heading("Các nhiệm vụ quá hạn, chưa hoàn thành:", 4))
        for index, task in enumerate(late, start=1):
            content = _sentence(task.content).rstrip(".")
            blocks.append(
                Paragraph(
                    f"{content} (chủ trì: {task.lead_unit.name}; thời hạn {text_date(task.deadline)}; "
                    f"tiến độ {task.progress}%).",
                    lead=f"{index}.",
                )
            )
        if figures["tasks_overdue"] > len(late):
            blocks.append(Paragraph(f"Và {format_number(figures['tasks_overdue'] - len(late))} nhiệm vụ quá hạn khác."))
    return ReviewPart(Chapter.LEADERSHIP, "Thực hiện kế hoạch công tác, nhiệm vụ trọng tâm", blocks, figures, 2)


# --- Chapter.SUPERVISION --------------------------------------------------------------------------


def supervision_part(request: ReviewRequest) -> ReviewPart:
    """The year's programme: held and concluded by kind, what was found, the recommendations and their follow-up."""
    year, day = request.year, request.today
    held_q = Q(actual_start__isnull=False, actual_start__lte=day)
    concluded_q = Q(concluded_on__isnull=False, concluded_on__lte=day)
    programme = Supervision.objects.restrict(request.user).filter(request.area(), year=year)
    grouped = (
        programme.order_by()
        .values_list("activity", "mode")
        .annotate(n=Count("id"), held=Count("id", filter=held_q), concluded=Count("id", filter=concluded_q))
    )
    count = {(a, m): (n, h, c) for a, m, n, h, c in grouped}

    def total(activity=None, index=0) -> int:
        return sum(v[index] for (a, _), v in count.items() if activity in (None, a))

    recs = Recommendation.objects.restrict(request.user).filter(supervision__in=programme.values("pk"))
    rec_counts = recs.aggregate(
        made=Count("id"),
        closed=Count("id", filter=Q(closed_on__isnull=False, closed_on__lte=day)),
        overdue=Count("id", filter=Q(deadline__lt=day) & (Q(closed_on__isnull=True) | Q(closed_on__gt=day))),
    )
    figures = {
        "planned": total(),
        "inspections": total(Activity.INSPECTION),
        "supervisions": total(Activity.SUPERVISION),
        "held": total(index=1),
        "concluded": total(index=2),
        "recommendations": rec_counts["made"],
        "recommendations_closed": rec_counts["closed"],
        "recommendations_overdue": rec_counts["overdue"],
    }
    title = "Kiểm tra, giám sát việc thực hiện các chủ trương, nghị quyết về công tác dân vận"
    if not figures["planned"]:
        blocks = [Paragraph(f"Năm {year} không có cuộc kiểm tra, giám sát nào trong chương trình.")]
        return ReviewPart(Chapter.SUPERVISION, title, blocks, figures, order=1)
    kinds = []
    for activity, noun in ((Activity.INSPECTION, "kiểm tra"), (Activity.SUPERVISION, "giám sát")):
        n = total(activity)
        if not n:
            continue
        thematic = sum(v[0] for (a, m), v in count.items() if a == activity and m == Mode.THEMATIC)
        if thematic and n - thematic:
            kinds.append(f"{format_number(n)} cuộc {noun} (chuyên đề {thematic}, thường xuyên {n - thematic})")
        else:
            kinds.append(f"{format_number(n)} cuộc {noun} {'chuyên đề' if thematic else 'thường xuyên'}")
    blocks = [
        Paragraph(
            f"Chương trình kiểm tra, giám sát năm {year} có {' và '.join(kinds)}; đến ngày {text_date(day)} "
            + (f"đã tiến hành {format_number(figures['held'])} cuộc" if figures["held"] else "chưa tiến hành cuộc nào")
            + (
                f", ban hành thông báo kết luận {format_number(figures['concluded'])} cuộc."
                if figures["concluded"]
                else ", chưa ban hành thông báo kết luận cuộc nào."
            )
        )
    ]
    concluded = list(
        programme.filter(concluded_q).prefetch_related("supervised_units").order_by("concluded_on", "id")[:LISTED]
    )
    for index, sup in enumerate(concluded, start=1):
        subject = sup.subject_label.strip() or ", ".join(u.name for u in sup.supervised_units.all())
        notice = f"Thông báo kết luận số {sup.announcement_number}, " if sup.announcement_number else "Kết luận "
        lines = [line.strip() for line in (sup.conclusions or sup.findings).splitlines() if line.strip()]
        found = f" {_sentence(lines[0])}" if lines else ""
        blocks.append(
            Paragraph(
                f"{sup.get_activity_display()} {_lower_first(_sentence(sup.topic).rstrip('.'))} đối với {subject} "
                f"({notice}ngày {text_date(sup.concluded_on)}).{found}",
                lead=f"{index}.",
            )
        )
    if figures["concluded"] > len(concluded):
        blocks.append(Paragraph(f"Và {format_number(figures['concluded'] - len(concluded))} cuộc đã kết luận khác."))
    if figures["recommendations"]:
        made, closed = figures["recommendations"], figures["recommendations_closed"]
        if closed == made:
            state = f"đã hoàn thành cả {format_number(made)} nội dung"
        else:
            done = f"đã hoàn thành {format_number(closed)}" if closed else "chưa hoàn thành nội dung nào"
            state = f"{done}, còn {format_number(made - closed)} nội dung đang thực hiện"
        text = f"Qua kiểm tra, giám sát đã kiến nghị {format_number(made)} nội dung; đến ngày {text_date(day)} {state}"
        if figures["recommendations_overdue"]:
            text += f", trong đó {format_number(figures['recommendations_overdue'])} nội dung quá hạn"
        blocks.append(Paragraph(f"{text}."))
    elif figures["concluded"]:
        blocks.append(Paragraph("Các cuộc kiểm tra, giám sát đã kết luận không có kiến nghị phải theo dõi thực hiện."))
    return ReviewPart(Chapter.SUPERVISION, title, blocks, figures, order=1)


# --- Chapter.NEXT_YEAR ----------------------------------------------------------------------------


def next_year_part(request: ReviewRequest) -> ReviewPart | None:
    """Next year's key tasks, from the plans covering it; None when no plan has any yet (the clerk writes them)."""
    following = request.year + 1
    tasks = list(
        KeyTask.objects.restrict(request.user)
        .filter(
            request.area("plan__unit__path"),
            plan__year_start__lte=following,
            plan__year_end__gte=following,
            deadline__year=following,
        )
        .select_related("plan", "lead_unit")
        .order_by("plan__year_start", "plan__code", "number", "id")
    )
    if not tasks:
        return None
    plans = list(dict.fromkeys(t.plan for t in tasks))
    named = "; ".join(
        f"{p.title}" + (f" (số {p.number}, ngày {text_date(p.issued_on)})" if p.number and p.issued_on else "")
        for p in plans
    )
    blocks = [Paragraph(f"Tập trung thực hiện các nhiệm vụ trọng tâm năm {following} theo {named}:")]
    for index, task in enumerate(tasks, start=1):
        content = _sentence(task.content).rstrip(".")
        blocks.append(
            Paragraph(
                f"{content} (chủ trì: {task.lead_unit.name}; thời hạn {text_date(task.deadline)}).", lead=f"{index}."
            )
        )
    figures = {"plans": len(plans), "tasks": len(tasks)}
    return ReviewPart(Chapter.NEXT_YEAR, f"Nhiệm vụ trọng tâm năm {following}", blocks, figures, order=1)


def parts(request: ReviewRequest) -> list[ReviewPart]:
    found = [directives_part(request), tasks_part(request), supervision_part(request), next_year_part(request)]
    return [part for part in found if part is not None]

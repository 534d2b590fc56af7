"""Demo planning data for Tây Ninh: the register of directives quoted in the seeds (with the reports that
closed past reviews), the commission's work plans 2021–2026, the 2021 supervision of the Ban Thường vụ
Huyện ủy Bến Cầu và Tân Biên on Chỉ thị 04-CT/TW, and a 2026 programme over the new communes.

Idempotent: every record is looked up by its natural key first; everything goes through the services,
so due dates, rules and the change log are those of real use. Report numbers are illustrative.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from danvan.core.vn import fold
from danvan.documents.issuers import commission_name
from danvan.org.models import Unit
from danvan.planning import rules
from danvan.planning.models import (
    Directive,
    DirectiveType,
    FollowUp,
    IssuingBody,
    KeyTask,
    Milestone,
    Recommendation,
    Supervision,
    TaskProgress,
    WorkPlan,
)
from danvan.planning.seed import seed_config
from danvan.planning.services import directives as directive_services
from danvan.planning.services import plans as plan_services
from danvan.planning.services import supervision as supervision_services

D = dt.date

# type code, number, issue date, issuer, summary, interim years, final years, {years: (report number, date)}
DIRECTIVES = [
    ("quyet-dinh", "290-QĐ/TW", D(2010, 2, 25), "Bộ Chính trị (khóa X)",
     "Ban hành Quy chế công tác dân vận của hệ thống chính trị", "", None, {}),
    ("chi-thi", "04-CT/TW", D(2011, 7, 6), "Ban Bí thư (khóa XI)",
     "Tiếp tục đổi mới và nâng cao hiệu quả công tác đối ngoại nhân dân trong tình hình mới", "", 10,
     {10: ("318-BC/TU", D(2021, 9, 20))}),
    ("ket-luan", "08-KL/TW", D(2011, 8, 2), "Ban Bí thư (khóa XI)",
     "Xây dựng cốt cán trong tôn giáo", "", 10, {10: ("325-BC/TU", D(2021, 10, 12))}),
    ("nghi-quyet", "25-NQ/TW", D(2013, 6, 3), "Ban Chấp hành Trung ương (khóa XI)",
     "Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới", "5", 10,
     {5: ("168-BC/TU", D(2018, 5, 21)), 10: ("412-BC/TU", D(2023, 5, 30))}),
    ("ket-luan", "03-KL/TW", D(2016, 5, 13), "Ban Bí thư",
     "Tiếp tục thực hiện Quyết định số 290-QĐ/TW ngày 25/02/2010 của Bộ Chính trị (khóa X) về ban hành "
     "Quy chế công tác dân vận của hệ thống chính trị", "5", None, {5: ("296-BC/TU", D(2021, 6, 28))}),
    ("quyet-dinh", "99-QĐ/TW", D(2017, 10, 3), "Ban Bí thư (khóa XII)",
     "Ban hành Khung hướng dẫn của Ban Bí thư về tiếp tục phát huy vai trò của Nhân dân trong đấu tranh ngăn "
     "chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “tự diễn biến”, "
     "“tự chuyển hóa” trong nội bộ", "5", None, {5: ("385-BC/TU", D(2022, 11, 15))}),
    ("chi-thi", "19-CT/TW", D(2018, 1, 10), "Ban Bí thư",
     "Tăng cường công tác ở vùng đồng bào dân tộc Khmer trong tình hình mới", "3", None,
     {3: ("215-BC/TU", D(2021, 3, 15))}),
    ("de-an", "08-ĐA/TU", D(2020, 3, 27), "Ban Thường vụ Tỉnh ủy",
     "Tập hợp, đoàn kết công nhân trên địa bàn tỉnh giai đoạn 2020-2025", "2", 5,
     {2: ("356-BC/TU", D(2022, 4, 8))}),
    ("quyet-dinh", "23-QĐ/TW", D(2021, 7, 30), "Bộ Chính trị (khóa XIII)",
     "Ban hành Quy chế công tác dân vận của hệ thống chính trị", "5", 10, {}),
]  # fmt: skip

# year -> tasks: (number, content, lead, partners, deadline, directive number, progress [(date, percent, note)])
# Lead and partner names: "BAN" (the commission), "MTTQ", "UBND", "LDLD", "HND", or a unit found by short name.
PLANS = {
    2021: [
        (1, "Tham mưu Ban Thường vụ Tỉnh ủy sơ kết 5 năm thực hiện Kết luận số 03-KL/TW của Ban Bí thư",
         "BAN", ["MTTQ", "UBND"], D(2021, 6, 30), "03-KL/TW",
         [(D(2021, 4, 15), 50, "Đã ban hành kế hoạch, đề cương sơ kết"), (D(2021, 6, 28), 100, "Đã tổ chức hội nghị sơ kết")]),
        (2, "Tham mưu sơ kết 3 năm thực hiện Chỉ thị số 19-CT/TW về công tác ở vùng đồng bào dân tộc Khmer",
         "BAN", [], D(2021, 3, 31), "19-CT/TW", [(D(2021, 3, 15), 100, "Đã báo cáo Ban Thường vụ Tỉnh ủy")]),
        (3, "Tổng kết 10 năm thực hiện Kết luận số 08-KL/TW về xây dựng cốt cán trong tôn giáo",
         "BAN", ["UBND"], D(2021, 10, 31), "08-KL/TW", [(D(2021, 10, 12), 100, "Đã tổng kết")]),
        (4, "Tổ chức Hội thi cán bộ làm công tác “Dân vận khéo” lần thứ XII", "BAN", ["MTTQ", "Bến Cầu"],
         D(2021, 11, 30), "", [(D(2021, 11, 20), 100, "Hội thi đã tổ chức")]),
        (5, "Phối hợp liên ngành tổ chức 2 đợt ra quân làm công tác dân vận", "MTTQ", ["BAN", "Tân Biên"],
         D(2021, 12, 31), "", [(D(2021, 8, 1), 50, "Đã tổ chức đợt 1")]),
    ],
    2022: [
        (1, "Sơ kết 2 năm thực hiện Đề án số 08-ĐA/TU về tập hợp, đoàn kết công nhân", "LDLD", ["BAN"],
         D(2022, 4, 30), "08-ĐA/TU", [(D(2022, 4, 8), 100, "Đã sơ kết")]),
        (2, "Sơ kết 5 năm thực hiện Quyết định số 99-QĐ/TW của Ban Bí thư", "BAN", ["MTTQ"], D(2022, 11, 30),
         "99-QĐ/TW", [(D(2022, 11, 15), 100, "Đã báo cáo")]),
        (3, "Tăng cường công tác dân vận chính quyền trong giải quyết thủ tục hành chính", "UBND", ["BAN"],
         D(2022, 12, 31), "", [(D(2022, 12, 20), 100, "Đã hoàn thành")]),
    ],
    2023: [
        (1, "Tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW về công tác dân vận", "BAN", ["MTTQ", "UBND"],
         D(2023, 6, 30), "25-NQ/TW", [(D(2023, 5, 30), 100, "Đã tổng kết")]),
        (2, "Hướng dẫn xây dựng mô hình “Dân vận khéo” gắn với xây dựng nông thôn mới", "BAN", ["HND"],
         D(2023, 9, 30), "", [(D(2023, 9, 25), 100, "Đã ban hành hướng dẫn")]),
    ],
    2024: [
        (1, "Tham mưu thực hiện Quyết định số 23-QĐ/TW về Quy chế công tác dân vận ở các cơ quan nhà nước",
         "UBND", ["BAN"], D(2024, 6, 30), "23-QĐ/TW", [(D(2024, 6, 20), 100, "Đã hoàn thành")]),
        (2, "Khảo sát tình hình Nhân dân khu vực biên giới", "BAN", ["Bến Cầu", "Tân Biên"], D(2024, 10, 31), "",
         [(D(2024, 8, 10), 60, "Đã khảo sát 2 huyện")]),
    ],
    2025: [
        (1, "Tổng kết 5 năm thực hiện Đề án số 08-ĐA/TU về tập hợp, đoàn kết công nhân", "LDLD", ["BAN"],
         D(2025, 3, 31), "08-ĐA/TU", [(D(2025, 2, 10), 40, "Đang xây dựng báo cáo tổng kết")]),
        (2, "Tuyên truyền, vận động Nhân dân đồng thuận với việc sắp xếp đơn vị hành chính", "BAN", ["MTTQ"],
         D(2025, 6, 30), "", [(D(2025, 6, 25), 100, "Đã hoàn thành")]),
    ],
    2026: [
        (1, "Sơ kết 5 năm thực hiện Quyết định số 23-QĐ/TW về Quy chế công tác dân vận của hệ thống chính trị",
         "BAN", ["MTTQ", "UBND"], D(2026, 7, 31), "23-QĐ/TW", [(D(2026, 6, 15), 30, "Đã ban hành đề cương")]),
        (2, "Hướng dẫn công tác dân vận ở các xã, phường mới sau sắp xếp", "BAN", ["Long Thuận"], D(2026, 9, 30), "",
         [(D(2026, 9, 20), 100, "Đã ban hành hướng dẫn")]),
        (3, "Tổ chức Hội thi “Dân vận khéo” cấp tỉnh năm 2026", "BAN", ["MTTQ"], D(2026, 12, 5), "",
         [(D(2026, 10, 1), 60, "Đã phát động, nhận bài dự thi")]),
        (4, "Giám sát việc thực hiện dân chủ ở cơ sở tại các xã mới", "BAN", [], D(2026, 12, 31), "", []),
    ],
}  # fmt: skip


def summaries(issued: dt.date) -> dict[str, str]:
    """The plan's purpose and implementation, naming the commission as it was called on the plan's date."""
    commission = "Ban Dân vận" if commission_name(issued)[1] == "BDV" else "Ban Tuyên giáo và Dân vận"
    return {
        "purpose": "Triển khai thực hiện có hiệu quả các nghị quyết, chỉ thị, kết luận của Đảng về công tác dân vận; "
        "bám sát nhiệm vụ chính trị của tỉnh.\nPhân công rõ đơn vị chủ trì, phối hợp và thời gian hoàn thành từng "
        "nhiệm vụ.",
        "implementation": f"Các đơn vị chủ trì xây dựng kế hoạch cụ thể, định kỳ báo cáo tiến độ về {commission} "
        "Tỉnh ủy để tổng hợp, báo cáo Thường trực Tỉnh ủy.",
    }


def _province_unit(province: Unit, code_suffix: str) -> Unit | None:
    return Unit.objects.filter(code=f"{province.code}-{code_suffix}").first()


def _child(parent: Unit, short_name: str, on: dt.date) -> Unit | None:
    wanted = fold(short_name)
    for unit in Unit.objects.subtree(parent).valid_on(on).filter(depth=parent.depth + 1).order_by("code"):
        if fold(unit.short_name) == wanted:
            return unit
    return None


def _resolve(name: str, ctx, owner: Unit, day: dt.date) -> Unit | None:
    named = {"BAN": owner, "MTTQ": "MTTQ", "UBND": "UBND", "LDLD": "LDLD", "HND": "HND"}
    found = named.get(name)
    if isinstance(found, Unit):
        return found
    if found:
        return _province_unit(ctx.province, found)
    return _child(ctx.province, name, day)


def _directives(ctx, user, today: dt.date) -> dict[str, Directive]:
    types = {t.code: t for t in DirectiveType.objects.all()}
    result = {}
    for code, number, issued, issuer, summary, interim, final, reports in DIRECTIVES:
        directive = Directive.objects.filter(
            unit=ctx.province, type=types[code], number_key=rules.number_key(number), issued_on=issued
        ).first()
        if directive is None:
            directive = directive_services.save_directive(
                user,
                Directive(
                    unit=ctx.province,
                    type=types[code],
                    number=number,
                    issued_on=issued,
                    issuer=issuer,
                    summary=summary,
                    interim_years=interim,
                    final_years=final,
                ),
            )
        for milestone in Milestone.objects.filter(directive=directive, report_date__isnull=True):
            report = reports.get(milestone.years)
            if report and report[1] <= today:
                directive_services.record_review(
                    user,
                    milestone,
                    number=report[0],
                    date=report[1],
                    title=f"Báo cáo {milestone.citation[:1].lower()}{milestone.citation[1:]}",
                )
        result[number] = directive
    return result


def _plans(ctx, user, directives: dict[str, Directive], today: dt.date) -> int:
    count = 0
    for year, tasks in PLANS.items():
        owner = ctx.commission if year >= 2026 else ctx.commission_old
        issued = D(year, 1, 19)
        title = f"Kế hoạch công tác dân vận năm {year}"
        plan = WorkPlan.objects.filter(unit=owner, year_start=year, title=title).first()
        if plan is None:
            symbol = "BTGDVTU" if year >= 2026 else "BDVTU"
            plan = plan_services.save_plan(
                user,
                WorkPlan(
                    unit=owner,
                    year_start=year,
                    year_end=year,
                    title=title,
                    number=f"{year - 2015:02d}-KH/{symbol}",
                    issued_on=issued,
                    **summaries(issued),
                ),
            )
            count += 1
        for number, content, lead, partners, deadline, directive, progress in tasks:
            if KeyTask.objects.filter(plan=plan, number=number).exists():
                continue
            lead_unit = _resolve(lead, ctx, owner, deadline)
            partner_units = [u for u in (_resolve(p, ctx, owner, deadline) for p in partners) if u is not None]
            task = KeyTask(plan=plan, number=number, content=content, lead_unit=lead_unit, deadline=deadline)
            task.directive = directives.get(directive)
            plan_services.save_task(user, task, partner_units)
            for day, percent, note in progress:
                if day <= today and not TaskProgress.objects.filter(task=task, date=day).exists():
                    plan_services.report_progress(user, task, day, percent, note)
    return count


def _supervision(ctx, user, owner, year, topic, units, recs, today, **fields) -> Supervision | None:
    sup = Supervision.objects.filter(unit=owner, year=year, topic=topic).first()
    if sup is None:
        for name in ("actual_start", "actual_end", "concluded_on"):
            if fields.get(name) and fields[name] > today:
                fields.pop(name)
        if not fields.get("actual_start"):
            for name in ("actual_end", "concluded_on", "findings", "conclusions", "announcement_number"):
                fields.pop(name, None)
        sup = supervision_services.save_supervision(
            user, Supervision(unit=owner, year=year, topic=topic, **fields), units
        )
    for content, unit, deadline, follow_ups in recs:
        rec = Recommendation.objects.filter(supervision=sup, content=content).first()
        if rec is None:
            if not sup.actual_start:
                continue
            rec = supervision_services.save_recommendation(
                user, Recommendation(supervision=sup, content=content, responsible_unit=unit, deadline=deadline)
            )
        for day, text, closes in follow_ups:
            if (
                day <= today
                and not rec.closed_on
                and not FollowUp.objects.filter(recommendation=rec, date=day).exists()
            ):
                supervision_services.follow_up(user, rec, day, text, closes)
                rec.refresh_from_db()
    return sup


def _supervisions(ctx, user, directives: dict[str, Directive], today: dt.date) -> list[str]:
    when = D(2020, 1, 1)
    ben_cau, tan_bien = _child(ctx.province, "Bến Cầu", when), _child(ctx.province, "Tân Biên", when)
    made = []
    if ben_cau and tan_bien:
        _supervision(
            ctx, user, ctx.commission_old, 2021,
            "Kết quả 10 năm thực hiện Chỉ thị số 04-CT/TW ngày 6/7/2011 của Ban Bí thư (khóa XI) về tiếp tục đổi mới "
            "và nâng cao hiệu quả công tác đối ngoại nhân dân trong tình hình mới",
            [ben_cau, tan_bien],
            [
                ("Xây dựng quy chế phối hợp giữa Ban Dân vận Huyện ủy với Đồn Biên phòng trong công tác đối ngoại "
                 "nhân dân ở khu vực biên giới", ben_cau, D(2021, 12, 31),
                 [(D(2021, 11, 15), "Đã dự thảo quy chế phối hợp", False),
                  (D(2021, 12, 20), "Đã ký kết quy chế phối hợp với Đồn Biên phòng Long Khánh", True)]),
                ("Tổ chức sơ kết việc thực hiện Chỉ thị số 04-CT/TW ở cấp xã; bổ sung nội dung đối ngoại nhân dân "
                 "vào kế hoạch công tác dân vận hằng năm", tan_bien, D(2022, 3, 31),
                 [(D(2022, 2, 10), "Đã sơ kết ở 5/10 xã, thị trấn", False)]),
                ("Tăng cường tuyên truyền về chủ quyền biên giới, giao lưu hữu nghị với Nhân dân các xã giáp biên "
                 "của Vương quốc Campuchia", tan_bien, D(2022, 6, 30), []),
            ],
            today,
            activity="supervision", mode="thematic", directive=directives.get("04-CT/TW"),
            subject_label="Ban Thường vụ Huyện ủy Bến Cầu và Tân Biên",
            team_head="Lý Trung Đông, Phó Trưởng Ban Dân vận Tỉnh ủy",
            team="Đại diện Phòng Dân vận, Văn phòng Ban; đại diện Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
            planned_start=D(2021, 8, 1), planned_end=D(2021, 8, 31),
            actual_start=D(2021, 8, 9), actual_end=D(2021, 8, 13), concluded_on=D(2021, 9, 6),
            announcement_number="12-TB/BDVTU",
            findings="Ban Thường vụ Huyện ủy Bến Cầu và Tân Biên đã ban hành kế hoạch thực hiện Chỉ thị số 04-CT/TW, "
            "lồng ghép vào chương trình công tác hằng năm.\nCông tác đối ngoại nhân dân ở khu vực biên giới được "
            "quan tâm; quan hệ hữu nghị với chính quyền, Nhân dân các xã giáp biên được duy trì.\n"
            "Tuy nhiên, việc sơ kết định kỳ ở cấp xã chưa đều; sự phối hợp giữa các lực lượng có lúc chưa chặt chẽ.",
            conclusions="Việc thực hiện Chỉ thị số 04-CT/TW ở hai huyện đạt kết quả khá. Đề nghị Ban Thường vụ "
            "Huyện ủy tiếp tục lãnh đạo thực hiện, khắc phục các hạn chế nêu trên.",
        )  # fmt: skip
        made.append("giám sát Chỉ thị 04-CT/TW tại Bến Cầu và Tân Biên (2021)")
    ldld = _province_unit(ctx.province, "LDLD")
    if ldld:
        _supervision(
            ctx, user, ctx.commission_old, 2021,
            "Việc thực hiện Đề án số 08-ĐA/TU ngày 27/3/2020 của Ban Thường vụ Tỉnh ủy về tập hợp, đoàn kết công nhân "
            "trên địa bàn tỉnh giai đoạn 2020-2025",
            [ldld],
            [("Phát triển tổ chức công đoàn ở doanh nghiệp ngoài nhà nước", ldld, D(2022, 12, 31),
              [(D(2022, 6, 30), "Đã thành lập thêm 12 công đoàn cơ sở", False)])],
            today,
            activity="supervision", mode="regular", directive=directives.get("08-ĐA/TU"),
            team_head="Lý Trung Đông, Phó Trưởng Ban Dân vận Tỉnh ủy",
            planned_start=D(2021, 10, 1), planned_end=D(2021, 10, 31),
            actual_start=D(2021, 10, 18), actual_end=D(2021, 10, 20),
            findings="Liên đoàn Lao động tỉnh đã cụ thể hóa Đề án bằng kế hoạch hằng năm.",
            conclusions="Cần đẩy mạnh phát triển đoàn viên ở khu công nghiệp.",
        )  # fmt: skip
        made.append("giám sát Đề án 08-ĐA/TU (2021)")
    new_communes = list(
        Unit.objects.subtree(ctx.province).filter(kind__tier="commune", valid_from=D(2025, 7, 1)).order_by("code")[:6]
    )
    first = ctx.commune
    others = [c for c in new_communes if c.pk != first.pk][:2]
    if others:
        _supervision(
            ctx, user, ctx.commission, 2026,
            "Việc thực hiện Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị về Quy chế công tác dân vận "
            "của hệ thống chính trị sau sắp xếp đơn vị hành chính",
            [first, others[0]],
            [(f"Kiện toàn Khối dân vận và tổ dân vận ở các ấp, khu phố của {first.name}", first, D(2026, 12, 15),
              [(D(2026, 10, 30), "Đã kiện toàn ở 8/12 ấp", False)]),
             (f"Ban hành quy chế phối hợp công tác dân vận của {others[0].name}", others[0], D(2026, 11, 15), [])],
            today,
            activity="supervision", mode="thematic", directive=directives.get("23-QĐ/TW"),
            team_head="Trần Thị Kim Ngân, Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
            planned_start=D(2026, 9, 1), planned_end=D(2026, 9, 30),
            actual_start=D(2026, 9, 14), actual_end=D(2026, 9, 18),
            findings="Các xã đã kiện toàn Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở sau sắp xếp.\n"
            "Một số ấp chưa kiện toàn tổ dân vận.",
            conclusions="Cơ bản thực hiện tốt Quy chế công tác dân vận; cần sớm kiện toàn tổ chức ở ấp.",
        )  # fmt: skip
        _supervision(
            ctx, user, ctx.commission, 2026,
            "Việc thực hiện dân chủ ở cơ sở theo Luật Thực hiện dân chủ ở cơ sở năm 2022",
            [others[-1]],
            [],
            today,
            activity="inspection", mode="regular",
            team_head="Trần Thị Kim Ngân, Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
            planned_start=D(2026, 12, 1), planned_end=D(2026, 12, 15),
        )  # fmt: skip
        made.append("chương trình kiểm tra, giám sát 2026 tại các xã mới")
    return made


def load(ctx) -> list[str]:
    seed_config(DirectiveType, IssuingBody)
    user = ctx.users["tinh"]
    today = timezone.localdate()
    directives = _directives(ctx, user, today)
    new_plans = _plans(ctx, user, directives, today)
    supervisions = _supervisions(ctx, user, directives, today)
    due = Milestone.objects.filter(directive__unit=ctx.province, due_date__year=2021).count()
    return [
        f"Đã nạp {len(directives)} văn bản chỉ đạo ({due} nội dung sơ kết, tổng kết đến hạn năm 2021), "
        f"kế hoạch công tác 2021–2026 ({new_plans} kế hoạch mới), " + "; ".join(supervisions) + "."
    ]

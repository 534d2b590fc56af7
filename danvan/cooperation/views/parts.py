"""A programme's parts: its items, each year's joint plan and evaluation meeting, their files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.cooperation import services
from danvan.cooperation.forms import EvaluationForm, ItemForm, YearPlanForm
from danvan.cooperation.models import Evaluation, ProgrammeItem, YearPlan
from danvan.cooperation.views.programmes import get_programme, render_detail, require_change
from danvan.core import uploads
from danvan.core.views import saved_by_service


@require_POST
@login_required
def item_add(request, pk: int):
    programme = get_programme(request, pk)
    require_change(request.user, programme)
    form = ItemForm(request.POST, instance=ProgrammeItem(programme=programme), names=services.names_of(programme))
    if done := saved_by_service(
        request, form, lambda f: services.save_item(request.user, f.instance), "Đã thêm nội dung phối hợp.",
        to=programme,
    ):  # fmt: skip
        return done
    return render_detail(request, programme, item_form=form)


def get_item(request, pk: int) -> ProgrammeItem:
    queryset = ProgrammeItem.objects.restrict(request.user).select_related("programme__unit")
    return get_object_or_404(queryset, pk=pk)


@login_required
def item_edit(request, pk: int):
    item = get_item(request, pk)
    programme = item.programme
    require_change(request.user, programme)
    form = ItemForm(request.POST or None, instance=item, names=services.names_of(programme))
    if done := saved_by_service(
        request, form, lambda f: services.save_item(request.user, f.instance), "Đã lưu nội dung phối hợp.",
        to=programme,
    ):  # fmt: skip
        return done
    return render(request, "cooperation/item_form.html", {"form": form, "item": item, "programme": programme})


@require_POST
@login_required
def item_delete(request, pk: int):
    item = get_item(request, pk)
    programme = item.programme
    require_change(request.user, programme)
    services.delete_item(request.user, item)
    messages.success(request, f"Đã xóa nội dung số {item.order}.")
    return redirect(programme)


def _upload(form):
    return form.cleaned_data.get("upload")


@require_POST
@login_required
def year_plan_add(request, pk: int):
    programme = get_programme(request, pk)
    require_change(request.user, programme)
    form = YearPlanForm(request.POST, request.FILES, instance=YearPlan(programme=programme), programme=programme)
    done = saved_by_service(
        request, form, lambda f: services.save_year_plan(request.user, f.instance, _upload(f)),
        "Đã ghi kế hoạch phối hợp năm.", to=programme,
    )  # fmt: skip
    return done or render_detail(request, programme, plan_form=form)


@require_POST
@login_required
def evaluation_add(request, pk: int):
    programme = get_programme(request, pk)
    require_change(request.user, programme)
    form = EvaluationForm(request.POST, request.FILES, instance=Evaluation(programme=programme), programme=programme)
    done = saved_by_service(
        request, form, lambda f: services.save_evaluation(request.user, f.instance, _upload(f)),
        "Đã ghi hội nghị đánh giá năm.", to=programme,
    )  # fmt: skip
    return done or render_detail(request, programme, evaluation_form=form)


@login_required
def year_plan_file(request, pk: int):
    plan = get_object_or_404(YearPlan.objects.restrict(request.user), pk=pk)
    return uploads.serve(plan.file, plan.file_name)


@login_required
def evaluation_file(request, pk: int):
    evaluation = get_object_or_404(Evaluation.objects.restrict(request.user), pk=pk)
    return uploads.serve(evaluation.file, evaluation.file_name)


def get_plan(request, pk: int) -> YearPlan:
    return get_object_or_404(YearPlan.objects.restrict(request.user).select_related("programme__unit"), pk=pk)


def get_evaluation(request, pk: int) -> Evaluation:
    return get_object_or_404(Evaluation.objects.restrict(request.user).select_related("programme__unit"), pk=pk)


def _edit_page(request, form, record, title: str):
    context = {"form": form, "record": record, "programme": record.programme, "title": title}
    return render(request, "cooperation/part_form.html", context)


@login_required
def year_plan_edit(request, pk: int):
    plan = get_plan(request, pk)
    programme = plan.programme
    require_change(request.user, programme)
    form = YearPlanForm(request.POST or None, request.FILES or None, instance=plan, programme=programme)
    if done := saved_by_service(
        request, form,
        lambda f: services.save_year_plan(request.user, f.instance, _upload(f), f.cleaned_data.get("version")),
        "Đã lưu kế hoạch phối hợp năm.", to=programme,
    ):  # fmt: skip
        return done
    return _edit_page(request, form, plan, f"Sửa kế hoạch phối hợp năm {plan.year}")


@require_POST
@login_required
def year_plan_delete(request, pk: int):
    plan = get_plan(request, pk)
    programme = plan.programme
    require_change(request.user, programme)
    services.delete_year_plan(request.user, plan)
    messages.success(request, f"Đã xóa kế hoạch phối hợp năm {plan.year}.")
    return redirect(programme)


@login_required
def evaluation_edit(request, pk: int):
    evaluation = get_evaluation(request, pk)
    programme = evaluation.programme
    require_change(request.user, programme)
    form = EvaluationForm(request.POST or None, request.FILES or None, instance=evaluation, programme=programme)
    if done := saved_by_service(
        request, form,
        lambda f: services.save_evaluation(request.user, f.instance, _upload(f), f.cleaned_data.get("version")),
        "Đã lưu hội nghị đánh giá năm.", to=programme,
    ):  # fmt: skip
        return done
    return _edit_page(request, form, evaluation, f"Sửa hội nghị đánh giá năm {evaluation.year}")


@require_POST
@login_required
def evaluation_delete(request, pk: int):
    evaluation = get_evaluation(request, pk)
    programme = evaluation.programme
    require_change(request.user, programme)
    services.delete_evaluation(request.user, evaluation)
    messages.success(request, f"Đã xóa hội nghị đánh giá năm {evaluation.year}.")
    return redirect(programme)

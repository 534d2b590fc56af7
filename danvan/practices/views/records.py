"""Register, edit and amend a practice."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from danvan.core import scoping
from danvan.core.forms import add_errors, new_submit_token, spend_submit_token, submit_token_result
from danvan.practices import services
from danvan.practices.forms import AmendmentForm, PracticeForm
from danvan.practices.models import Practice
from danvan.practices.views.common import get_practice

TOKEN_SCOPE = "practices:create"


@login_required
def practice_create(request):
    if scoping.scope_paths(request.user, scoping.CHANGE) == []:
        raise PermissionDenied("Bạn chưa được phân quyền cập nhật hồ sơ của đơn vị nào nên không đăng ký được mô hình.")
    token = request.POST.get("token", "") if request.method == "POST" else new_submit_token()
    if request.method == "POST":
        done = submit_token_result(request, TOKEN_SCOPE, token)
        if done is not None:
            # A second submit of the same form (double click, back and resend): show what the first made.
            practice = get_object_or_404(Practice.objects.restrict(request.user), pk=done)
            messages.info(request, f"Biểu mẫu này đã được gửi; mô hình đã đăng ký với mã {practice.code}.")
            return redirect(practice)
        form = PracticeForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                practice = services.register(request.user, form.instance)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                spend_submit_token(request, TOKEN_SCOPE, token, practice.pk)
                messages.success(request, f"Đã đăng ký mô hình “{practice.name}” với mã {practice.code}.")
                return redirect(practice)
    else:
        form = PracticeForm(user=request.user)
    context = {"form": form, "token": token, "title": "Đăng ký mô hình, điển hình"}
    return render(request, "practices/practice_form.html", context)


@login_required
def practice_edit(request, pk: int):
    practice = get_practice(request, pk)
    if not scoping.covers(request.user, practice.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền sửa hồ sơ của {practice.unit.name}.")
    if practice.is_locked:
        messages.warning(request, "Mô hình đã được công nhận nên không sửa trực tiếp được; hãy lập đính chính.")
        return redirect(practice)
    if request.method == "POST":
        form = PracticeForm(request.POST, instance=practice, user=request.user)
        if form.is_valid():
            try:
                services.update(request.user, form.instance, expected_version=form.cleaned_data["version"])
            except ValidationError as exc:
                add_errors(form, exc)  # what the user typed stays in the form
            else:
                messages.success(request, f"Đã lưu thay đổi của {practice.code}.")
                return redirect(practice)
    else:
        form = PracticeForm(instance=practice, user=request.user)
    context = {"form": form, "practice": practice, "title": f"Sửa {practice.code}"}
    return render(request, "practices/practice_form.html", context)


@login_required
def practice_amend(request, pk: int):
    """Correct a recognized practice; the original values are kept in the amendment."""
    practice = get_practice(request, pk)
    if not practice.is_locked:
        messages.info(request, "Chỉ lập đính chính cho mô hình đã được công nhận; hồ sơ này sửa trực tiếp.")
        return redirect(practice)
    if not scoping.covers(request.user, practice.unit.path, scoping.REVIEW):
        raise PermissionDenied("Chỉ người có quyền thẩm định, phê duyệt mới lập đính chính.")
    if request.method == "POST":
        form = AmendmentForm(request.POST, instance=practice, user=request.user)
        if form.is_valid():
            try:
                services.amend(request.user, practice, form.changes(), form.cleaned_data["reason"])
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, f"Đã lập đính chính cho {practice.code}; nội dung gốc được lưu lại.")
                return redirect(practice)
    else:
        form = AmendmentForm(instance=practice, user=request.user)
    context = {"form": form, "practice": practice, "title": f"Đính chính {practice.code}"}
    return render(request, "practices/practice_form.html", context)

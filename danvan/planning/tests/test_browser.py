"""The planning pages driven in a real Chromium: a directive with milestones is created through the
form, is seen due (and overdue, in red) on the planning page, and its review is recorded."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from danvan.core.testing.browser import fill_date, pick_unit
from danvan.core.vn import text_date
from danvan.planning.models import Milestone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_directive_is_registered_seen_due_and_its_review_recorded(page, login, cast, config, screenshot):
    today = timezone.localdate()
    # Issued five years and ten days ago, less a few weeks: the 3-year review is overdue,
    # the 5-year one falls due in ten days.
    issued = dt.date(today.year - 5, today.month, today.day) + dt.timedelta(days=10)
    three_years = issued.replace(year=issued.year + 3)
    five_years = issued.replace(year=issued.year + 5)
    login(cast.admin)
    page.goto(page.base_url + "/ke-hoach/van-ban/")
    page.get_by_role("link", name="Thêm văn bản").click()
    expect(page.get_by_role("heading", name="Thêm văn bản chỉ đạo")).to_be_visible()
    pick_unit(page, "Đơn vị theo dõi", "tinh uy tay ninh", "Tỉnh ủy Tây Ninh")
    page.get_by_label("Loại văn bản").select_option(label="Kết luận")
    page.get_by_label("Số hiệu").fill("19-CT/TW")  # a Chỉ thị's number: refused
    fill_date(page, "Ngày ban hành", issued.strftime("%d/%m/%Y"))
    page.get_by_label("Cơ quan ban hành").fill("Ban Bí thư")
    page.get_by_label("Trích yếu").fill("Tiếp tục thực hiện Quyết định số 290-QĐ/TW của Bộ Chính trị (khóa X)")
    page.get_by_label("Sơ kết sau (năm)").fill("3, 5")
    page.get_by_label("Tổng kết sau (năm)").fill("10")
    page.get_by_role("button", name="Lưu văn bản").click()
    expect(page.get_by_text("không khớp loại Kết luận (KL)")).to_be_visible()
    expect(page.get_by_label("Sơ kết sau (năm)")).to_have_value("3, 5")  # nothing typed is lost
    screenshot("planning/directive-form-errors")
    page.get_by_label("Số hiệu").fill("03-KL/TW")
    page.get_by_role("button", name="Lưu văn bản").click()

    expect(page.get_by_role("heading", name="Kết luận số 03-KL/TW")).to_be_visible()
    milestones = page.get_by_test_id("milestone")
    expect(milestones).to_have_count(3)
    expect(milestones.nth(0)).to_contain_text(f"Sơ kết 3 năm thực hiện Kết luận số 03-KL/TW, ngày {text_date(issued)}")
    expect(milestones.nth(0)).to_contain_text(f"Hạn {text_date(three_years)}")
    expect(milestones.nth(0).get_by_test_id("state")).to_have_text("Quá hạn")
    expect(milestones.nth(1)).to_contain_text(f"Hạn {text_date(five_years)}")
    expect(milestones.nth(1)).to_contain_text("còn 10 ngày")
    screenshot("planning/directive-detail")

    page.get_by_role("link", name="Việc đến hạn").click()
    reviews = page.get_by_test_id("panel-reviews")
    # The 3-year review fell due in an earlier year: counted apart from this year's (as the reviews report counts).
    expect(reviews.get_by_test_id("reviews-earlier-overdue")).to_contain_text("Còn 1 nội dung của các năm trước")
    overdue = reviews.get_by_test_id("review-item").filter(has_text="Sơ kết 3 năm")
    expect(overdue).to_have_class(re.compile("text-danger"))
    color = overdue.locator("a").evaluate("element => getComputedStyle(element).color")
    red, green, blue = (int(v) for v in re.findall(r"\d+", color)[:3])
    assert red > 150 and green < 80 and blue < 80, color  # shown in red
    if five_years.year == today.year:
        soon = reviews.get_by_test_id("review-item").filter(has_text="Sơ kết 5 năm")
        expect(soon).to_contain_text("còn 10 ngày")
        expect(soon).not_to_have_class(re.compile("text-danger"))
    screenshot("planning/dashboard")

    overdue.locator("a").click()
    three = page.get_by_test_id("milestone").filter(has_text="Sơ kết 3 năm")
    three.get_by_text("Ghi nhận báo cáo sơ kết").click()
    three.get_by_label("Số, ký hiệu báo cáo").fill("215-BC/TU")
    fill_date(three, "Ngày báo cáo", today.strftime("%d/%m/%Y"))
    screenshot("planning/review-form")
    three.get_by_role("button", name="Lưu báo cáo").click()
    expect(page.get_by_text("Đã ghi nhận báo cáo")).to_be_visible()
    three = page.get_by_test_id("milestone").filter(has_text="Sơ kết 3 năm")
    expect(three.get_by_test_id("state")).to_have_text("Đã thực hiện")
    expect(three.get_by_test_id("review-report")).to_contain_text(f"Đã báo cáo: số 215-BC/TU, ngày {text_date(today)}")
    assert Milestone.objects.get(years=3).report_number == "215-BC/TU"

    page.get_by_role("link", name="Việc đến hạn").click()
    expect(page.get_by_test_id("reviews-overdue")).to_have_count(0)
    expect(
        page.get_by_test_id("panel-reviews").get_by_test_id("review-item").filter(has_text="Sơ kết 3 năm")
    ).to_have_count(0)
    page.get_by_role("link", name="Sơ kết, tổng kết").click()
    page.get_by_label("Năm đến hạn").select_option(str(three_years.year))
    page.get_by_role("button", name="Lọc").click()
    expect(page.get_by_test_id("review-row")).to_have_count(1)
    expect(page.get_by_test_id("review-row")).to_contain_text("Đã thực hiện")
    screenshot("planning/reviews")


def test_another_units_directive_is_not_found(page, login, cast, config):
    from danvan.planning.tests.conftest import make_directive

    theirs = make_directive(cast.admin, cast.d2, interim_years="5")
    login(cast.c1_officer)
    response = page.goto(f"{page.base_url}/ke-hoach/van-ban/{theirs.pk}/")
    assert response.status == 404
    response = page.goto(f"{page.base_url}/ke-hoach/")
    assert response.status == 200
    expect(page.get_by_test_id("panel-reviews")).to_contain_text("Không có nội dung sơ kết, tổng kết chưa thực hiện.")

"""The Excel import in Chromium: a file with errors is refused with every error, a good one is confirmed."""

import pytest
from playwright.sync_api import expect

from danvan.practices.models import Practice
from danvan.practices.tests.test_import import row, write_xlsx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_previews_a_bad_file_then_imports_a_good_one(page, login, cast, screenshot, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    bad = write_xlsx(
        tmp_path / "sai.xlsx",
        [row(), row(stt=2, unit="KHONG-CO"), row(stt=3, year=2099), row(stt=4, unit="C3")],
    )
    good = write_xlsx(tmp_path / "dung.xlsx", [row(), row(stt=2, name="Mô hình của xã Lợi Thuận", unit="C2")])
    login(cast.d1_officer)
    page.goto(page.base_url + "/dan-van-kheo/")
    page.get_by_role("link", name="Nhập Excel").click()
    page.locator("input[type=file]").set_input_files(str(bad))
    page.locator("form button[type=submit]").last.click()
    errors = page.get_by_test_id("import-errors")
    expect(errors).to_contain_text("KHONG-CO")
    expect(errors).to_contain_text("2099")
    expect(errors).to_contain_text("ngoài phạm vi")
    expect(page.get_by_test_id("import-confirm")).to_have_count(0)
    screenshot("practices-import-errors")
    assert Practice.objects.count() == 0

    page.get_by_role("link", name="Chọn tệp khác").click()
    page.locator("input[type=file]").set_input_files(str(good))
    page.locator("form button[type=submit]").last.click()
    expect(page.get_by_test_id("count-create")).to_have_text("2")
    screenshot("practices-import-preview")
    page.get_by_test_id("import-confirm").get_by_role("button").click()
    expect(page.get_by_text("Đã thêm 2, cập nhật 0, không đổi 0")).to_be_visible()
    assert sorted(Practice.objects.values_list("unit__code", flat=True)) == ["C1", "C2"]

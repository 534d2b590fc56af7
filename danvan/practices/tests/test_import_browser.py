"""The Excel import in Chromium, with a real worker: the progress bar, every error, a fixed file, the confirm."""

import pytest
from playwright.sync_api import expect

from danvan.practices.models import Practice
from danvan.practices.tests.test_import import row, write_xlsx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_watches_the_check_sees_the_errors_fixes_the_file_and_confirms(
    page, login, cast, screenshot, worker, tmp_path
):
    worker.stop()  # started again below: the page must first show the job waiting
    bad = write_xlsx(
        tmp_path / "sai.xlsx",
        [row(), row(stt=2, unit="KHONG-CO"), row(stt=3, year=2099), row(stt=4, unit="C3")],
    )
    good = write_xlsx(tmp_path / "dung.xlsx", [row(), row(stt=2, name="Mô hình của xã Lợi Thuận", unit="C2")])
    login(cast.d1_officer)
    page.goto(page.base_url + "/dan-van-kheo/")
    page.get_by_role("link", name="Nhập Excel").click()
    page.locator("input[type=file]").set_input_files(str(bad))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    progress = page.get_by_test_id("job-progress")
    expect(progress).to_have_attribute("data-status", "queued")
    expect(page.get_by_role("progressbar")).to_be_visible()
    expect(page.get_by_test_id("job-rows")).to_contain_text("Đang chờ máy xử lý")
    screenshot("import-job-waiting")

    worker.start()  # the page follows the job by itself, then shows the preview
    errors = page.get_by_test_id("import-errors")
    expect(errors).to_contain_text("KHONG-CO", timeout=120_000)
    expect(errors).to_contain_text("2099")
    expect(errors).to_contain_text("ngoài phạm vi")
    expect(page.get_by_test_id("import-confirm")).to_have_count(0)
    screenshot("import-errors")
    assert Practice.objects.count() == 0

    page.get_by_test_id("import-again").click()
    page.locator("input[type=file]").set_input_files(str(good))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    expect(page.get_by_test_id("count-create")).to_have_text("2", timeout=120_000)
    screenshot("import-preview")
    page.get_by_test_id("import-confirm").get_by_role("button").click()
    expect(page.get_by_test_id("job-summary")).to_contain_text("Đã thêm 2, cập nhật 0, không đổi 0", timeout=120_000)
    assert sorted(Practice.objects.values_list("unit__code", flat=True)) == ["C1", "C2"]
    page.locator("#user-menu").click()
    page.get_by_test_id("my-jobs").click()
    expect(page.get_by_test_id("job-row")).to_have_count(3)
    worker.stop()
    page.goto("about:blank")  # no request of the page still running while the database is emptied

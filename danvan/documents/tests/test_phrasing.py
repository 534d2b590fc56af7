from danvan.documents.phrasing import (
    YearFigures,
    change_phrase,
    registration_sentence,
    split_sentence,
)


def test_an_increase_is_worded_as_in_the_2019_report():
    sentence = registration_sentence("toàn tỉnh", YearFigures(2019, 7736, 6568, 7337), "cấp cơ sở")
    assert sentence == (
        "Năm 2019, toàn tỉnh đăng ký 7.736 mô hình cấp cơ sở, tăng 399 mô hình so với năm 2018; "
        "đã công nhận 6.568 mô hình đạt cấp cơ sở, chiếm 84,9% so với số đăng ký."
    )


def test_a_decrease_is_worded_with_giam():
    sentence = registration_sentence("toàn tỉnh", YearFigures(2022, 1234, 1100, 1290), "cấp cơ sở")
    assert sentence == (
        "Năm 2022, toàn tỉnh đăng ký 1.234 mô hình cấp cơ sở, giảm 56 mô hình so với năm 2021; "
        "đã công nhận 1.100 mô hình đạt cấp cơ sở, chiếm 89,1% so với số đăng ký."
    )


def test_no_change_says_equal_to_last_year():
    sentence = registration_sentence("toàn huyện", YearFigures(2021, 40, 30, 40), "cấp huyện")
    assert "đăng ký 40 mô hình cấp huyện, bằng năm 2020; đã công nhận 30 mô hình" in sentence


def test_a_first_year_has_no_comparison():
    sentence = registration_sentence("toàn tỉnh", YearFigures(2009, 12, 10, None), "cấp tỉnh")
    assert sentence == (
        "Năm 2009, toàn tỉnh đăng ký 12 mô hình cấp tỉnh; "
        "đã công nhận 10 mô hình đạt cấp tỉnh, chiếm 83,3% so với số đăng ký."
    )
    assert "so với năm 2008" not in sentence


def test_a_year_with_nothing_registered_says_so_without_a_rate():
    assert registration_sentence("toàn xã", YearFigures(2023, 0, 0, None), "cấp cơ sở") == (
        "Năm 2023, toàn xã không có mô hình đăng ký cấp cơ sở."
    )
    sentence = registration_sentence("toàn xã", YearFigures(2023, 0, 0, 4), "cấp cơ sở")
    assert "không có mô hình đăng ký" in sentence and "năm 2022 có 4 mô hình" in sentence
    assert "%" not in sentence


def test_nothing_recognized_yet_is_worded_without_zero_percent():
    sentence = registration_sentence("toàn tỉnh", YearFigures(2026, 300, 0, 280), "cấp cơ sở", noun="điển hình")
    assert sentence.endswith("tăng 20 điển hình so với năm 2025; chưa có điển hình nào được công nhận đạt cấp cơ sở.")


def test_change_phrase_groups_thousands():
    assert change_phrase(12_000, 10_500, 2020, "mô hình") == "tăng 1.500 mô hình so với năm 2020"


def test_split_sentence_leaves_out_empty_parts_and_gives_shares():
    sentence = split_sentence(
        "Theo lĩnh vực", [("Kinh tế", 3), ("Quốc phòng - an ninh", 0), ("Văn hóa - xã hội", 1)], 4
    )
    assert sentence == "Theo lĩnh vực: Kinh tế 3 mô hình (75,0%); Văn hóa - xã hội 1 mô hình (25,0%)."
    assert split_sentence("Theo khối", [], 0) == "Theo khối: không có mô hình."


def _unit(tier: str, name: str):
    from danvan.org.models import Unit, UnitKind

    return Unit(name=name, kind=UnitKind(code=f"k-{tier}", tier=tier))


def test_scope_word_follows_the_unit_tier_and_name():
    from danvan.documents.issuers import scope_word

    assert scope_word(_unit("province", "Tỉnh ủy Tây Ninh")) == "toàn tỉnh"
    assert scope_word(_unit("province", "Thành ủy Hà Nội")) == "toàn thành phố"
    assert scope_word(_unit("district", "Huyện ủy Bến Cầu")) == "toàn huyện"
    assert scope_word(_unit("district", "Thị ủy Hòa Thành")) == "toàn thị xã"
    assert scope_word(_unit("district", "Quận uỷ Ba Đình")) == "toàn quận"
    assert scope_word(_unit("commune", "Đảng ủy phường Tân Ninh")) == "toàn phường"
    assert scope_word(_unit("commune", "Đảng ủy xã Long Thuận")) == "toàn xã"
    assert scope_word(_unit("commune", "Đảng ủy đặc khu Phú Quốc")) == "toàn đặc khu"
    assert scope_word(_unit("other", "Hội Nông dân tỉnh")) == "toàn đơn vị"
    assert scope_word(None) == "toàn quốc"


def test_several_levels_are_worded_in_one_sentence_with_a_level_that_ended():
    from danvan.documents.phrasing import levels_sentence

    text = levels_sentence([("Cấp cơ sở", 953, 179, 923), ("Cấp huyện", 0, 0, 93)], 2026)
    assert text == (
        "Trong đó: cấp cơ sở đăng ký 953 mô hình, tăng 30 mô hình so với năm 2025, công nhận 179 mô hình; "
        "cấp huyện không có mô hình đăng ký (năm 2025 có 93 mô hình)."
    )


def test_the_reform_sentence_says_what_the_comparison_covers():
    import datetime as dt

    from danvan.documents.phrasing import reform_sentence

    text = reform_sentence(2025, dt.date(2025, 7, 1), ["Tỉnh ủy Long An (đến 30/6/2025)"], mapped_to_today=False)
    assert text.startswith("Do sắp xếp đơn vị hành chính từ ngày 1/7/2025")
    assert "số liệu năm 2024 dùng để so sánh được tính trên cùng phạm vi với năm 2025" in text
    assert "gồm cả Tỉnh ủy Long An (đến 30/6/2025)" in text and text.count(".") == 1
    assert "quy về đơn vị hiện nay" in reform_sentence(2026, dt.date(2025, 7, 1), [], mapped_to_today=True)


def test_a_total_without_a_level():
    figures = YearFigures(2026, 953, 179, 1016)
    assert registration_sentence("toàn tỉnh", figures) == (
        "Năm 2026, toàn tỉnh đăng ký 953 mô hình, giảm 63 mô hình so với năm 2025; "
        "đã công nhận 179 mô hình, chiếm 18,8% so với số đăng ký."
    )

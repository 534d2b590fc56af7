"""The sentences of the conference reports: both kinds, one kind only, several award types, nobody."""

from danvan.documents.phrasing import AwardCount, award_clause, awards_sentence, recipients_phrase

UBND = "Chủ tịch UBND tỉnh"
BDV = "Ban Dân vận Tỉnh ủy"


def test_collectives_and_individuals():
    assert recipients_phrase(5, 10) == "5 tập thể và 10 cá nhân"


def test_only_collectives_never_says_zero_individuals():
    assert recipients_phrase(9, 0) == "9 tập thể"
    assert "0 cá nhân" not in awards_sentence([AwardCount(BDV, "Giấy khen", 9, 0)])


def test_only_individuals():
    assert recipients_phrase(0, 10) == "10 cá nhân"
    assert (
        awards_sentence([AwardCount(UBND, "Bằng khen", 0, 10)]) == "Chủ tịch UBND tỉnh tặng Bằng khen cho 10 cá nhân."
    )


def test_nobody_gives_no_clause():
    assert recipients_phrase(0, 0) == ""
    assert award_clause(AwardCount(BDV, "Giấy khen", 0, 0)) == ""


def test_the_seed_sentence_with_several_award_types_joined_by_semicolons():
    sentence = awards_sentence([AwardCount(UBND, "Bằng khen", 5, 10), AwardCount(BDV, "Giấy khen", 9, 0)])
    assert sentence == (
        "Chủ tịch UBND tỉnh tặng Bằng khen cho 5 tập thể và 10 cá nhân; "
        "Ban Dân vận Tỉnh ủy tặng Giấy khen cho 9 tập thể."
    )


def test_large_counts_use_the_vietnamese_thousands_separator():
    assert recipients_phrase(1234, 5678) == "1.234 tập thể và 5.678 cá nhân"


def test_zero_clauses_are_left_out_and_the_same_authority_and_form_are_added_up():
    counts = [
        AwardCount(UBND, "Bằng khen", 54, 40),
        AwardCount("Ban Dân vận Trung ương", "Bằng khen", 0, 0),
        AwardCount(BDV, "Giấy khen", 4, 0),
        AwardCount(BDV, "Giấy khen", 2, 0),
    ]
    assert awards_sentence(counts) == (
        "Chủ tịch UBND tỉnh tặng Bằng khen cho 54 tập thể và 40 cá nhân; "
        "Ban Dân vận Tỉnh ủy tặng Giấy khen cho 6 tập thể."
    )


def test_a_lead_and_the_empty_year():
    assert awards_sentence([AwardCount(BDV, "Giấy khen", 9, 0)], lead="Năm 2017, ") == (
        "Năm 2017, Ban Dân vận Tỉnh ủy tặng Giấy khen cho 9 tập thể."
    )
    assert awards_sentence([]) == "Chưa có tập thể, cá nhân nào được khen thưởng."
    assert awards_sentence([], lead="Năm 2018, ") == "Năm 2018, chưa có tập thể, cá nhân nào được khen thưởng."


def test_one_authority_giving_several_forms_is_one_clause():
    counts = [
        AwardCount(UBND, "Cờ thi đua", 2, 0),
        AwardCount("Ban Dân vận Trung ương", "Bằng khen", 2, 1),
        AwardCount(UBND, "Bằng khen", 54, 40),
    ]
    assert awards_sentence(counts) == (
        "Chủ tịch UBND tỉnh tặng Cờ thi đua cho 2 tập thể, Bằng khen cho 54 tập thể và 40 cá nhân; "
        "Ban Dân vận Trung ương tặng Bằng khen cho 2 tập thể và 1 cá nhân."
    )

"""The Word file is opened again with python-docx and checked part by part."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from danvan.documents.docx import render_docx
from danvan.documents.models import Issuer
from danvan.documents.spec import COLLECTIVE, DEPUTY, Paragraph, Signature
from danvan.documents.tests.conftest import (
    SENTENCE,
    artifacts,
    sample_decision,
    sample_report,
    sample_state_decision,
    ubnd_issuer,
)

pytestmark = pytest.mark.django_db


def reopen(document) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_docx(document)))


def body_paragraph(word, text: str):
    return next(p for p in word.paragraphs if p.text == text)


def cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def test_the_page_is_a4_with_the_profiles_margins(report):
    section = reopen(report).sections[0]

    def mm(length):
        return length / Mm(1)

    assert mm(section.page_width) == pytest.approx(210, abs=0.5)
    assert mm(section.page_height) == pytest.approx(297, abs=0.5)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [mm(m) for m in margins] == pytest.approx([20, 20, 30, 15], abs=0.5)


def test_the_header_shows_the_issuer_the_number_the_party_line_and_the_date(report):
    word = reopen(report)
    header = word.tables[0]
    left, right = header.rows[0].cells
    assert cell_lines(left) == ["TỈNH ỦY TÂY NINH", "BAN DÂN VẬN", "*", "Số 05-BC/BDVTU"]
    assert [t for t in cell_lines(right) if t] == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Tây Ninh, ngày 05 tháng 02 năm 2021"]
    # The place and date stand level with the number: title, rule, two blank lines, date.
    assert cell_lines(right).index("Tây Ninh, ngày 05 tháng 02 năm 2021") == 4

    superior, issuer = left.paragraphs[0].runs[0], left.paragraphs[1].runs[0]
    assert (superior.font.size, bool(superior.bold)) == (Pt(14), False)
    assert (issuer.font.size, issuer.bold) == (Pt(14), True)
    party = right.paragraphs[0]
    assert (party.runs[0].font.size, party.runs[0].bold) == (Pt(15), True)
    date_run = right.paragraphs[4].runs[0]
    assert (date_run.italic, date_run.font.size) == (True, Pt(14))


def test_the_header_table_has_no_borders_and_a_rule_under_the_party_line(report):
    header = reopen(report).tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    rule = header.rows[0].cells[1].paragraphs[1]  # right under "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert rule.text == ""
    assert rule._p.pPr.find(qn("w:pBdr")).find(qn("w:top")).get(qn("w:val")) == "single"
    # The rule is about as long as the title (72.7 mm in Times New Roman bold 15), not the whole cell.
    cell_mm = header.columns[1].width / Mm(1)
    fmt = rule.paragraph_format
    rule_mm = cell_mm - 2 * 1.9 - (fmt.left_indent + fmt.right_indent) / Mm(1)
    assert rule_mm == pytest.approx(72.7, abs=3)


def test_the_type_is_bold_15_centred_above_a_bold_summary(report):
    word = reopen(report)
    kind = body_paragraph(word, "BÁO CÁO")
    assert kind.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert (kind.runs[0].bold, kind.runs[0].font.size) == (True, Pt(15))
    texts = [p.text for p in word.paragraphs]
    summary = word.paragraphs[texts.index("BÁO CÁO") + 1]
    assert summary.text == "Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2020"
    assert (summary.runs[0].bold, summary.runs[0].font.size) == (True, Pt(14))
    assert texts[texts.index("BÁO CÁO") + 2] == "-----"


def test_body_paragraphs_are_justified_14_with_a_first_line_indent(report):
    paragraph = body_paragraph(reopen(report), SENTENCE)
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert paragraph.paragraph_format.first_line_indent == Cm(1.27)
    assert paragraph.runs[0].font.size == Pt(14)


def test_the_font_is_times_new_roman_14_for_every_script(report):
    word = reopen(report)
    normal = word.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Times New Roman", Pt(14))
    for rpr in (normal.element.rPr, word.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rPr"))):
        fonts = rpr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
        assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would override the named one


def test_the_table_shows_formatted_figures_right_aligned_with_a_bold_total(report):
    table = reopen(report).tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Đơn vị", "Số mô hình đăng ký", "Số mô hình được công nhận", "Tỷ lệ (%)"]
    assert rows[1] == ["1", "Thành phố Tây Ninh", "142", "130", "91,5"]
    assert rows[-1] == ["", "Tổng cộng", "1.234", "1.100", "89,1"]
    total_cells = table.rows[-1].cells
    assert total_cells[2].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert total_cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER  # STT
    assert total_cells[1].paragraphs[0].runs[0].bold is True
    assert total_cells[2].paragraphs[0].runs[0].font.size == Pt(12)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page


def test_recipients_are_listed_under_an_underlined_label(report):
    closing = reopen(report).tables[-1]
    recipients = closing.rows[0].cells[0]
    assert cell_lines(recipients) == [
        "Nơi nhận:",
        "- Ban Dân vận Trung ương,",
        "- Thường trực Tỉnh ủy,",
        "- Lưu VP.",
    ]
    assert recipients.paragraphs[0].runs[0].underline is True
    assert recipients.paragraphs[1].runs[0].font.size == Pt(12)


def signature_lines(document) -> list[str]:
    cell = reopen(document).tables[-1].rows[0].cells[1]
    return [p.text for p in cell.paragraphs if p.text]


def test_the_head_signs_as_truong_ban(report):
    assert signature_lines(report) == ["TRƯỞNG BAN", "Lê Minh Thế"]
    name = reopen(report).tables[-1].rows[0].cells[1].paragraphs[-1].runs[0]
    assert name.bold is True


def test_a_deputy_signs_for_the_head(commissions):
    report = sample_report(commissions.new, dt.date(2025, 12, 20), signature=Signature(DEPUTY))
    assert signature_lines(report) == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Trần Thị Kim Ngân"]


def test_a_ban_may_not_sign_for_a_collective(commissions):
    with pytest.raises(ValueError, match="không được ký “T/M”"):
        sample_report(commissions.old, signature=Signature(COLLECTIVE))


def test_a_standing_committee_signs_for_the_collective(cast, seeded):
    Issuer.objects.create(
        unit=cast.province,
        superior_line="ĐẢNG BỘ TỈNH TÂY NINH",
        issuer_line="TỈNH ỦY",
        symbol="TU",
        place="Tây Ninh",
        head_title="BÍ THƯ",
        head_name="Nguyễn Thành Tâm",
        deputy_title="PHÓ BÍ THƯ",
        deputy_name="Nguyễn Mạnh Hùng",
        is_collective=True,
        collective_name="BAN THƯỜNG VỤ",
    )
    report = sample_report(cast.province, signature=Signature(COLLECTIVE, by_deputy=True))
    assert signature_lines(report) == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Mạnh Hùng"]


def test_pages_are_numbered_at_the_top_from_the_second_page(report):
    section = reopen(report).sections[0]
    assert section.different_first_page_header_footer is True
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(t.text for t in header._p.iter(qn("w:instrText")))
    assert "PAGE" not in section.first_page_header._element.xml


def test_text_is_stored_composed_nfc(commissions):
    decomposed = unicodedata.normalize("NFD", SENTENCE)
    report = sample_report(commissions.old)
    report.blocks.append(Paragraph(decomposed))
    texts = [p.text for p in reopen(report).paragraphs]
    assert texts.count(SENTENCE) == 2


def test_a_decision_carries_its_annex_after_the_signature(commissions):
    word = reopen(sample_decision(commissions.new))
    assert word.tables[0].rows[0].cells[0].paragraphs[-1].text == "Số 01-QĐ/BTGDVTU"
    article = next(p for p in word.paragraphs if p.text.startswith("Điều 1."))
    assert article.runs[0].bold is True and not article.runs[1].bold
    annex_title = body_paragraph(word, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN")
    assert annex_title.paragraph_format.page_break_before is True
    assert [c.text for c in word.tables[-1].rows[1].cells][1] == "Chi bộ ấp Long Hưng"
    # The closing (recipients and signature) comes before the annex table.
    assert "Nơi nhận:" in word.tables[-2].rows[0].cells[0].text


def test_the_state_format_has_the_national_motto_and_signs_tm(cast, seeded):
    word = reopen(sample_state_decision(ubnd_issuer(cast).unit))
    left, right = word.tables[0].rows[0].cells
    assert [t for t in cell_lines(left) if t] == ["ỦY BAN NHÂN DÂN", "TỈNH TÂY NINH", "Số: 03/QĐ-UBND"]
    assert [t for t in cell_lines(right) if t][:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    closing = word.tables[-1].rows[0].cells
    assert [p.text for p in closing[1].paragraphs if p.text] == [
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Năm",
    ]
    label = closing[0].paragraphs[0].runs[0]
    assert (label.bold, label.italic, label.font.size) == (True, True, Pt(12))


def test_the_generated_files_are_saved_for_review(report, commissions, cast):
    """Word and WeasyPrint files under test-artifacts/documents/, to open and look at."""
    from danvan.documents.pdf import render_pdf

    documents = {
        "bao-cao": report,
        "bao-cao-pho-truong-ban": sample_report(commissions.new, dt.date(2025, 12, 20), 12, Signature(DEPUTY)),
        "quyet-dinh": sample_decision(commissions.new),
        "quyet-dinh-ubnd": sample_state_decision(ubnd_issuer(cast).unit),
    }
    folder = artifacts()
    for name, document in documents.items():
        (folder / f"{name}.docx").write_bytes(render_docx(document))
        (folder / f"{name}-weasyprint.pdf").write_bytes(render_pdf(document))


def test_a_heading_keeps_with_its_table_and_the_total_with_the_row_above(report):
    word = reopen(report)
    table = word.tables[1]
    spacer = table._tbl.getprevious()  # a heading keeps with the spacer, the spacer with the table
    assert spacer.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
    heading = next(p for p in word.paragraphs if p.text == "I. KẾT QUẢ THỰC HIỆN")
    assert heading.paragraph_format.keep_with_next
    above_total = table.rows[-2].cells
    assert all(p.paragraph_format.keep_with_next for c in above_total for p in c.paragraphs)
    assert not any(p.paragraph_format.keep_with_next for p in table.rows[1].cells[1].paragraphs)
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[1:])

"""Render a `spec.Document` as a Word file in the Party (or State) document format with python-docx."""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from danvan.documents import spec
from danvan.documents.layout import CELL_PADDING_MM, header_lines, header_widths_mm, rule_indent_mm

_ALIGN = {
    spec.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    spec.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    spec.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    spec.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}
# Child order the schema requires (Word refuses a file whose properties are out of order).
_TBL_PR_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
]
_P_PR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
SHORT_RULE_MM = 35  # under a State summary
CLOSING_LEFT_MM = 80  # "Nơi nhận" column; the signature takes the rest
RULE_LINE_PT = 2  # height of the paragraph that carries a rule
RULE_GAP_PT = 3  # between the text and the rule under it


def render_docx(document: spec.Document) -> bytes:
    """The document as .docx bytes."""
    word = docx.Document()
    _setup_styles(word, document.profile)
    _setup_page(word, document)
    _page_numbers(word, document.profile)
    _header(word, document)
    _title(word, document)
    for block in document.blocks:
        _block(word, block, document.profile)
    _closing(word, document)
    for annex in document.annexes:
        _annex(word, annex, document.profile)
    _properties(word, document)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# --- Styles and page -----------------------------------------------------------------------------


def _insert(parent, child, order: list[str]) -> None:
    """Add `child` to `parent`, replacing one of the same tag, at its place in the schema's sequence."""
    name = child.tag.split("}")[1]
    old = parent.find(child.tag)
    if old is not None:
        parent.remove(old)
    later = {qn(f"w:{tag}") for tag in order[order.index(name) + 1 :]}
    anchor = next((c for c in parent if c.tag in later), None)
    if anchor is not None:
        anchor.addprevious(child)
    else:
        parent.append(child)


def _set_fonts(rpr, name: str) -> None:
    """Set the font for every script (ascii, hAnsi, eastAsia, cs) and drop theme fonts that override it."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _set_language(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia"):
        lang.set(qn(attr), "vi-VN")


def _setup_styles(word, profile) -> None:
    defaults = word.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, profile.font_name)
    _set_language(rpr)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = word.styles["Normal"]
    normal.font.name = profile.font_name
    normal.font.size = Pt(profile.body_size)
    _set_fonts(normal.element.get_or_add_rPr(), profile.font_name)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _setup_page(word, document: spec.Document) -> None:
    profile = document.profile
    section = word.sections[0]
    section.page_width = Mm(float(profile.page_width_mm))
    section.page_height = Mm(float(profile.page_height_mm))
    section.top_margin = Mm(float(profile.margin_top_mm))
    section.bottom_margin = Mm(float(profile.margin_bottom_mm))
    section.left_margin = Mm(float(profile.margin_left_mm))
    section.right_margin = Mm(float(profile.margin_right_mm))
    section.header_distance = Mm(float(profile.header_distance_mm))
    section.footer_distance = Mm(float(profile.header_distance_mm))


def text_width_mm(profile) -> float:
    return float(profile.page_width_mm - profile.margin_left_mm - profile.margin_right_mm)


def _page_numbers(word, profile) -> None:
    """A PAGE field centred at the top; the first page has its own, empty, header."""
    section = word.sections[0]
    section.different_first_page_header_footer = profile.number_from_second_page
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE", "2", profile.page_number_size)
    if profile.number_from_second_page:
        section.first_page_header.is_linked_to_previous = False


def _field(paragraph: DocxParagraph, instruction: str, placeholder: str, size: int) -> None:
    def run_with(element):
        run = paragraph.add_run()
        run.font.size = Pt(size)
        run._r.append(element)
        return run

    def fld_char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run_with(fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    run_with(fld_char("separate"))
    paragraph.add_run(placeholder).font.size = Pt(size)
    run_with(fld_char("end"))


def _properties(word, document: spec.Document) -> None:
    props = word.core_properties
    props.title = f"{document.kind_label} {document.summary}"[:255]
    props.author = document.issuer.name_line
    props.last_modified_by = document.issuer.name_line
    props.language = "vi-VN"
    props.created = props.modified = dt.datetime.combine(document.date, dt.time(8, 0))
    props.revision = 1


# --- Small builders ------------------------------------------------------------------------------


def _run(paragraph: DocxParagraph, text: str, size: int, bold=False, italic=False, underline=False):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    return run


def _line(container, text: str, size: int, align=spec.CENTER, **style) -> DocxParagraph:
    """A paragraph of one run in a cell or the body; a fresh cell's empty first paragraph is reused."""
    paragraphs = container.paragraphs
    if isinstance(container, _Cell) and len(paragraphs) == 1 and not paragraphs[0].text:
        paragraph = paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    paragraph.alignment = _ALIGN[align]
    if text:
        _run(paragraph, text, size, **style)
    else:
        # An empty line still takes the height of its font size.
        _mark_size(paragraph, size)
    return paragraph


def _mark_size(paragraph: DocxParagraph, size: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    rpr.append(sz)
    _insert(ppr, rpr, _P_PR_ORDER)


def _rule(container, content_mm: float, rule_mm: float) -> DocxParagraph:
    """A rule `rule_mm` long, centred in `content_mm`: the top border of a tiny empty paragraph.

    Drawn apart from the text above it, the rule can never make that text wrap.
    """
    paragraph = container.add_paragraph()
    side = Mm(rule_indent_mm(content_mm, rule_mm))
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.space_before = Pt(RULE_GAP_PT)  # clear of the descenders above
    _mark_size(paragraph, RULE_LINE_PT)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for attr, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")):
        top.set(qn(attr), value)
    borders.append(top)
    _insert(ppr, borders, _P_PR_ORDER)
    return paragraph


def _borderless_table(word, widths_mm: list[float]) -> DocxTable:
    table = word.add_table(rows=1, cols=len(widths_mm))
    _table_borders(table, "nil")
    _fix_widths(table, widths_mm)
    return table


def _table_borders(table: DocxTable, kind: str) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), kind)
        if kind != "nil":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    _insert(tbl_pr, borders, _TBL_PR_ORDER)


def _fix_widths(table: DocxTable, widths_mm: list[float]) -> None:
    """Fixed column widths that Word and LibreOffice both honour."""
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _insert(tbl_pr, layout, _TBL_PR_ORDER)
    width = tbl_pr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(sum(widths_mm) * 1440 / 25.4)))
    for column, mm in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(mm)
    for row in table.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(mm)


def _body_format(paragraph: DocxParagraph, profile, indent: bool = True, align: str = spec.JUSTIFY) -> None:
    fmt = paragraph.paragraph_format
    paragraph.alignment = _ALIGN[align]
    fmt.first_line_indent = Cm(float(profile.first_line_indent_cm)) if indent else None
    fmt.space_before = Pt(profile.paragraph_spacing_pt)
    fmt.space_after = Pt(0)
    fmt.line_spacing = float(profile.line_spacing)


# --- Parts ---------------------------------------------------------------------------------------


def _header(word, document: spec.Document) -> None:
    """The two-column header: issuing body and number left; "ĐẢNG CỘNG SẢN VIỆT NAM" and the date right."""
    left_mm, right_mm, outdent_mm = header_widths_mm(document, text_width_mm(document.profile))
    table = _borderless_table(word, [left_mm, right_mm])
    _outdent(table, outdent_mm)
    columns = header_lines(document)
    for cell, cell_mm, lines in zip(table.rows[0].cells, (left_mm, right_mm), columns, strict=True):
        for line in lines:
            _line(cell, line.text, line.size, bold=line.bold, italic=line.italic)
            if line.rule_mm:
                _rule(cell, cell_mm - 2 * CELL_PADDING_MM, line.rule_mm)


def _outdent(table: DocxTable, mm: float) -> None:
    if mm <= 0:
        return
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(-round(mm * 1440 / 25.4)))
    indent.set(qn("w:type"), "dxa")
    _insert(table._tbl.tblPr, indent, _TBL_PR_ORDER)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT


def _title(word, document: spec.Document) -> None:
    profile, conv = document.profile, document.conventions
    kind = _line(word, document.kind_label.upper(), profile.type_size, bold=True)
    kind.paragraph_format.space_before = Pt(18)
    kind.paragraph_format.keep_with_next = True
    summary = _line(word, document.summary, profile.summary_size, bold=True)
    summary.paragraph_format.keep_with_next = True
    if conv.summary_rule:
        rule = _line(word, conv.summary_rule, profile.summary_size)
    else:
        rule = _rule(word, text_width_mm(profile), SHORT_RULE_MM)
    rule.paragraph_format.space_after = Pt(6)


def _block(word, block: spec.Block, profile) -> None:
    if isinstance(block, spec.Heading):
        _heading(word, block, profile)
    elif isinstance(block, spec.Paragraph):
        _paragraph(word, block, profile)
    elif isinstance(block, spec.Table):
        _table(word, block, profile)
    elif isinstance(block, spec.PageBreak):
        word.add_page_break()
    else:
        raise TypeError(f"Unknown block: {block!r}")


# level: (bold, italic, first-line indent, alignment)
_HEADING_STYLE = {
    0: (True, False, False, spec.CENTER),
    1: (True, False, True, spec.JUSTIFY),
    2: (True, False, True, spec.JUSTIFY),
    3: (True, True, True, spec.JUSTIFY),
    4: (False, True, True, spec.JUSTIFY),
}


def _heading(word, block: spec.Heading, profile) -> None:
    bold, italic, indent, align = _HEADING_STYLE.get(block.level, _HEADING_STYLE[4])
    paragraph = word.add_paragraph()
    _body_format(paragraph, profile, indent=indent, align=align)
    paragraph.paragraph_format.keep_with_next = True
    _run(paragraph, block.text, profile.body_size, bold=bold, italic=italic)


def _paragraph(word, block: spec.Paragraph, profile) -> None:
    paragraph = word.add_paragraph()
    _body_format(paragraph, profile, indent=block.indent, align=block.align)
    if block.lead:
        _run(paragraph, f"{block.lead} ", profile.body_size, bold=True)
    _run(paragraph, block.text, profile.body_size, bold=block.bold, italic=block.italic)


def _column_widths(block: spec.Table, available_mm: float) -> list[float]:
    given = [c.width_mm for c in block.columns]
    free = [i for i, w in enumerate(given) if w is None]
    if free:
        rest = max(available_mm - sum(w for w in given if w is not None), 10 * len(free))
        for i in free:
            given[i] = rest / len(free)
    return [float(w) for w in given]


def _table(word, block: spec.Table, profile) -> None:
    spacer = word.add_paragraph()
    spacer.paragraph_format.space_before = Pt(profile.paragraph_spacing_pt)
    spacer.paragraph_format.keep_with_next = True  # the heading above keeps through it to the table
    _mark_size(spacer, 4)
    widths = _column_widths(block, text_width_mm(profile))
    table = word.add_table(rows=1, cols=len(widths))
    _table_borders(table, "single")
    _fix_widths(table, widths)
    header = table.rows[0]
    _repeat_header(header)
    for cell, column in zip(header.cells, block.columns, strict=True):
        _cell_text(cell, column.title, block.font_size, spec.CENTER, bold=True)
    rows = block.body_rows()
    for bold, cells in rows:
        row = table.add_row()
        _keep_row_together(row)  # a row never breaks across two pages
        for cell, width, (text, align) in zip(row.cells, widths, cells, strict=True):
            cell.width = Mm(width)
            _cell_text(cell, text, block.font_size, align, bold=bold)
    if len(rows) >= 2 and rows[-1][0]:  # a totals row never starts a page alone
        for cell in table.rows[-2].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _keep_end_with_next(word) -> None:
    """Keep what ends the body with the closing: its last paragraph, or when it ends with a table, the
    paragraphs of that table's last two rows (Word keeps a row with the next through its paragraphs)."""
    body = [el for el in word.element.body.iterchildren() if el.tag in (qn("w:p"), qn("w:tbl"))]
    if not body:
        return
    last = body[-1]
    if last.tag == qn("w:p"):
        word.paragraphs[-1].paragraph_format.keep_with_next = True
        return
    table = DocxTable(last, word._body)
    for row in table.rows[-2:]:
        _keep_row_together(row)
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _keep_row_together(row) -> None:
    if row._tr.get_or_add_trPr().find(qn("w:cantSplit")) is not None:
        return
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _cell_text(cell: _Cell, text: str, size: int, align: str, bold: bool = False) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.alignment = _ALIGN[align]
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(2)
    if text:
        _run(paragraph, text, size, bold=bold)
    else:
        _mark_size(paragraph, size)


def _closing(word, document: spec.Document) -> None:
    """'Nơi nhận:' and the recipients on the left, the signature block on the right."""
    profile = document.profile
    # The signature never stands alone on a page: the last paragraph (or a table's last rows) goes with it.
    _keep_end_with_next(word)
    spacer = word.add_paragraph()
    spacer.paragraph_format.space_before = Pt(profile.paragraph_spacing_pt)
    spacer.paragraph_format.keep_with_next = True
    _mark_size(spacer, profile.body_size)
    right_mm = text_width_mm(profile) - CLOSING_LEFT_MM
    table = _borderless_table(word, [CLOSING_LEFT_MM, right_mm])
    _keep_row_together(table.rows[0])
    left, right = table.rows[0].cells
    _recipients(left, document)
    _signature(right, document)


def _recipients(cell: _Cell, document: spec.Document) -> None:
    profile = document.profile
    if not document.recipients:
        return
    _line(
        cell,
        "Nơi nhận:",
        profile.recipients_label_size,
        align=spec.LEFT,
        bold=profile.recipients_label_bold,
        italic=profile.recipients_label_italic,
        underline=profile.recipients_label_underline,
    )
    for text in document.recipient_lines():
        _line(cell, text, profile.recipients_size, align=spec.LEFT)


def _signature(cell: _Cell, document: spec.Document) -> None:
    size = document.profile.signature_size
    for title in document.signature_titles:
        _line(cell, title, size, bold=True).paragraph_format.keep_with_next = True
    for _ in range(document.profile.signature_space_lines):
        _line(cell, "", size).paragraph_format.keep_with_next = True
    if document.signer_name:
        _line(cell, document.signer_name, size, bold=True)


def _annex(word, annex: spec.Annex, profile) -> None:
    title = _line(word, annex.title, profile.body_size, bold=True)
    title.paragraph_format.page_break_before = True
    if annex.subtitle:
        _line(word, annex.subtitle, profile.body_size, italic=True)
    _line(word, "-----", profile.body_size)
    if annex.table is not None:
        _table(word, annex.table, profile)
    for block in annex.blocks:
        _block(word, block, profile)

"""PDF from a `spec.Document`: HTML through WeasyPrint (always), or the .docx through LibreOffice when installed.

Fonts come from the machine only (fontconfig maps "Times New Roman" to Liberation Serif on Debian);
nothing is fetched from the network, so an offline intranet server renders the same file.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.template.loader import render_to_string

from danvan.documents import spec
from danvan.documents.layout import header_lines, header_widths_mm

logger = logging.getLogger(__name__)

FALLBACK_FONTS = '"Liberation Serif", "Times New Roman", "Tinos", serif'
OFFICE_TIMEOUT = 120  # seconds; the first start of LibreOffice builds its profile


def render_pdf(document: spec.Document) -> bytes:
    """The document as PDF bytes, rendered from documents/party_document.html with WeasyPrint."""
    profile = document.profile
    available = float(profile.page_width_mm - profile.margin_left_mm - profile.margin_right_mm)
    left_mm, right_mm, outdent_mm = header_widths_mm(document, available)
    left, right = header_lines(document)
    html = render_to_string(
        "documents/party_document.html",
        {
            "doc": document,
            "profile": profile,
            "fonts": f'"{profile.font_name}", {FALLBACK_FONTS}',
            "line_height": round(float(profile.line_spacing) * 1.15, 3),
            "header": {
                "left_mm": left_mm,
                "right_mm": right_mm,
                "outdent_mm": outdent_mm,
                "width_mm": left_mm + right_mm,
                "columns": [(left_mm, left), (right_mm, right)],
            },
            "blocks": [_block_context(b) for b in document.blocks],
            "annexes": [
                {
                    "annex": a,
                    "table": _block_context(a.table) if a.table else None,
                    "blocks": [_block_context(b) for b in a.blocks],
                }
                for a in document.annexes
            ],
        },
    )
    return html_to_pdf(html)


def _block_context(block: spec.Block) -> dict:
    """Blocks as dicts the template can branch on (templates cannot call isinstance)."""
    if isinstance(block, spec.Table):
        return {"type": "table", "block": block, "rows": block.body_rows()}
    return {"type": type(block).__name__.lower(), "block": block}


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """Any HTML (reports, certificates) to PDF; fonts are embedded (subsets), so glyphs print everywhere."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url or str(Path(__file__).parent)).write_pdf()


def office_available() -> bool:
    return shutil.which("soffice") is not None


def docx_to_pdf(docx_bytes: bytes) -> bytes | None:
    """Convert a .docx with LibreOffice headless; None when it is not installed or the conversion fails."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="danvan-office-") as tmp:
        folder = Path(tmp)
        source = folder / "van-ban.docx"
        source.write_bytes(docx_bytes)
        command = [
            soffice,
            "--headless",
            "--norestore",
            "--nolockcheck",
            # A private profile: no clash with a running LibreOffice or another conversion.
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=OFFICE_TIMEOUT, check=True)
        except (subprocess.SubprocessError, OSError) as exc:
            logger.warning("LibreOffice could not convert the document: %s", exc)
            return None
        target = folder / "van-ban.pdf"
        return target.read_bytes() if target.exists() else None


def best_pdf(document: spec.Document) -> bytes:
    """The PDF closest to the Word file: LibreOffice's conversion when available, WeasyPrint otherwise."""
    from danvan.documents.docx import render_docx

    return docx_to_pdf(render_docx(document)) or render_pdf(document)

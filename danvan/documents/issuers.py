"""Who issues a document, and the words for the scope it covers.

A document belongs to the body that owns the scope it covers: the provincial commission for the
province, the district commission before the 2025 reform, the commune's Party committee after it.
Thousands of units cannot be configured by hand, so the issuer is derived from the unit tree
(`derived_issuer`); an `Issuer` row configured in the admin for a unit (or for a unit directly under
it, as the province's commission) and valid on the document's date overrides the derived one.

`issuer_for(unit, day)` is the one lookup; `issuing_unit(unit, day)` says whose scope a report about
`unit` is on that day; `scope_word(unit)` gives "toàn tỉnh", "toàn huyện", "toàn xã"...
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from django.conf import settings

from danvan.core.vn import fold, text_date
from danvan.documents.choices import System
from danvan.documents.models import Issuer
from danvan.documents.spec import COLLECTIVE, HEAD, Signature

COMMISSION_KIND = "ban-dan-van"

# "Tỉnh ủy Tây Ninh" -> ("tỉnh", "Tây Ninh"); "Đảng ủy xã Long Thuận" -> ("xã", "Long Thuận").
_COMMITTEE = re.compile(r"^(tỉnh|thành|huyện|quận|thị)\s+(?:ủy|uỷ)\s+(.+)$", re.IGNORECASE)
_PARTY_COMMITTEE = re.compile(r"^đảng\s+(?:ủy|uỷ)\s+(xã|phường|thị trấn|đặc khu)\s+(.+)$", re.IGNORECASE)

# The committee word of a unit's name -> (header line word, symbol suffix of its commission).
_PROVINCE_WORDS = {"tinh": ("TỈNH ỦY", "TU"), "thanh": ("THÀNH ỦY", "TU")}
_DISTRICT_WORDS = {
    "huyen": ("HUYỆN ỦY", "HU"),
    "quan": ("QUẬN ỦY", "QU"),
    "thi": ("THỊ ỦY", "ThU"),
    "thanh": ("THÀNH ỦY", "ThU"),
}
# The Party organization ("đảng bộ") a committee leads, for the header of a commune's documents.
_ORGANIZATION = {"tinh": "TỈNH", "thanh": "THÀNH PHỐ", "huyen": "HUYỆN", "quan": "QUẬN", "thi": "THỊ XÃ"}


class NoIssuer(LookupError):
    """No body can issue a document about this unit on that day (nothing configured, nothing to derive from)."""


@cache
def _merger_setting(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def merger_date() -> dt.date:
    """The day the Ban Dân vận became the Ban Tuyên giáo và Dân vận (setting DANVAN_COMMISSION_MERGER)."""
    return _merger_setting(getattr(settings, "COMMISSION_MERGER", "2025-03-01"))


def commission_name(day: dt.date) -> tuple[str, str]:
    """The commission's name on `day` and its symbol's prefix: ("BAN DÂN VẬN", "BDV") before the
    merger, ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDV") from it."""
    if day < merger_date():
        return "BAN DÂN VẬN", "BDV"
    return "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDV"


def _upper(text: str) -> str:
    return " ".join(text.split()).upper()


def _committee(unit) -> tuple[str, str] | None:
    """(folded committee word, place) of a "Tỉnh ủy X" / "Huyện ủy X" unit name."""
    match = _COMMITTEE.match(" ".join(unit.name.split()))
    if not match:
        return None
    return fold(match.group(1)), match.group(2)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-–]+", name) if w and fold(w) not in ("va", "cua")]
    return "".join(fold(w)[0].upper() if w[0] not in "Đđ" else "Đ" for w in words if w[0].isalpha())


def _parent_on(unit, day: dt.date):
    """The unit's nearest ancestor that exists on `day`: a commune kept through the 2025 reform still has
    its ended district as parent in the tree, but from 1/7/2025 it belongs to the province."""
    parent = unit.parent
    while parent is not None and not parent.is_valid_on(day) and parent.parent_id:
        parent = parent.parent
    return parent


def _organization_line(parent) -> str:
    """ "ĐẢNG BỘ TỈNH TÂY NINH" for the committee `parent` (a province or a district); else its name."""
    if parent is None:
        return ""
    committee = _committee(parent)
    if committee is None:
        return _upper(parent.name)
    word, place = committee
    return f"ĐẢNG BỘ {_ORGANIZATION[word]} {_upper(place)}"


def _issuer(unit, **values) -> Issuer:
    """An unsaved Issuer: derived values are never written, so a change of the tree is seen at once."""
    issuer = Issuer(unit=unit, system=values.pop("system", System.PARTY), **values)
    issuer.derived = True
    return issuer


def derived_issuer(unit, day: dt.date) -> Issuer:
    """The issuer a unit has by the rules of the Party's document format, from its place in the tree.

    - a province: its commission ("TỈNH ỦY TÂY NINH" / "BAN DÂN VẬN", BDVTU; from the merger date
      "BAN TUYÊN GIÁO VÀ DÂN VẬN", BTGDVTU), signed by the TRƯỞNG BAN;
    - a district (until 30/6/2025): its commission ("HUYỆN ỦY BẾN CẦU" / "BAN DÂN VẬN", BDVHU);
    - a commune, or any Party committee "Đảng ủy ...": "ĐẢNG BỘ TỈNH …" / "ĐẢNG ỦY XÃ …", symbol ĐU,
      signed "T/M ĐẢNG ỦY" / "BÍ THƯ";
    - a commission unit ("Ban Dân vận Tỉnh ủy …"): itself under its committee;
    - a People's Committee: the State format ("ỦY BAN NHÂN DÂN …", UBND, "TM. ỦY BAN NHÂN DÂN");
    - any other body: its own name under its parent's, with the initials of its name as the symbol.
    Names of people are left blank: the clerk writes them, or configures them in the admin.
    """
    tier = unit.kind.tier
    kind = unit.kind.code
    committee = _committee(unit)
    name = " ".join(unit.name.split())
    if tier in ("province", "district") and committee is not None:
        word, place = committee
        words = _PROVINCE_WORDS if tier == "province" else _DISTRICT_WORDS
        line, suffix = words.get(word, (_upper(name.split(place)[0]), "U"))
        commission, prefix = commission_name(day)
        return _issuer(
            unit,
            superior_line=f"{line} {_upper(place)}",
            issuer_line=commission,
            symbol=f"{prefix}{suffix}",
            place=place,
            head_title="TRƯỞNG BAN",
            deputy_title="PHÓ TRƯỞNG BAN",
        )
    party = _PARTY_COMMITTEE.match(name)
    if tier == "commune" or fold(name).startswith("dang uy "):
        place = party.group(2) if party else name
        return _issuer(
            unit,
            superior_line=_organization_line(_parent_on(unit, day)),
            issuer_line=_upper(name),
            symbol="ĐU",
            place=place,
            head_title="BÍ THƯ",
            deputy_title="PHÓ BÍ THƯ",
            is_collective=True,
            collective_name="ĐẢNG ỦY",
        )
    parent_committee = _committee(unit.parent) if unit.parent_id else None
    place = parent_committee[1] if parent_committee else (unit.parent.name if unit.parent_id else name)
    if kind == COMMISSION_KIND and parent_committee is not None:
        word, _ = parent_committee
        words = _PROVINCE_WORDS if unit.parent.kind.tier == "province" else _DISTRICT_WORDS
        line, suffix = words.get(word, ("", "U"))
        body = re.split(r"\s+(?:tỉnh|thành|huyện|quận|thị)\s+(?:ủy|uỷ)(?:\s|$)", name, maxsplit=1, flags=re.IGNORECASE)[
            0
        ]
        return _issuer(
            unit,
            superior_line=_upper(unit.parent.name),
            issuer_line=_upper(body),
            symbol=f"{_initials(body)}{suffix}",
            place=place,
            head_title="TRƯỞNG BAN",
            deputy_title="PHÓ TRƯỞNG BAN",
        )
    if kind == "ubnd":
        return _issuer(
            unit,
            system=System.STATE,
            issuer_line=_upper(name),
            symbol="UBND",
            place=place,
            head_title="CHỦ TỊCH",
            deputy_title="PHÓ CHỦ TỊCH",
            is_collective=True,
            collective_name="ỦY BAN NHÂN DÂN",
        )
    return _issuer(
        unit,
        superior_line=_upper(unit.parent.name) if unit.parent_id else "",
        issuer_line=_upper(name),
        symbol=_initials(unit.short_name or name) or "VP",
        place=place,
        head_title="THỦ TRƯỞNG ĐƠN VỊ",
        deputy_title="PHÓ THỦ TRƯỞNG ĐƠN VỊ",
    )


# The Ban Dân vận Trung ương became the Ban Tuyên giáo và Dân vận Trung ương (announced 3/2/2025).
CENTRAL_MERGER = dt.date(2025, 2, 3)


def central_issuer(keeper, day: dt.date) -> Issuer:
    """The central commission as the issuer of a decision a province keeps on file (`keeper`, for the
    number series only): "BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN DÂN VẬN" (BDVTW), from 3/2/2025
    "BAN TUYÊN GIÁO VÀ DÂN VẬN" (BTGDVTW), in Hà Nội."""
    before = day < CENTRAL_MERGER
    return _issuer(
        keeper,
        superior_line="BAN CHẤP HÀNH TRUNG ƯƠNG",
        issuer_line="BAN DÂN VẬN" if before else "BAN TUYÊN GIÁO VÀ DÂN VẬN",
        symbol="BDVTW" if before else "BTGDVTW",
        place="Hà Nội",
        head_title="TRƯỞNG BAN",
        deputy_title="PHÓ TRƯỞNG BAN",
    )


def configured_issuer(unit, day: dt.date) -> Issuer | None:
    """An Issuer row valid on `day` for the unit itself or, for a committee, for its commission (a unit
    of kind "Ban Dân vận" directly under it): what the admin declared wins over the tree."""
    rows = Issuer.objects.valid_on(day).select_related("unit__kind")
    own = rows.filter(unit=unit).first()
    if own is not None or unit.kind.tier not in ("province", "district"):
        return own
    return rows.filter(unit__parent=unit, unit__kind__code=COMMISSION_KIND).order_by("unit__path").first()


def issuer_for(unit, on_date: dt.date) -> Issuer:
    """How `unit` issues documents on `on_date`: the configured Issuer if any, else derived from the tree."""
    if unit is None:
        raise NoIssuer("Chưa xác định được đơn vị ban hành văn bản (hệ thống có nhiều tỉnh: chọn một đơn vị).")
    if not hasattr(unit, "_state") or unit.kind_id is None:
        raise NoIssuer(f"Đơn vị {unit} chưa có loại đơn vị nên chưa xác định được cơ quan ban hành.")
    return configured_issuer(unit, on_date) or derived_issuer(unit, on_date)


def issuing_unit(unit, day: dt.date):
    """The unit whose issuer signs documents about `unit` on `day`: the unit itself while it exists, else
    the unit its work passed to (a district's 2025 report, dated 2026, is issued by its province)."""
    if unit is None:
        from danvan.org.services import single_top_unit

        unit = single_top_unit()
        if unit is None:
            raise NoIssuer(
                f"Chưa xác định được đơn vị ban hành văn bản ngày {text_date(day)}: chọn một đơn vị để lập báo cáo."
            )
        return unit
    if unit.is_valid_on(day) or (unit.valid_from and day < unit.valid_from):
        return unit  # existing, or not yet: a unit formed later reports on its area's past itself
    from danvan.org.services import successors_on

    successors = successors_on(unit, day)
    return successors[0] if successors else unit


def body_name(issuer: Issuer) -> str:
    """The issuing body in running text: "Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Ninh", "Đảng ủy xã Long Thuận"."""
    unit = issuer.unit
    if not getattr(issuer, "derived", False) or unit.kind.tier not in ("province", "district"):
        return unit.name
    commission = "Ban Dân vận" if issuer.issuer_line == "BAN DÂN VẬN" else "Ban Tuyên giáo và Dân vận"
    return f"{commission} {unit.name}"


def default_signature(issuer: Issuer) -> Signature:
    """A collective body (a Party committee, a People's Committee) signs "T/M"; a commission's head signs alone."""
    return Signature(COLLECTIVE if issuer.is_collective else HEAD)


def scope_word(unit) -> str:
    """ "toàn tỉnh" (or "toàn thành phố"), "toàn huyện"/"toàn thị xã"/"toàn quận", "toàn xã"/"toàn phường"/
    "toàn thị trấn"/"toàn đặc khu" for a committee; "toàn đơn vị" for any other unit; "toàn quốc" for none."""
    if unit is None:
        return "toàn quốc"
    tier = unit.kind.tier
    committee = _committee(unit)
    if tier == "province":
        return "toàn thành phố" if committee and committee[0] == "thanh" else "toàn tỉnh"
    if tier == "district":
        word = committee[0] if committee else "huyen"
        return {"huyen": "toàn huyện", "quan": "toàn quận", "thi": "toàn thị xã", "thanh": "toàn thành phố"}.get(
            word, "toàn huyện"
        )
    if tier == "commune":
        match = _PARTY_COMMITTEE.match(" ".join(unit.name.split()))
        if match:
            return f"toàn {match.group(1).lower()}"
        lowered = f" {unit.name.lower()} "
        for word in ("phường", "thị trấn", "đặc khu", "xã"):
            if f" {word} " in lowered:
                return f"toàn {word}"
        return "toàn xã"
    return "toàn đơn vị"

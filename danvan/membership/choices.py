from django.db import models


class Period(models.IntegerChoices):
    """The part of the year a report covers, by its number of months; the figures are as at its last day."""

    HALF = 6, "6 tháng đầu năm"
    YEAR = 12, "Cả năm"


# The sectors ("thành phần") members are broken down by, as the commissions' yearly tables count them: the
# model field and its label. Fixed like the other breakdowns (women, ethnic minorities, religious followers);
# a member counts in one sector at most, so the sectors add up to the total at most (not every member is
# classified).
SECTORS = (
    ("farmers", "Nông dân"),
    ("workers", "Công nhân, lao động"),
    ("officials", "Cán bộ, công chức, viên chức"),
    ("students", "Học sinh, sinh viên"),
    ("armed_forces", "Lực lượng vũ trang"),
    ("other_sector", "Thành phần khác"),
)
SECTOR_FIELDS = tuple(name for name, _ in SECTORS)

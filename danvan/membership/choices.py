from django.db import models


class Period(models.IntegerChoices):
    """The part of the year a report covers, by its number of months; the figures are as at its last day."""

    HALF = 6, "6 tháng đầu năm"
    YEAR = 12, "Cả năm"

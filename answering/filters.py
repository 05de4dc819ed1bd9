"""Filter values checked against what the index holds, before any retrieval.

A typo must not look like "nothing found", so an unknown value is an error; a value written
without tones or in another case ("binh gia") is replaced by the indexed spelling ("Bình Gia").
"""

from __future__ import annotations

from core.errors import QuestionError
from core.results import Facets, Filters
from vntext.terms import fold

# (filter field, the Facets list of its indexed values, what it is called in a message)
_NAMED = (("district", "districts", "địa bàn"), ("doc_type", "doc_types", "loại văn bản"))


class UnknownFilterValue(QuestionError):
    """A filter asks for a year, district or notice type that no indexed notice has."""


def resolve_filters(filters: Filters | None, facets: Facets) -> Filters | None:
    """The filters in the index's own spelling, or None when they narrow nothing.
    Raises UnknownFilterValue for a value the index does not hold."""
    if filters is None or filters.is_empty():
        return None
    if filters.year is not None and filters.year not in facets.years:
        raise UnknownFilterValue(f"Không có văn bản nào của năm {filters.year}.")
    update: dict[str, str] = {}
    for field, facet, what in _NAMED:
        given = getattr(filters, field)
        if not given:
            continue
        match = next((v for v in getattr(facets, facet) if fold(v) == fold(given)), None)
        if match is None:
            raise UnknownFilterValue(f"Không có {what} “{given}” trong các văn bản đã nạp.")
        update[field] = match
    return Filters(**{**filters.model_dump(), **update})

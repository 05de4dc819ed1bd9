"""Filter values are checked against the index's facets: spelled as indexed, or refused."""

from __future__ import annotations

import pytest

from answering.filters import UnknownFilterValue, resolve_filters
from core.errors import QuestionError
from core.results import Facets, Filters

FACETS = Facets(years=[2024, 2023], districts=["Bình Gia", "Cao Lộc"], doc_types=["Thông báo"])


def test_values_without_tones_take_the_indexed_spelling():
    given = Filters(year=2024, district="binh gia", doc_type="THÔNG BÁO")
    resolved = resolve_filters(given, FACETS)
    assert resolved == Filters(year=2024, district="Bình Gia", doc_type="Thông báo")


@pytest.mark.parametrize("given", [None, Filters(), Filters(district="")])
def test_filters_that_narrow_nothing_are_none(given):
    assert resolve_filters(given, FACETS) is None


@pytest.mark.parametrize(
    ("given", "named"),
    [
        (Filters(year=1999), "năm 1999"),
        (Filters(district="Atlantis"), "địa bàn “Atlantis”"),
        (Filters(year=2024, doc_type="Sắc lệnh"), "loại văn bản “Sắc lệnh”"),
    ],
)
def test_unknown_values_are_refused_by_name(given, named):
    with pytest.raises(UnknownFilterValue, match=named) as caught:
        resolve_filters(given, FACETS)
    assert isinstance(caught.value, QuestionError)  # every front end shows it as a bad question

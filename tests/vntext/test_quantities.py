"""Quantities: what counts as a figure in a sentence, and what is a reference or a date."""

from vntext.quantities import numbers


def test_a_section_reference_is_no_figure():
    assert numbers("Theo Mục 2 và Điều 12 của Quy chế") == []


def test_a_list_of_items_is_counted():
    # "danh mục 03 thủ tục" is a list of three procedures, not section 3
    assert numbers("Công bố Danh mục 03 thủ tục hành chính được sửa đổi") == ["03"]


def test_dates_document_numbers_and_years_are_no_figures():
    assert numbers("Quyết định số 1533/QĐ-UBND ngày 22/10/2025, năm 2025") == []

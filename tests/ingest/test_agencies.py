"""One canonical name per agency, however a notice writes it."""

from __future__ import annotations

import pytest

from ingest.agencies import abbreviation, canonical, find_agencies, matches


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Sở Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường"),
        ("Giám đốc Sở Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường"),
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Tài chính tỉnh Bắc Ninh", "Sở Tài chính"),
        ("UBND các huyện, thành phố", "UBND các huyện, thành phố"),
        ("Ủy ban nhân dân cấp huyện", "UBND các huyện, thành phố"),
        ("Chủ tịch UBND các huyện, thị xã, thành phố", "UBND các huyện, thành phố"),
        ("Ủy ban nhân dân các xã, phường, đặc khu", "UBND các xã, phường"),
        ("UBND phường, xã", "UBND các xã, phường"),
        ("Thủ trưởng các sở, ban, ngành tỉnh", "Các sở, ban, ngành"),
        ("các Sở, ban, ngành của Thành phố", "Các sở, ban, ngành"),
        ("Ủy ban nhân dân huyện Bình Gia", "UBND huyện Bình Gia"),
        ("Ban Quản lý các khu công nghệ cao", "Ban Quản lý các khu công nghệ cao"),
    ],
)
def test_spellings_of_one_agency_share_a_canonical_name(written, name):
    assert canonical(written) == name


def test_agencies_are_found_in_a_sentence_with_their_spans():
    text = (
        "Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở TN&MT, UBND các huyện, thành phố "
        "và Trung tâm Chuyển đổi số Thành phố nghiên cứu, đề xuất."
    )
    found = find_agencies(text)
    assert [m.canonical for m in found] == [
        "Sở Kế hoạch và Đầu tư",
        "Sở Tài nguyên và Môi trường",
        "UBND các huyện, thành phố",
        "Trung tâm Chuyển đổi số Thành phố",
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_words_that_look_like_an_agency_are_not_one():
    assert find_agencies("Hội đồng nhân dân tỉnh thông qua") == []
    assert find_agencies("chỉ số tài chính của doanh nghiệp") == []


def test_a_user_can_name_an_agency_by_abbreviation_or_without_accents():
    name = "Sở Tài nguyên và Môi trường"
    assert abbreviation(name) == "Sở TN&MT"
    for query in ("Sở TN&MT", "so tnmt", "sở tài nguyên và môi trường", "tai nguyen"):
        assert matches(query, name), query
    assert not matches("Sở Xây dựng", name)
    assert matches("xay dung", "Sở Xây dựng")

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


def test_a_councils_standing_body_committees_and_deputies_are_agencies_at_any_level():
    text = (
        "Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh và các "
        "đại biểu Hội đồng nhân dân tỉnh theo dõi việc thi hành."
    )
    assert [m.canonical for m in find_agencies(text)] == [
        "Thường trực HĐND tỉnh",
        "Các Ban của HĐND tỉnh",
        "Đại biểu HĐND tỉnh",
    ]
    assert canonical("Các Ban HĐND Thành phố") == canonical("các Ban của Hội đồng nhân dân tỉnh")
    assert canonical("Thường trực Hội đồng nhân dân thành phố Hải Phòng") == "Thường trực HĐND tỉnh"


def test_a_body_named_at_two_levels_is_one_agency_per_level():
    found = find_agencies("Ban Chỉ đạo Chuyển đổi số cấp tỉnh, cấp xã rà soát danh mục.")
    assert [m.canonical for m in found] == [
        "Ban Chỉ đạo Chuyển đổi số cấp tỉnh",
        "Ban Chỉ đạo Chuyển đổi số cấp xã",
    ]


def test_groups_of_agencies_have_one_name():
    text = (
        "Yêu cầu thủ trưởng các cơ quan chuyên môn, cơ quan hành chính khác; các đơn vị sự "
        "nghiệp công lập trực thuộc UBND tỉnh và các tổ chức chính trị - xã hội tham gia."
    )
    assert [m.canonical for m in find_agencies(text)] == [
        "Các sở, ban, ngành",
        "Các đơn vị sự nghiệp công lập thuộc UBND tỉnh",
        "Các tổ chức chính trị - xã hội tỉnh",
    ]
    assert canonical("các tổ chức thành viên của Mặt trận") == canonical(
        "Các tổ chức thành viên của Mặt trận Tổ quốc tỉnh"
    )


def test_a_known_agency_placed_in_its_province_is_the_same_agency():
    assert canonical("Thuế tỉnh Gia Lai") == "Thuế tỉnh"
    assert canonical("Hội Liên hiệp Phụ nữ Thành phố") == "Hội Liên hiệp Phụ nữ tỉnh"
    assert canonical("Thuế Đồng Nai") == "Thuế tỉnh"
    assert canonical("Báo và Phát thanh - Truyền hình Đắk Lắk") == canonical("Báo và PT-TH tỉnh")
    assert canonical("Hội Liên hiệp Phụ nữ Việt Nam") == "Hội Liên hiệp Phụ nữ Việt Nam"
    assert canonical("Trung tâm Lưu trữ lịch sử tỉnh Gia Lai") == (
        "Trung tâm Lưu trữ lịch sử tỉnh Gia Lai"
    )  # a name the table does not know keeps its words


def test_a_name_the_table_does_not_know_ends_before_what_it_is_asked_to_do():
    found = find_agencies("Trung tâm Phục vụ hành chính công cập nhật, công khai thủ tục.")
    assert [m.text for m in found] == ["Trung tâm Phục vụ hành chính công"]
    found = find_agencies("Giao Quỹ Đầu tư phát triển quyết định mức hỗ trợ lãi suất.")
    assert [m.text for m in found] == ["Quỹ Đầu tư phát triển"]
    found = find_agencies("Hội đồng Thi đua - Khen thưởng các cấp phân công rõ trách nhiệm.")
    assert [m.text for m in found] == ["Hội đồng Thi đua - Khen thưởng các cấp"]
    found = find_agencies("Liên hiệp các Hội Khoa học và Kỹ thuật tư vấn, phản biện chính sách.")
    assert [m.text for m in found] == ["Liên hiệp các Hội Khoa học và Kỹ thuật"]
    assert find_agencies("Liên hiệp các tổ chức hữu nghị tham gia.") == []  # no name after "các"
    assert find_agencies("Chủ tịch Hội đồng thành viên phải có kinh nghiệm quản lý.") == []
    found = find_agencies("Bưu điện tỉnh chi trả trợ cấp; Công an tỉnh bồi dưỡng cán bộ.")
    assert [m.text for m in found] == ["Bưu điện tỉnh", "Công an tỉnh"]
    found = find_agencies("Trung tâm Dịch vụ việc làm tỉnh hỗ trợ.")  # "làm" is in its name
    assert [m.text for m in found] == ["Trung tâm Dịch vụ việc làm tỉnh"]
    found = find_agencies("Đài Phát thanh và Truyền hình tỉnh, Báo Hà Tĩnh mở chuyên mục.")
    assert [m.text for m in found] == ["Đài Phát thanh và Truyền hình tỉnh", "Báo Hà Tĩnh"]
    found = find_agencies("Trung tâm Tư vấn pháp luật tỉnh phối hợp.")  # capitalised: its name
    assert [m.text for m in found] == ["Trung tâm Tư vấn pháp luật tỉnh"]
    found = find_agencies("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh tuyên truyền.")
    assert [m.canonical for m in found] == ["Tỉnh đoàn"]


def test_a_city_that_is_a_province_has_the_provinces_committee():
    assert canonical("Ủy ban nhân dân thành phố Hà Nội") == "UBND tỉnh"
    assert canonical("Ủy ban nhân dân thành phố Buôn Ma Thuột") == "UBND thành phố Buôn Ma Thuột"


def test_a_project_board_is_named_by_the_works_it_builds():
    found = find_agencies(
        "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh khẩn trương thanh toán."
    )
    assert [m.text for m in found] == [
        "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"
    ]
    found = find_agencies("Đề nghị Ban Thường vụ Huyện ủy lãnh đạo thực hiện tốt nhiệm vụ.")
    assert [m.text for m in found] == ["Ban Thường vụ Huyện ủy"]

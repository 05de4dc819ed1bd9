from vntext.abbreviations import expand
from vntext.terms import fold, has_diacritics, lexical_terms, syllables


def test_fold_strips_tones_and_d_bar():
    assert fold("Đạt tiêu chí nông thôn mới") == "dat tieu chi nong thon moi"


def test_numbers_stay_whole():
    assert syllables("đạt 10/19 tiêu chí, 41,05% và 2.236 hồ sơ") == [
        "đạt",
        "10/19",
        "tiêu",
        "chí",
        "41,05%",
        "và",
        "2.236",
        "hồ",
        "sơ",
    ]


def test_unaccented_query_shares_terms_with_accented_text():
    doc = set(lexical_terms("Xã Tam Gia đạt 10/19 tiêu chí nông thôn mới", accents=True))
    query = lexical_terms("xa tam gia dat tieu chi nong thon moi", accents=False)
    assert {"tam_gia", "tieu_chi", "nong_thon", "thon_moi"} <= doc
    assert sum(t in doc for t in query) >= 10


def test_accented_terms_keep_distinctions_folding_loses():
    terms = lexical_terms("bán đấu giá", accents=True)
    assert "~bán" in terms and "ban" in terms
    assert has_diacritics("bán") and not has_diacritics("ban dau gia")


def test_abbreviations_expand_both_ways():
    assert "chương trình mục tiêu quốc gia" in expand("giải ngân vốn CTMTQG")
    assert "nông thôn mới" in expand("xã đạt chuẩn ntm")
    assert "NTM" in expand("xa dat chuan nong thon moi")
    assert expand("không có viết tắt") == []


def test_final_y_after_a_consonant_is_spelled_i():
    assert syllables("Sỹ quan, tỷ lệ, kỹ thuật") == ["sĩ", "quan", "tỉ", "lệ", "kĩ", "thuật"]
    assert syllables("quý, tuy, thủy, hoà") == ["quý", "tuy", "thủy", "hòa"]

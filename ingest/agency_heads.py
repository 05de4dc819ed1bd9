"""Agency names the table cannot list, found by their shape: a head word ("Trung tâm", "Ban
Quản lý", "Chi cục") and the capitalised words after it, up to the words of what it is asked to
do ("Trung tâm Chuyển đổi số Thành phố tham mưu …")."""

from __future__ import annotations

import re

from vntext.terms import fold

# Heads of agency names the table cannot list (every province has its own centres and boards).
HEADS = re.compile(
    r"(?:Ban Quản lý|Ban quản lý|BCĐ|Trung tâm|Viện|Hội đồng|Liên hiệp|Hội|Hiệp hội|Báo|Đài"
    r"|Bệnh viện|Chi cục|Cục|Bưu điện|Điện lực"
    r"|Ban Chỉ đạo|Ban Chỉ huy|Ban|Các chủ rừng|Chủ rừng|[Cc]ác chủ đầu tư|Chủ đầu tư|Công an"
    r"|Thanh tra|Văn phòng|Bộ Chỉ huy|Kho bạc|Liên minh|Liên đoàn|Ủy ban Mặt trận|Ủy ban MTTQ"
    r"|Quỹ|Mặt trận Tổ quốc|Công ty|Tổng công ty|Tổng Công ty|Cổng Thông tin điện tử)"
    r"(?=[\s,;:.])"
)
# Words that start what an agency is asked to do (lower case): a generic name ends before them.
PREDICATE = re.compile(
    r"(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|tổ chức|tham mưu|chỉ đạo"
    r"|triển khai|theo dõi|hướng dẫn|tiếp tục|tăng cường|khẩn trương|chủ động|rà soát|căn cứ"
    r"|nghiên cứu|đẩy mạnh|bố trí|báo cáo|thường xuyên|đôn đốc|kiểm tra|cung cấp|kịp thời"
    r"|xây dựng|hoàn thiện|tập trung|đề xuất|trình|là|được|đã|đang|sẽ|cần|phải|nghiêm túc"
    r"|quán triệt|tuyên truyền|vận động|định hướng|giám sát|phát hiện|xử lý|thẩm định|hỗ trợ"
    r"|trên|tại|trong|để|về|với|cho|khi|nếu|thì|niêm yết|duy trì|tiếp nhận|theo|nắm|rà|thông báo"
    r"|gồm|bao gồm|có"
    r"|phản ánh|tham gia|phổ biến|chấp hành|cập nhật|xem xét|quyết định|phân công|cấu hình"
    r"|đăng tải|giải quyết|công bố|công khai|chuẩn bị|thống kê|lập|giao(?! thông)|bằng"
    r"|lãnh đạo)(?!\w)"
)
# More of what an agency is asked to do, only in lower case: capitalised, they name one
# ("Trung tâm Tư vấn pháp luật", "Quỹ Bảo đảm tín dụng").
_LOWER_PREDICATE = re.compile(
    r"(?:tư vấn|phản biện|chi trả|bảo đảm|đảm bảo|bồi dưỡng|đào tạo|ban hành|vận hành|cân đối"
    r"|thanh toán|lựa chọn|tiến hành|nâng cao|chấn chỉnh|thu hút|đăng ký|hoàn thành"
    r"|đẩy nhanh|mở|đưa|cử|dành|tăng|xét duyệt|xác định|phê duyệt|phát động|đăng|phát sóng)(?!\w)"
)
# Lower-case words that may follow a head ("Ban Chỉ đạo huyện", "Ban quản lý …").
_LOWER_FIRST = ("các", "quản", "và", "huyện", "tỉnh", "thành", "xã", "phường")
_STEERS = ("thực hiện", "phòng", "xây dựng", "công tác", "chuyển đổi", "cải cách", "quân sự")
_BUILDS = ("xây dựng", "đầu tư", "các")
# Where a name is placed: lower-case words after it are what the agency does.
_PLACES = ("tỉnh", "huyện", "xã", "phường")
# Heads that are a whole name on their own ("Các chủ rừng là tổ chức …").
_WHOLE_HEADS = ("Các chủ rừng", "Chủ rừng", "Các chủ đầu tư", "các chủ đầu tư", "Chủ đầu tư")


def generic_span(text: str, form: str, start: int, head_end: int) -> tuple[int, int] | None:
    """The span of a name that opens with a head word ("Trung tâm Chuyển đổi số Thành phố"):
    capitalised words and their lower-case companions, up to punctuation or a verb."""
    end, words, last = head_end, 0, ""
    # "Ban Quản lý dự án đầu tư xây dựng …": a project board, named by the works it builds
    board = fold(form[start:head_end]) in ("ban quan ly", "ban quan li")
    project = board and form.startswith(" dự án", head_end)
    for m in re.finditer(r"\s+([^\s,;:.()]+)", text[head_end:]):
        if m.start() != end - head_end:
            break
        word = m.group(1)
        steering = words == 0 and text[start:head_end] in ("Ban Chỉ đạo", "BCĐ", "Ban Chỉ huy")
        if steering and form.startswith(_STEERS, head_end + m.start(1)):
            end, words = head_end + m.end(), 1  # "Ban Chỉ đạo thực hiện các Chương trình …"
            continue
        if words == 0 and not word[:1].isupper() and word not in _LOWER_FIRST and not project:
            break
        if words == 0 and not word[:1].isupper() and text[start:head_end] == "Hội đồng":
            break  # "Hội đồng Thi đua - Khen thưởng", not a company's "Hội đồng thành viên"
        if words and form.startswith(("và các ", "và ủy ban", "và ubnd"), head_end + m.start(1)):
            break  # "Ủy ban MTTQ … tỉnh và các tổ chức chính trị - xã hội": a second agency
        verb = PREDICATE.match(form, head_end + m.start(1)) if words else None
        works = verb is not None and verb.group(0) == "trình" and form[end - 4 : end] == "công"
        noun = form[end - 6 : end] == "chương" or works  # "chương trình", "công trình"
        if verb and (noun or (project and verb.group(0) in _BUILDS)):
            verb = None  # "Ban Chỉ đạo các Chương trình …", "… dự án đầu tư xây dựng": nouns
        if verb and (word[:1].islower() or " " in verb.group(0)):  # not "Cần Thơ"; "Chỉ đạo"
            break
        if words and word[:1].islower() and _LOWER_PREDICATE.match(form, head_end + m.start(1)):
            break
        if words and word[:1].islower() and last in _PLACES and word not in ("ủy", "uỷ"):
            break  # "Ban Dân tộc tỉnh tiếp thu …": the place closes the name
        end, words, last = head_end + m.end(), words + 1, word
        if words >= 12:
            break
    whole = text[start:head_end] in _WHOLE_HEADS
    if words == 1 and text[start:end].endswith(" các"):
        return None  # "Liên hiệp các tổ chức …": a head and "các", no name yet
    return (start, end) if words or whole else None

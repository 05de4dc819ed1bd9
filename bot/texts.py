"""What the bot says, in Vietnamese, in one place (Telegram HTML where a handler sends it so)."""

EXAMPLES = (
    "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?",
    "Thu ngân sách của huyện Lộc Bình đạt bao nhiêu phần trăm so với dự toán tỉnh giao?",
    "Bình quân tiêu chí nông thôn mới của tỉnh là bao nhiêu tiêu chí mỗi xã?",
)

HELP = (
    "<b>Chào bạn!</b> Mình trả lời câu hỏi về các văn bản chỉ đạo của UBND tỉnh "
    "(thông báo, kết luận, kế hoạch…), kèm trích dẫn đánh số [1], [2]… và nguồn của từng ý. "
    "Bấm nút [1], [2]… dưới câu trả lời để xem nguyên văn đoạn trích. "
    "Khi văn bản không có thông tin, mình sẽ nói rõ là không tìm thấy.\n\n"
    "<b>Ví dụ câu hỏi:</b>\n{examples}\n\n"
    "Bạn cũng có thể hỏi bằng tiếng Anh (English questions work too), ví dụ: "
    "<i>What is the online payment rate of Lang Son province?</i>\n\n"
    "<b>Lệnh:</b>\n"
    "/sources — các văn bản đã nạp\n"
    "/nhiemvu [cơ quan] — nhiệm vụ được giao, theo hạn\n"
    "/about — giới thiệu\n"
    "/help — hướng dẫn này\n\n"
    "Trong nhóm, hãy nhắc tên @{username} hoặc trả lời tin nhắn của mình."
)

ABOUT = (
    "<b>chidao</b> — trợ lý hỏi đáp văn bản chỉ đạo của UBND tỉnh.\n"
    "Câu trả lời chỉ lấy từ {documents} văn bản đã nạp ({chunks} đoạn); mỗi ý đều trích "
    "nguyên văn câu trong văn bản gốc. Chế độ trả lời: {mode}.\n"
    "Hãy đối chiếu văn bản gốc trước khi sử dụng cho công việc chính thức."
)
MODE_EXTRACTIVE = "trích xuất (không dùng mô hình ngôn ngữ)"
MODE_LLM = "mô hình ngôn ngữ, có kiểm tra đối chiếu số liệu"

REFUSED = (
    "Xin lỗi, bạn chưa có quyền sử dụng trợ lý này. "
    "Vui lòng liên hệ quản trị viên để được cấp quyền."
)
ADMIN_ONLY = "Xin lỗi, lệnh này chỉ dành cho quản trị viên."
RATE_LIMITED = "Bạn hỏi hơi nhanh. Vui lòng chờ khoảng {seconds} giây rồi hỏi tiếp."
TEXT_ONLY = "Mình chỉ đọc được câu hỏi bằng chữ. Hãy gõ câu hỏi của bạn."
APOLOGY = "Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Vui lòng thử lại sau ít phút."
CITATION_EXPIRED = "Trích dẫn này đã hết hạn. Hãy gửi lại câu hỏi để xem nguồn."
REINDEX_STARTED = "Đang nạp lại văn bản từ thư mục {folder} (lượt {job_id}). Mình sẽ báo khi xong."
REINDEX_BUSY = "Đã có một lượt nạp dữ liệu đang chạy (lượt {job_id}); hãy chờ nó xong rồi thử lại."

# Ratings (👍/👎 under answers) and /unanswered, for the question log
RATED_UP = "Cảm ơn bạn đã đánh giá!"
RATED_DOWN = "Cảm ơn bạn! Quản trị viên sẽ xem lại câu trả lời này."
RATING_EXPIRED = "Câu trả lời này không còn trong nhật ký (đã quá thời hạn lưu)."
LOG_OFF = "Nhật ký câu hỏi đang tắt (CHIDAO_QUESTION_LOG=0)."
UNANSWERED_TITLE = (
    "<b>Câu hỏi chưa có câu trả lời</b> ({shown} nhóm hỏi nhiều nhất, {days} ngày qua):"
)
UNANSWERED_NONE = "Không có câu hỏi nào chưa được trả lời trong {days} ngày qua."

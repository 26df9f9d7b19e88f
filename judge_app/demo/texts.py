"""The demo essays: Vietnamese texts written for the demo, of deliberately mixed quality.

They paraphrase facts from the contest's own documents (the district plan, the launch at
THCS Khương Đình on 15/8/2019, the city portal) so that judges trying the demo can grade them
against the real rubric: some are excellent (concepts, levels 1–4, examples, concrete
proposals), some fair, some short and careless. Several start with answers to the four
multiple-choice questions ("Câu 1: B"), right or wrong, as entrants did.

An essay is a sequence of blocks; the writers (DOCX, PDF, handwriting) decide how each kind
looks. `Block.kind` is one of: "heading", "para", "item" (numbered list item), "line"
(a short line kept as is, e.g. a dialogue turn or a signature), "table" (text names a table
in `TABLES`), "figure" (text names an illustration, caption holds its caption), "answers"
(the multiple-choice answers of the essay, laid out by the writer).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    caption: str = ""


@dataclass(frozen=True)
class Essay:
    key: str
    title: str
    audience: str  # "staff" | "student": who could plausibly have written it
    quality: str  # "excellent" | "good" | "fair" | "weak": for people trying the demo
    answers: str  # four letters for questions 1–4, "-" for a question left blank; "" = none
    blocks: tuple[Block, ...]

    def answer_lines(self) -> list[str]:
        """The answers as entrants write them: "Câu 1: B" … ("Câu 4:" when left blank)."""
        lines = []
        for number, letter in enumerate(self.answers, start=1):
            lines.append(f"Câu {number}: {letter}" if letter != "-" else f"Câu {number}:")
        return lines

    def plain_text(self) -> str:
        """All the words of the essay, for word counts and text checks."""
        parts = [self.title, *self.answer_lines()]
        for block in self.blocks:
            if block.kind == "table":
                header, rows = TABLES[block.text]
                parts.extend(header)
                for row in rows:
                    parts.extend(row)
            elif block.kind == "figure":
                parts.append(block.caption)
            elif block.kind != "answers":
                parts.append(block.text)
        return "\n".join(parts)


def H(text: str) -> Block:  # noqa: N802 - short constructors keep the essays readable
    return Block("heading", text)


def P(text: str) -> Block:  # noqa: N802
    return Block("para", text)


def LI(text: str) -> Block:  # noqa: N802
    return Block("item", text)


def L(text: str) -> Block:  # noqa: N802
    return Block("line", text)


def TABLE(name: str) -> Block:  # noqa: N802
    return Block("table", name)


def FIG(name: str, caption: str) -> Block:  # noqa: N802
    return Block("figure", name, caption)


ANSWERS = Block("answers")

# The data below is laid out by hand (one string per source line) so it reads like prose.
# fmt: off


TABLES: dict[str, tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]] = {
    "so_sanh": (
        ("Tiêu chí", "Nộp hồ sơ trực tiếp", "Nộp hồ sơ trực tuyến"),
        (
            ("Thời gian", "Đi lại, xếp hàng, có khi mất cả buổi",
             "Vài phút, làm lúc nào cũng được"),
            ("Chi phí", "Tiền xe, nghỉ làm, photo giấy tờ", "Gần như không tốn thêm"),
            ("Theo dõi hồ sơ", "Phải hỏi trực tiếp cán bộ", "Tra cứu bằng mã hồ sơ trên cổng"),
            ("Lệ phí", "Nộp tiền mặt tại quầy", "Thanh toán trực tuyến (mức độ 4)"),
            ("Nhận kết quả", "Đến lấy tại cơ quan", "Qua mạng hoặc qua bưu chính"),
        ),
    ),
    "muc_do": (
        ("Mức độ", "Người dân làm được gì trên mạng"),
        (
            ("Mức độ 1", "Xem đầy đủ thông tin về thủ tục: hồ sơ, trình tự, thời hạn, phí, lệ phí"),
            ("Mức độ 2", "Như mức 1, thêm tải về mẫu đơn, tờ khai để chuẩn bị hồ sơ"),
            ("Mức độ 3", "Điền và gửi hồ sơ trực tuyến; nộp lệ phí, nhận kết quả tại cơ quan"),
            ("Mức độ 4", "Như mức 3, thêm thanh toán lệ phí trực tuyến và nhận kết quả qua mạng "
                         "hoặc qua bưu chính"),
        ),
    ),
}

E1 = Essay(
    key="gv_tong_quan",
    title="DỊCH VỤ CÔNG TRỰC TUYẾN – CẦU NỐI GIỮA CHÍNH QUYỀN VÀ NGƯỜI DÂN",
    audience="staff",
    quality="excellent",
    answers="BDAC",
    blocks=(
        H("Phần I. Trả lời câu hỏi trắc nghiệm"),
        ANSWERS,
        H("Phần II. Bài viết tự luận"),
        H("1. Dịch vụ công trực tuyến là gì?"),
        P("Ai cũng có lúc phải làm thủ tục hành chính: đăng ký khai sinh cho con, xin bản sao "
          "một tấm bằng, làm hồ sơ cho con vào lớp 1. Trước đây, muốn xong những việc ấy, chúng "
          "ta thường phải xin nghỉ làm, xếp hàng chờ đến lượt, có khi đi lại hai ba lần chỉ vì "
          "thiếu một tờ giấy. Dịch vụ công trực tuyến đã thay đổi căn bản cách làm đó."),
        P("Dịch vụ hành chính công là loại dịch vụ gắn với việc thực thi pháp luật, không nhằm "
          "mục đích lợi nhuận, do cơ quan nhà nước có thẩm quyền cung cấp cho tổ chức, cá nhân "
          "dưới hình thức các giấy tờ có giá trị pháp lý. Mỗi dịch vụ như vậy gắn liền với một "
          "thủ tục hành chính để giải quyết trọn vẹn một công việc cụ thể. Khi những dịch vụ "
          "này được cung cấp cho người dân trên môi trường mạng, ta có dịch vụ công trực tuyến."),
        P("Dịch vụ công trực tuyến có bốn mức độ. Ở mức độ 1, người dân xem được đầy đủ thông "
          "tin về thủ tục: giấy tờ cần có, thời hạn, lệ phí. Mức độ 2 cho tải về mẫu đơn, tờ "
          "khai. Ở mức độ 3, người dân gửi hồ sơ trên mạng, chỉ đến cơ quan để nộp lệ phí và "
          "nhận kết quả. Ở mức độ 4, cả việc thanh toán lệ phí và nhận kết quả cũng qua mạng "
          "hoặc qua bưu chính."),
        H("2. Cổng dịch vụ công trực tuyến của Thủ đô"),
        P("Thành phố Hà Nội đã xây dựng Cổng dịch vụ công trực tuyến tại địa chỉ "
          "dichvucong.hanoi.gov.vn. Trên cổng, người dân tra cứu thủ tục theo lĩnh vực, tải mẫu "
          "đơn, nộp hồ sơ, theo dõi tiến độ và nhận kết quả. Thành phố coi đây là giải pháp đột "
          "phá, hướng tới một chính quyền phục vụ nhân dân và một thành phố thông minh."),
        FIG("laptop", "Hình 1. Giao diện Cổng dịch vụ công trực tuyến thành phố Hà Nội "
                      "(hình minh hoạ)"),
        P("Ngành giáo dục Thủ đô là đơn vị đi đầu: toàn bộ thủ tục hành chính của ngành đã ở "
          "mức độ 3 và 4; sổ điểm, sổ liên lạc điện tử đã quen thuộc với phụ huynh. Kỳ tuyển "
          "sinh đầu cấp năm học 2019 – 2020 có khoảng 86% hồ sơ được đăng ký trực tuyến."),
        H("3. So sánh hai cách làm thủ tục"),
        P("Để thấy rõ lợi ích, tôi xin so sánh việc nộp một bộ hồ sơ theo hai cách:"),
        TABLE("so_sanh"),
        P("Dịch vụ công trực tuyến giúp người dân tiết kiệm thời gian và chi phí đi lại. Quan "
          "trọng hơn, mọi bước xử lý hồ sơ đều được ghi lại, người dân biết hồ sơ đang ở đâu; "
          "nhờ vậy tránh được nhũng nhiễu, phiền hà, còn cán bộ phải nâng cao trách nhiệm."),
        H("4. Một ví dụ thực tế"),
        P("Tháng 7 vừa qua, tôi đăng ký cho con gái vào lớp 1. Chín giờ tối, sau khi con đã "
          "ngủ, tôi nhập mã học sinh được cấp, kiểm tra thông tin và chọn trường. Chưa đầy mười "
          "phút, hệ thống đã báo hồ sơ hợp lệ. Ngày nhập học, tôi chỉ mang giấy tờ gốc đến đối "
          "chiếu. Lần đưa con lớn đi nộp hồ sơ mẫu giáo, tôi đã phải xếp hàng từ năm giờ sáng."),
        H("5. Đề xuất giải pháp"),
        P("Tuy vậy, ở nhiều thủ tục khác, số hồ sơ nộp trực tuyến vẫn còn ít; người lớn tuổi "
          "chưa quen dùng máy tính. Từ thực tế ở trường, tôi xin đề xuất:"),
        LI("Mỗi trường cử một thầy cô phụ trách hỗ trợ phụ huynh đăng ký tài khoản, nộp hồ "
           "sơ trên cổng, nhất là trong các đợt tuyển sinh."),
        LI("Đưa nội dung dịch vụ công trực tuyến vào giờ tin học và giờ sinh hoạt lớp để học "
           "sinh về hướng dẫn lại cho ông bà, cha mẹ."),
        LI("Dán mã QR dẫn đến các thủ tục thường dùng tại bảng tin nhà trường và bộ phận một "
           "cửa của phường."),
        LI("Giảm lệ phí hoặc rút ngắn thời hạn trả kết quả cho hồ sơ nộp trực tuyến để "
           "khuyến khích người dân."),
        H("Kết luận"),
        P("Dịch vụ công trực tuyến là bước tiến trong quan hệ giữa chính quyền và người dân. "
          "Là nhà giáo, tôi sẽ tiếp tục sử dụng và hướng dẫn đồng nghiệp, phụ huynh cùng sử "
          "dụng, góp phần xây dựng Thủ đô văn minh, hiện đại."),
    ),
)


E2 = Essay(
    key="hs_tuyen_sinh",
    title="EM GIÚP MẸ NỘP HỒ SƠ TUYỂN SINH TRỰC TUYẾN",
    audience="student",
    quality="excellent",
    answers="BDAC",
    blocks=(
        H("Phần trả lời trắc nghiệm"),
        ANSWERS,
        H("Bài viết"),
        P("Mùa hè năm nay, gia đình em có một việc quan trọng: em gái em, bé Su, chuẩn bị vào "
          "lớp 1. Mẹ em lo lắm vì nghe các bác hàng xóm kể ngày xưa phải dậy từ bốn giờ sáng "
          "đi xếp hàng nộp hồ sơ. Nhưng năm nay, cả nhà chỉ cần ngồi ở phòng khách, mở máy tính "
          "là xong. Đó là nhờ dịch vụ công trực tuyến."),
        H("1. Em hiểu thế nào về dịch vụ công trực tuyến?"),
        P("Qua buổi sinh hoạt dưới cờ và tìm hiểu trên mạng, em biết dịch vụ hành chính công "
          "là những việc cơ quan nhà nước giải quyết cho người dân theo quy định của pháp luật, "
          "không vì lợi nhuận, ví dụ cấp giấy khai sinh, cấp bản sao bằng tốt nghiệp. Dịch vụ "
          "công trực tuyến là khi những việc ấy được làm qua mạng Internet."),
        P("Dịch vụ công trực tuyến có bốn mức độ. Mức 1 chỉ cung cấp thông tin, mức 2 cho tải "
          "mẫu đơn, mức 3 cho nộp hồ sơ qua mạng, còn mức 4 thì người dân nộp hồ sơ, trả lệ phí "
          "và nhận kết quả đều qua mạng. Ở Hà Nội, mọi người vào Cổng dịch vụ công trực tuyến "
          "của Thành phố tại địa chỉ dichvucong.hanoi.gov.vn."),
        H("2. Các bước em cùng mẹ đã làm"),
        LI("Vào trang tuyển sinh của Thành phố, nhập mã học sinh và mật khẩu mà trường mầm "
           "non của em Su đã gửi cho mẹ."),
        LI("Kiểm tra họ tên, ngày sinh, địa chỉ thường trú của em Su; chỗ nào sai thì báo lại "
           "nhà trường."),
        LI("Chọn trường tiểu học gần nhà theo đúng tuyến, rồi bấm nút đăng ký."),
        LI("Ghi lại mã hồ sơ và chờ tin nhắn xác nhận gửi về điện thoại của mẹ."),
        FIG("quy_trinh", "Sơ đồ các bước nộp hồ sơ trực tuyến do em tự vẽ"),
        P("Cả việc chỉ mất khoảng mười lăm phút. Hôm sau, mẹ nhận được tin nhắn báo hồ sơ đã "
          "được tiếp nhận. Đến ngày nhập học, mẹ chỉ mang giấy tờ gốc lên trường để cô giáo đối "
          "chiếu. Mẹ bảo: “Giá mà thủ tục nào cũng dễ như thế này thì tốt biết bao!”"),
        H("3. Lợi ích của dịch vụ công trực tuyến"),
        TABLE("so_sanh"),
        P("Theo em, lợi ích lớn nhất là tiết kiệm thời gian và tiền bạc: bố mẹ không phải nghỉ "
          "làm, không tốn tiền xe đi lại. Mọi thông tin về hồ sơ đều công khai nên người dân "
          "yên tâm, không phải nhờ vả ai. Em còn đọc được tin năm nay có khoảng 86% hồ sơ tuyển "
          "sinh đầu cấp ở Hà Nội được nộp trực tuyến, nghĩa là rất nhiều gia đình đã được hưởng "
          "lợi giống nhà em."),
        H("4. Em có thể làm gì?"),
        P("Thầy cô nói học sinh chúng em từ 12 tuổi trở lên có thể trở thành những tuyên "
          "truyền viên nhỏ. Em đã hướng dẫn bà nội cách tra cứu thủ tục trên điện thoại. Em đề "
          "xuất nhà trường tổ chức một buổi ngoại khóa để học sinh thực hành trên máy tính, và "
          "mỗi lớp làm một tờ áp phích hướng dẫn các bước để dán ở bảng tin khu dân cư."),
        P("Em mong rằng sẽ ngày càng có nhiều thủ tục được làm qua mạng, để bố mẹ em và mọi "
          "người bớt vất vả, và Hà Nội của em sớm trở thành một thành phố thông minh."),
    ),
)


E3 = Essay(
    key="gv_ban_sao",
    title="TỪ MỘT LẦN XIN CẤP BẢN SAO VĂN BẰNG",
    audience="staff",
    quality="good",
    answers="BDAA",
    blocks=(
        H("I. Trắc nghiệm"),
        ANSWERS,
        H("II. Tự luận"),
        P("Cuối năm học vừa rồi, tôi cần bổ sung bản sao bằng tốt nghiệp trung học phổ thông "
          "vào hồ sơ viên chức. Tấm bằng gốc đã bị ẩm mốc sau một trận mưa dột. Trước đây, việc "
          "này đồng nghĩa với ít nhất hai buổi xin nghỉ để đến Sở Giáo dục và Đào tạo nộp đơn "
          "rồi quay lại nhận kết quả. Lần này, một đồng nghiệp dạy tin học gợi ý tôi thử làm "
          "trên mạng."),
        P("Tôi truy cập Cổng dịch vụ công trực tuyến của thành phố Hà Nội, chọn lĩnh vực giáo "
          "dục và đào tạo, tìm thủ tục “Cấp bản sao văn bằng, chứng chỉ từ sổ gốc”. Trang web "
          "ghi rõ thành phần hồ sơ, thời hạn giải quyết và mức phí. Tôi điền tờ khai, tải lên "
          "ảnh chụp căn cước công dân, chọn hình thức nhận kết quả qua bưu điện và thanh toán lệ "
          "phí bằng thẻ ngân hàng. Chỉ vài ngày sau, bưu tá mang bản sao đến tận cổng trường."),
        FIG("laptop", "Ảnh: Tra cứu thủ tục trên Cổng dịch vụ công trực tuyến Hà Nội"),
        P("Đó chính là dịch vụ công trực tuyến mức độ 4: từ nộp hồ sơ, trả phí đến nhận kết quả "
          "đều không cần đến cơ quan nhà nước. Các mức thấp hơn cũng rất hữu ích: mức 1 cho biết "
          "đầy đủ thông tin về thủ tục, mức 2 cho tải mẫu đơn, mức 3 cho nộp hồ sơ trên mạng "
          "nhưng vẫn nhận kết quả trực tiếp."),
        TABLE("so_sanh"),
        P("Sau lần ấy, tôi tìm hiểu thêm và thấy cổng còn có nhiều thủ tục của ngành tư pháp, "
          "lao động – thương binh và xã hội, chẳng hạn cấp phiếu lý lịch tư pháp hay đăng ký "
          "khai sinh. Theo tôi, dịch vụ công trực tuyến mang lại ba lợi ích chính. Thứ nhất, "
          "người dân tiết kiệm thời gian, công sức và chi phí đi lại. Thứ hai, thủ tục được công "
          "khai, ai cũng biết cần giấy tờ gì, mất bao lâu, tránh được phiền hà, tiêu cực. Thứ "
          "ba, cán bộ xử lý hồ sơ phải nâng cao trách nhiệm và kỹ năng công nghệ thông tin."),
        P("Tuy nhiên, khi trò chuyện với phụ huynh học sinh lớp chủ nhiệm, tôi nhận thấy nhiều "
          "người chưa biết đến cổng dịch vụ công, hoặc biết nhưng ngại vì sợ thao tác sai. Tôi "
          "nghĩ nhà trường nên lồng ghép việc giới thiệu dịch vụ công trực tuyến vào các buổi "
          "họp phụ huynh, và mỗi giáo viên chủ nhiệm có thể hướng dẫn trực tiếp một vài thủ tục "
          "thường gặp như tuyển sinh, xin bản sao văn bằng."),
        P("Dịch vụ công trực tuyến đang làm cho thủ tục hành chính trở nên gần gũi, thuận tiện "
          "hơn. Mỗi cán bộ, giáo viên chúng ta hãy là người sử dụng trước, rồi lan tỏa đến học "
          "sinh và gia đình các em."),
    ),
)


E4 = Essay(
    key="hs_hoang_nam",
    title="Bài dự thi tìm hiểu dịch vụ công trực tuyến",
    audience="student",
    quality="fair",
    answers="BDBC",
    blocks=(
        ANSWERS,
        P("Em tên là Lê Hoàng Nam, học sinh lớp 7A Trường THCS Nhân Chính. Khi nghe cô chủ "
          "nhiệm phổ biến về cuộc thi, lúc đầu em không hiểu dịch vụ công trực tuyến là gì. Em "
          "đã hỏi bố mẹ và tìm hiểu trên mạng và bây giờ em đã hiểu hơn."),
        P("Dịch vụ công trực tuyến là các dịch vụ của cơ quan nhà nước mà người dân có thể sử "
          "dụng qua mạng Internet, không cần phải đến tận nơi. Ở Hà Nội có cổng dịch vụ công "
          "trực tuyến của thành phố, địa chỉ là dichvucong.hanoi.gov.vn. Trên đó có rất nhiều "
          "thủ tục, ví dụ như đăng ký khai sinh, cấp bản sao bằng, tuyển sinh."),
        P("Gia đình em đã dùng một dịch vụ rất gần gũi với học sinh, đó là sổ liên lạc điện tử. "
          "Mẹ em có thể xem điểm của em, xem nhận xét của thầy cô ngay trên điện thoại. Có lần "
          "em bị điểm kém môn toán, em chưa kịp nói thì mẹ đã biết rồi. Từ đó em phải học hành "
          "chăm chỉ hơn. Tuy sổ liên lạc điện tử không phải là thủ tục hành chính nhưng nó cho "
          "em thấy việc dùng mạng Internet giúp mọi việc nhanh hơn."),
        P("Năm ngoái, khi em vào lớp 6, bố em cũng đăng ký cho em trên mạng. Bố chỉ cần nhập mã "
          "học sinh, chọn trường rồi gửi đi. Bố nói nếu phải đi nộp trực tiếp thì bố phải nghỉ "
          "làm cả buổi sáng."),
        P("Theo em, dịch vụ công trực tuyến có nhiều lợi ích. Người dân đỡ mất thời gian đi "
          "lại, không phải xếp hàng chờ đợi. Mọi thủ tục đều được công khai nên ai cũng làm "
          "được. Cán bộ nhà nước cũng làm việc nhanh hơn."),
        P("Em nghĩ nhà trường nên hướng dẫn cho học sinh cách sử dụng dịch vụ công trực tuyến "
          "trong giờ tin học. Như vậy chúng em có thể về nhà hướng dẫn lại cho ông bà, bố mẹ. "
          "Em sẽ cố gắng làm một tuyên truyền viên nhỏ để nhiều người biết đến dịch vụ công "
          "trực tuyến hơn."),
    ),
)


E5 = Essay(
    key="hs_ngan",
    title="Bài dự thi",
    audience="student",
    quality="weak",
    answers="ADAB",
    blocks=(
        ANSWERS,
        P("dịch vụ công trực tuyến là dịch vụ của nhà nước làm trên mạng. Người dân có thể "
          "vào mạng để làm các thủ tục mà không cần đi đến ủy ban. như vậy rất là tiện vì không "
          "phải đi xa, không phải chờ đợi lâu, mà lại không tốn tiền xăng xe."),
        P("Nhà em có máy tính và điện thoại có mạng nên bố mẹ em có thể dùng dịch vụ công trực "
          "tuyến. bố em nói khi nào cần làm giấy tờ thì bố sẽ lên mạng làm. Em thấy dịch vụ công "
          "trực tuyến rất tốt rất hay và rất tiện lợi cho mọi người. Em nghĩ là sau này tất cả "
          "mọi việc đều làm trên mạng hết."),
        P("Dịch vụ công trực tuyến có nhiều mức độ, mức độ càng cao thì càng làm được nhiều "
          "việc trên mạng. Em không nhớ hết có mấy mức độ nhưng em biết mức cao nhất thì không "
          "cần phải đi đâu cả, ngồi ở nhà là xong hết. Địa chỉ trang web của Hà Nội là "
          "dichvucong.hanoi.gov.vn, em đã thử vào xem và thấy có rất nhiều thủ tục, nhiều chữ "
          "quá nên em chưa đọc hết được."),
        P("Ở trường em, cô giáo đã nói cho cả lớp về cuộc thi này và dặn chúng em về nhà nói "
          "với bố mẹ. Em cũng đã nói với bố mẹ rồi. Mẹ em bảo mẹ chưa dùng bao giờ nhưng sẽ thử "
          "xem sao. Em sẽ giúp mẹ vì em biết dùng máy tính khá giỏi."),
        P("Em mong mọi người đều biết dùng dịch vụ công trực tuyến để tiết kiệm thời gian. Em "
          "cũng mong là trang web sẽ dễ dùng hơn cho người già như ông bà em. Em xin hết."),
    ),
)


E6 = Essay(
    key="pgd_quan_ly",
    title="NÂNG CAO HIỆU QUẢ DỊCH VỤ CÔNG TRỰC TUYẾN TRONG NGÀNH GIÁO DỤC QUẬN THANH XUÂN",
    audience="staff",
    quality="excellent",
    answers="BDAC",
    blocks=(
        H("A. Phần trắc nghiệm"),
        ANSWERS,
        H("B. Phần tự luận"),
        H("1. Căn cứ và mục đích"),
        P("Thực hiện Kế hoạch số 84/KH-UBND ngày 04/4/2019 của Ủy ban nhân dân thành phố Hà "
          "Nội, Kế hoạch số 1649/KH-SGDĐT ngày 04/5/2019 của Sở Giáo dục và Đào tạo và Kế hoạch "
          "số 142/KH-UBND ngày 12/4/2019 của Ủy ban nhân dân quận Thanh Xuân, ngành giáo dục "
          "quận đã phát động cuộc thi “Tìm hiểu dịch vụ công trực tuyến” tới toàn thể cán bộ, "
          "giáo viên, nhân viên và học sinh từ lớp 6 đến lớp 9. Cuộc thi không chỉ nhằm phổ biến "
          "kiến thức mà còn để tìm ra giải pháp nâng cao tỷ lệ sử dụng dịch vụ công trực tuyến, "
          "hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam 09/11."),
        H("2. Những khái niệm cơ bản"),
        P("Dịch vụ hành chính công là dịch vụ gắn với hoạt động thực thi pháp luật, không vì "
          "lợi nhuận, do cơ quan nhà nước có thẩm quyền cung cấp cho tổ chức, cá nhân dưới hình "
          "thức giấy tờ có giá trị pháp lý. Dịch vụ công trực tuyến là dịch vụ hành chính công "
          "và các dịch vụ khác của cơ quan nhà nước được cung cấp trên môi trường mạng, với các "
          "mức độ phù hợp nhu cầu của người sử dụng, tóm tắt trong bảng sau:"),
        TABLE("muc_do"),
        P("Toàn bộ thủ tục hành chính của ngành giáo dục và đào tạo Hà Nội hiện đã được cung "
          "cấp ở mức độ 3 và 4 trên Cổng dịch vụ công trực tuyến của Thành phố tại địa chỉ "
          "dichvucong.hanoi.gov.vn. Đây là điều kiện thuận lợi để ngành giáo dục quận vừa là "
          "người sử dụng, vừa là lực lượng tuyên truyền."),
        FIG("laptop", "Hình 1. Trang chủ Cổng dịch vụ công trực tuyến thành phố Hà Nội"),
        H("3. Thực trạng tại quận"),
        P("Qua theo dõi công tác tuyển sinh đầu cấp năm học 2019 – 2020, phần lớn phụ huynh "
          "trên địa bàn quận đã đăng ký trực tuyến, phù hợp với tỷ lệ chung khoảng 86% của toàn "
          "Thành phố. Sổ điểm điện tử, sổ liên lạc điện tử được triển khai ở tất cả các trường "
          "trung học cơ sở. Tuy nhiên, với những thủ tục ít phát sinh như cấp bản sao văn bằng "
          "từ sổ gốc, chuyển trường, số hồ sơ nộp trực tuyến còn thấp; nhiều người vẫn quen đến "
          "trực tiếp vì chưa biết thủ tục đã có trên mạng hoặc chưa tin tưởng vào kết quả."),
        P("Nguyên nhân chủ yếu là công tác tuyên truyền chưa đến được từng gia đình; một bộ "
          "phận phụ huynh lớn tuổi còn hạn chế về kỹ năng sử dụng máy tính, điện thoại thông "
          "minh; việc thanh toán lệ phí trực tuyến chưa phổ biến; ở một số đơn vị, cán bộ tiếp "
          "nhận hồ sơ chưa thường xuyên kiểm tra hồ sơ gửi qua mạng."),
        H("4. Giải pháp đề xuất"),
        LI("Mỗi trường niêm yết công khai danh mục thủ tục có thể nộp trực tuyến, kèm mã QR "
           "dẫn tới thủ tục trên cổng, tại bảng tin và trên trang thông tin điện tử của trường."),
        LI("Phân công một cán bộ đầu mối ở mỗi đơn vị kiểm tra hồ sơ trực tuyến hằng ngày và "
           "trả lời phụ huynh trong vòng một ngày làm việc."),
        LI("Lồng ghép nội dung dịch vụ công trực tuyến vào môn Tin học và hoạt động ngoại khóa; "
           "học sinh từ 12 tuổi trở lên làm tuyên truyền viên cho gia đình."),
        LI("Đưa tỷ lệ hồ sơ tiếp nhận trực tuyến vào tiêu chí thi đua cuối năm của các trường."),
        LI("Tổ chức tập huấn ngắn cho nhân viên văn phòng các trường về tiếp nhận, xử lý hồ sơ "
           "trên môi trường mạng và sử dụng chữ ký số."),
        H("5. Kết luận"),
        P("Dịch vụ công trực tuyến là bước đi tất yếu của cải cách hành chính, hướng tới chính "
          "quyền điện tử và thành phố thông minh. Với vai trò của mình, ngành giáo dục quận "
          "Thanh Xuân cần vừa làm tốt việc cung cấp dịch vụ, vừa lan tỏa thói quen sử dụng đến "
          "từng cán bộ, giáo viên, học sinh và phụ huynh, để mỗi thủ tục của người dân được giải "
          "quyết nhanh hơn, minh bạch hơn."),
    ),
)


E7 = Essay(
    key="mn_phu_huynh",
    title="DỊCH VỤ CÔNG TRỰC TUYẾN VÀ PHỤ HUYNH TRƯỜNG MẦM NON",
    audience="staff",
    quality="good",
    answers="BCAC",
    blocks=(
        ANSWERS,
        P("Là giáo viên mầm non, hằng ngày tôi gặp gỡ phụ huynh vào giờ đón, trả trẻ. Những "
          "ngày đầu hè, câu hỏi tôi nhận được nhiều nhất là: “Cô ơi, năm nay cho cháu vào lớp "
          "mẫu giáo thì nộp hồ sơ ở đâu?”. Từ khi Thành phố triển khai tuyển sinh trực tuyến, "
          "câu trả lời của tôi đã khác: phụ huynh có thể đăng ký ngay tại nhà qua mạng."),
        P("Qua buổi triển khai cuộc thi của nhà trường, tôi hiểu rằng dịch vụ công trực tuyến "
          "là các dịch vụ hành chính công do cơ quan nhà nước cung cấp cho người dân trên môi "
          "trường mạng. Cổng dịch vụ công trực tuyến của thành phố Hà Nội có địa chỉ "
          "dichvucong.hanoi.gov.vn. Dịch vụ được chia thành bốn mức độ, trong đó mức độ 4 cho "
          "phép người dân nộp hồ sơ, thanh toán lệ phí và nhận kết quả hoàn toàn qua mạng."),
        P("Trong đợt tuyển sinh vừa qua, nhà trường đã lập nhóm trên mạng xã hội để gửi hướng "
          "dẫn từng bước cho phụ huynh. Tôi cùng các đồng nghiệp in một tờ hướng dẫn ngắn gọn, "
          "có ảnh chụp màn hình, dán ở cửa lớp. Có những ông bà đưa cháu đi học không biết dùng "
          "điện thoại thông minh, chúng tôi ngồi cùng và làm mẫu từng thao tác. Một bác phụ "
          "huynh đã rất vui khi thấy tin nhắn xác nhận hồ sơ ngay trên điện thoại của mình."),
        P("Tôi nhận thấy dịch vụ công trực tuyến giúp phụ huynh tiết kiệm thời gian, đặc biệt "
          "là những gia đình cả bố và mẹ đều đi làm. Nhà trường cũng giảm được áp lực tiếp nhận "
          "hồ sơ giấy, số liệu được tổng hợp nhanh và chính xác hơn."),
        P("Để dịch vụ công trực tuyến đến gần hơn với phụ huynh trường mầm non, tôi đề xuất "
          "nhà trường tiếp tục duy trì tờ hướng dẫn tại các lớp, cử giáo viên trực hỗ trợ phụ "
          "huynh trong các đợt tuyển sinh và giới thiệu thêm những thủ tục khác mà gia đình có "
          "con nhỏ thường cần, như đăng ký khai sinh. Mỗi cô giáo sẽ là một người hướng dẫn tận "
          "tình để phụ huynh thêm tin tưởng vào dịch vụ công trực tuyến."),
    ),
)


E8 = Essay(
    key="hs_tieu_pham",
    title="TIỂU PHẨM: BÀ ƠI, KHÔNG PHẢI XẾP HÀNG NỮA RỒI!",
    audience="student",
    quality="good",
    answers="BBAC",
    blocks=(
        H("Trả lời câu hỏi trắc nghiệm"),
        ANSWERS,
        H("Bài dự thi (viết dưới hình thức tiểu phẩm)"),
        P("Nhân vật: Bà Tư (68 tuổi), Minh (học sinh lớp 8, cháu bà Tư), chị Lan (mẹ Minh). "
          "Bối cảnh: một buổi tối tại phòng khách nhà Minh."),
        L("Bà Tư: Lan ơi, mai con xin nghỉ làm đưa mẹ lên phường nhé. Mẹ phải làm lại giấy tờ, "
          "nghe nói đông lắm, phải đi từ sáng sớm."),
        L("Chị Lan: Mai con có cuộc họp quan trọng, mẹ ạ. Hay để tuần sau?"),
        L("Minh: Bà ơi, mẹ ơi, không cần đi đâu cả! Bây giờ nhiều thủ tục làm được trên mạng "
          "rồi, gọi là dịch vụ công trực tuyến."),
        L("Bà Tư: Trên mạng? Giấy tờ của nhà nước mà làm trên cái máy tính được à cháu?"),
        L("Minh: Được bà ạ. Thành phố mình có Cổng dịch vụ công trực tuyến, địa chỉ là "
          "dichvucong.hanoi.gov.vn. Cháu được học ở trường rồi. Dịch vụ công trực tuyến có bốn "
          "mức độ. Mức 1 là xem thông tin thủ tục, mức 2 là tải mẫu đơn, mức 3 là nộp hồ sơ "
          "qua mạng, còn mức 4 thì trả phí và nhận kết quả cũng qua mạng luôn."),
        L("Chị Lan: Thế thì tiện quá. Nhưng làm có khó không con?"),
        L("Minh: Dễ lắm mẹ ạ. Mình đăng ký một tài khoản, chọn thủ tục, điền thông tin, tải "
          "ảnh giấy tờ lên rồi bấm gửi. Sau đó mình tra cứu bằng mã hồ sơ, biết ngay hồ sơ đang "
          "được xử lý đến đâu."),
        L("Bà Tư: Thế thì ai nhận hồ sơ của bà? Có mất thêm tiền gì không?"),
        L("Minh: Cán bộ ở cơ quan nhận bà ạ. Phí, lệ phí đều ghi công khai trên cổng, không "
          "phải nhờ vả ai, cũng không lo bị làm khó. Đấy là một lợi ích lớn đấy bà."),
        L("Chị Lan (mỉm cười): Năm nay con đăng ký cho em Na vào lớp 1 cũng qua mạng, chỉ mười "
          "phút là xong. Nghe nói cả Hà Nội có khoảng 86% hồ sơ tuyển sinh nộp trực tuyến đấy "
          "mẹ ạ."),
        L("Bà Tư: Ôi, thế mà bà cứ tưởng phải dậy từ năm giờ sáng đi xếp hàng như ngày xưa."),
        L("Minh: Để cháu làm cho bà xem nhé. Lần sau cháu dạy bà tự làm trên điện thoại luôn."),
        L("Bà Tư (xoa đầu Minh): Cháu bà giỏi quá! Mai bà sẽ khoe với các cụ trong tổ dân phố."),
        P("Lời kết: Qua tiểu phẩm, em muốn nói rằng dịch vụ công trực tuyến giúp người dân tiết "
          "kiệm thời gian, công sức, chi phí đi lại và làm cho thủ tục hành chính minh bạch hơn. "
          "Học sinh chúng em có thể trở thành những tuyên truyền viên nhỏ, hướng dẫn ông bà, cha "
          "mẹ sử dụng dịch vụ công. Em đề xuất nhà trường tổ chức cho học sinh diễn những tiểu "
          "phẩm như thế này trong buổi sinh hoạt dưới cờ và tại sinh hoạt tổ dân phố."),
    ),
)


E9 = Essay(
    key="hs_viet_tay",
    title="Em tìm hiểu dịch vụ công trực tuyến",
    audience="student",
    quality="fair",
    answers="BDAC",
    blocks=(
        ANSWERS,
        P("Dịch vụ công trực tuyến là dịch vụ hành chính công của cơ quan nhà nước được cung "
          "cấp cho người dân trên môi trường mạng. Nhờ có dịch vụ này mà người dân không phải "
          "mang giấy tờ đến cơ quan nhà nước nhiều lần nữa."),
        P("Ở Hà Nội, mọi người truy cập Cổng dịch vụ công trực tuyến theo địa chỉ "
          "dichvucong.hanoi.gov.vn. Dịch vụ công có bốn mức độ. Mức độ 4 là cao nhất, người "
          "dân có thể nộp hồ sơ, trả lệ phí và nhận kết quả qua mạng."),
        FIG("house_computer", "Hình: Ngồi ở nhà cũng nộp được hồ sơ"),
        P("Năm nay mẹ em đã đăng ký cho em trai em vào lớp 1 qua mạng. Mẹ chỉ ngồi ở nhà điền "
          "thông tin, một lúc sau là có tin nhắn báo hồ sơ đã được nhận. Mẹ em rất vui vì "
          "không phải nghỉ làm. Đến ngày nhập học, mẹ chỉ mang giấy tờ gốc lên trường để cô "
          "giáo xem lại."),
        P("Trước đây, muốn làm giấy tờ gì thì người dân phải đến tận nơi, xếp hàng chờ đến "
          "lượt, có khi thiếu một tờ giấy lại phải về lấy rồi quay lại. Bây giờ trên cổng dịch "
          "vụ công đã ghi rõ cần những giấy tờ gì, mất bao lâu và lệ phí bao nhiêu, nên ai cũng "
          "chuẩn bị được đầy đủ ngay từ đầu, không phải đi lại nhiều lần."),
        P("Em thấy dịch vụ công trực tuyến giúp tiết kiệm thời gian, tiền bạc và công khai, "
          "minh bạch. Em sẽ về hướng dẫn ông bà cách tìm thủ tục trên mạng. Em mong tất cả các "
          "thủ tục đều được làm trực tuyến."),
    ),
)


E10 = Essay(
    key="nv_chung_chung",
    title="Bài dự thi tìm hiểu dịch vụ công trực tuyến",
    audience="staff",
    quality="weak",
    answers="",
    blocks=(
        P("Hiện nay, cùng với sự phát triển của khoa học công nghệ, công nghệ thông tin đã và "
          "đang được ứng dụng rộng rãi trong mọi lĩnh vực của đời sống xã hội. Dịch vụ công "
          "trực tuyến là một trong những thành tựu đó."),
        P("Dịch vụ công trực tuyến là việc cơ quan nhà nước cung cấp các dịch vụ cho người dân "
          "qua mạng Internet. Dịch vụ công trực tuyến có vai trò rất quan trọng trong công cuộc "
          "cải cách hành chính của nước ta hiện nay. Dịch vụ công trực tuyến giúp người dân "
          "thuận tiện hơn khi làm các thủ tục hành chính."),
        P("Dịch vụ công trực tuyến có nhiều lợi ích như tiết kiệm thời gian, tiết kiệm chi "
          "phí, giảm phiền hà cho người dân. Ngoài ra dịch vụ công trực tuyến còn góp phần "
          "nâng cao hiệu quả làm việc của cơ quan nhà nước, góp phần xây dựng chính quyền điện "
          "tử. Vì vậy mỗi người dân cần tích cực tìm hiểu và sử dụng dịch vụ công trực tuyến."),
        P("Bản thân tôi là nhân viên của nhà trường, tôi nhận thấy việc tìm hiểu dịch vụ công "
          "trực tuyến là rất cần thiết. Tôi sẽ tích cực tìm hiểu để nâng cao hiểu biết của bản "
          "thân và tuyên truyền cho gia đình, người thân cùng sử dụng. Trong thời gian tới, tôi "
          "mong các cấp, các ngành tiếp tục quan tâm, đầu tư hơn nữa cho dịch vụ công trực "
          "tuyến để dịch vụ ngày càng hoàn thiện, đáp ứng tốt hơn nhu cầu của nhân dân."),
        P("Tóm lại, dịch vụ công trực tuyến là một chủ trương đúng đắn của Đảng và Nhà nước. "
          "Mỗi cán bộ, giáo viên, nhân viên cần gương mẫu thực hiện, góp phần vào sự nghiệp "
          "cải cách hành chính, xây dựng đất nước ngày càng giàu đẹp, văn minh."),
    ),
)


E11 = Essay(
    key="hs_gia_dinh",
    title="DỊCH VỤ CÔNG TRỰC TUYẾN TRONG GIA ĐÌNH EM",
    audience="student",
    quality="good",
    answers="BDCC",
    blocks=(
        H("Phần 1: Trắc nghiệm"),
        ANSWERS,
        H("Phần 2: Tự luận"),
        P("Trước khi tham gia cuộc thi này, em nghĩ thủ tục hành chính là chuyện của người "
          "lớn, rất xa lạ với học sinh. Nhưng khi để ý, em nhận ra dịch vụ công trực tuyến đã "
          "có mặt trong gia đình em từ lúc nào không hay."),
        P("Theo em tìm hiểu, dịch vụ công trực tuyến là các dịch vụ hành chính công của cơ "
          "quan nhà nước được cung cấp cho người dân qua mạng Internet. Có bốn mức độ: mức 1 và "
          "2 giúp người dân xem thông tin và tải mẫu đơn; mức 3 cho nộp hồ sơ trực tuyến; mức 4 "
          "cho phép thanh toán lệ phí và nhận kết quả ngay trên mạng hoặc qua đường bưu điện. "
          "Người dân Hà Nội sử dụng Cổng dịch vụ công trực tuyến tại dichvucong.hanoi.gov.vn."),
        P("Đầu năm nay, bố em chuyển sang công ty mới và cần phiếu lý lịch tư pháp. Bố ngồi ở "
          "nhà khai thông tin trên cổng dịch vụ công, chọn nhận kết quả qua bưu điện. Ít ngày "
          "sau, phiếu được gửi đến tận nhà. Bố bảo ngày trước đồng nghiệp của bố phải đi lại "
          "mấy lần, mỗi lần mất nửa ngày."),
        FIG("quy_trinh", "Các bước bố em đã làm trên cổng dịch vụ công"),
        P("Còn mẹ em là người sử dụng sổ liên lạc điện tử thường xuyên nhất. Mỗi tối mẹ đều "
          "xem nhận xét của thầy cô. Khi em vào lớp 6, mẹ cũng đăng ký tuyển sinh cho em qua "
          "mạng. Theo em đọc trên báo, năm học 2019 – 2020, khoảng 86% hồ sơ tuyển sinh đầu cấp "
          "ở Hà Nội đã được nộp trực tuyến."),
        P("Em thấy dịch vụ công trực tuyến có ba lợi ích lớn. Một là tiết kiệm thời gian, bố "
          "mẹ không phải xin nghỉ làm. Hai là tiết kiệm tiền đi lại, giấy tờ. Ba là mọi thứ "
          "được công khai, minh bạch nên không ai bị làm khó. Tuy nhiên ông bà em và nhiều "
          "người lớn tuổi trong khu phố vẫn chưa biết cách sử dụng."),
        P("Vì vậy em đề xuất: mỗi lớp có thể làm một video ngắn hướng dẫn các bước nộp hồ sơ, "
          "đăng lên trang của trường; học sinh về hướng dẫn cho ông bà, hàng xóm; trên cổng nên "
          "có chữ to hơn và video hướng dẫn để người cao tuổi dễ làm theo. Em tin rằng nếu mỗi "
          "bạn học sinh giúp được một người thân thì dịch vụ công trực tuyến sẽ được nhiều "
          "người sử dụng hơn."),
    ),
)


E12 = Essay(
    key="cb_giai_phap",
    title="MỘT SỐ GIẢI PHÁP ĐƯA DỊCH VỤ CÔNG TRỰC TUYẾN ĐẾN GẦN NGƯỜI DÂN",
    audience="staff",
    quality="good",
    answers="BDAC",
    blocks=(
        H("Phần I. Câu hỏi trắc nghiệm"),
        ANSWERS,
        H("Phần II. Bài viết"),
        P("Cải cách hành chính là một trong những nhiệm vụ trọng tâm của Thành phố. Trong đó, "
          "dịch vụ công trực tuyến được xác định là giải pháp đột phá, giúp người dân và doanh "
          "nghiệp giải quyết thủ tục nhanh chóng, minh bạch, không phụ thuộc vào khoảng cách "
          "và giờ hành chính."),
        P("Dịch vụ công trực tuyến là dịch vụ hành chính công và các dịch vụ khác của cơ quan "
          "nhà nước được cung cấp cho tổ chức, cá nhân trên môi trường mạng. Người dân Hà Nội "
          "có thể truy cập dichvucong.hanoi.gov.vn để tra cứu và nộp hồ sơ cho rất nhiều thủ "
          "tục thuộc các lĩnh vực giáo dục, tư pháp, lao động – thương binh và xã hội. Ở mức độ "
          "3, hồ sơ được gửi qua mạng; ở mức độ 4, cả việc nộp lệ phí và nhận kết quả cũng được "
          "thực hiện trực tuyến."),
        FIG("laptop", "Hình 1. Cổng dịch vụ công trực tuyến thành phố Hà Nội"),
        P("Lợi ích của dịch vụ công trực tuyến đã rõ: giảm thời gian và chi phí đi lại, hạn chế "
          "tình trạng nhũng nhiễu, tăng tính công khai của thủ tục hành chính, đồng thời buộc "
          "cán bộ công chức nâng cao trách nhiệm và trình độ. Ngành giáo dục Hà Nội đã đưa toàn "
          "bộ thủ tục lên mức độ 3, 4; tuyển sinh đầu cấp năm học 2019 – 2020 có khoảng 86% hồ "
          "sơ đăng ký trực tuyến. Dù vậy, với nhiều thủ tục khác, người dân vẫn quen đến nộp "
          "trực tiếp. Từ kinh nghiệm công tác, tôi xin đề xuất một số giải pháp:"),
        LI("Tuyên truyền bằng hình ảnh: xây dựng các tờ rơi, áp phích, video ngắn hướng dẫn "
           "từng thủ tục cụ thể, trình bày đơn giản, chữ to, có mã QR dẫn thẳng đến thủ tục."),
        LI("Hỗ trợ tại chỗ: bố trí máy tính và người hướng dẫn tại bộ phận một cửa, để người "
           "dân đến nộp trực tiếp được hướng dẫn nộp trực tuyến ngay lần đầu."),
        LI("Phát huy vai trò học sinh: học sinh trung học cơ sở là lực lượng tuyên truyền "
           "hiệu quả nhất trong mỗi gia đình."),
        LI("Khuyến khích bằng lợi ích: ưu tiên xử lý, giảm phí cho hồ sơ nộp trực tuyến; nhắn "
           "tin thông báo kết quả kịp thời."),
        LI("Lắng nghe người dùng: thu thập ý kiến phản hồi sau mỗi lần sử dụng để cải tiến "
           "giao diện và quy trình của cổng."),
        P("Mỗi cán bộ, giáo viên, nhân viên ngành giáo dục cần gương mẫu sử dụng dịch vụ công "
          "trực tuyến và trở thành người hướng dẫn cho học sinh, phụ huynh. Khi mỗi người dân "
          "quen với việc “nộp hồ sơ không cần đến cơ quan”, mục tiêu xây dựng chính quyền điện "
          "tử, thành phố thông minh sẽ sớm thành hiện thực."),
    ),
)


E13 = Essay(
    key="hs_tuyen_truyen_vien",
    title="EM LÀ TUYÊN TRUYỀN VIÊN NHỎ CỦA DỊCH VỤ CÔNG TRỰC TUYẾN",
    audience="student",
    quality="good",
    answers="BDA-",
    blocks=(
        ANSWERS,
        P("Sáng ngày 15/8/2019, Sở Giáo dục và Đào tạo Hà Nội đã tổ chức lễ phát động điểm "
          "cuộc thi “Tìm hiểu dịch vụ công trực tuyến” tại Trường THCS Khương Đình, quận Thanh "
          "Xuân. Khi xem tin về buổi lễ, em rất ấn tượng vì hơn một nghìn bạn học sinh được "
          "hướng dẫn làm bài thi và thực hành ngay trên máy tính. Em tự hỏi: mình có thể làm gì "
          "để nhiều người biết đến dịch vụ công trực tuyến hơn?"),
        P("Trước hết, em phải hiểu đúng. Dịch vụ công trực tuyến là những dịch vụ hành chính "
          "công mà cơ quan nhà nước cung cấp cho người dân trên môi trường mạng. Người dân có "
          "thể ngồi ở nhà để tìm hiểu thủ tục, tải mẫu đơn, nộp hồ sơ và theo dõi kết quả. Ở "
          "mức độ 4, người dân còn có thể nộp lệ phí và nhận kết quả qua mạng hoặc qua bưu "
          "điện. Địa chỉ Cổng dịch vụ công trực tuyến của Hà Nội là dichvucong.hanoi.gov.vn."),
        P("Sau đó, em bắt đầu từ chính gia đình mình. Em cùng bố vào cổng dịch vụ công, tìm "
          "thủ tục đăng ký khai sinh để chuẩn bị cho em bé sắp chào đời của nhà em. Bố rất bất "
          "ngờ khi thấy mọi giấy tờ cần chuẩn bị đều được ghi rõ ràng, còn có cả mẫu tờ khai để "
          "tải về. Bố nói: “Có con làm trợ lý, bố đỡ phải hỏi han khắp nơi.”"),
        P("Em còn rủ các bạn trong lớp cùng làm một bảng tin nhỏ về dịch vụ công trực tuyến, "
          "trong đó ghi các bước đăng ký tài khoản, nộp hồ sơ, tra cứu kết quả. Cô chủ nhiệm "
          "khen ý tưởng của chúng em và cho dán ở hành lang để các bạn lớp khác cùng đọc."),
        FIG("quy_trinh", "Sơ đồ trên bảng tin của lớp em"),
        P("Em nhận thấy dịch vụ công trực tuyến giúp người dân tiết kiệm thời gian, chi phí, "
          "giảm phiền hà và làm cho công việc của cơ quan nhà nước công khai, minh bạch hơn. "
          "Em đề xuất mỗi trường nên thành lập một câu lạc bộ tuyên truyền viên nhỏ, mỗi tháng "
          "giới thiệu một thủ tục thường gặp như tuyển sinh đầu cấp, cấp bản sao văn bằng, đăng "
          "ký khai sinh, để học sinh về nhà hướng dẫn lại cho người thân."),
        P("Học đi đôi với hành, em tin rằng mỗi bạn học sinh đều có thể trở thành một tuyên "
          "truyền viên nhỏ, góp phần xây dựng Thủ đô Hà Nội thành thành phố thông minh."),
    ),
)


# fmt: on

ESSAYS: dict[str, Essay] = {
    essay.key: essay for essay in (E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12, E13)
}

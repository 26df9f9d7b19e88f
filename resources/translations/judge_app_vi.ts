<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../judge_app/ui/dialogs.py" line="+59"/>
        <source>About judge-app</source>
        <translation>Giới thiệu judge-app</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline grading of essay contests: anonymous entries, rubric scoring, signed score files, merged results.</source>
        <translation>Chấm bài dự thi viết ngay trên máy, không cần mạng: bài dự thi ẩn danh, chấm theo tiêu chí, tệp điểm có chữ ký số, tổng hợp kết quả.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Licence: GNU Affero General Public License, version 3 or later (AGPL-3.0-or-later).</source>
        <translation>Giấy phép: GNU Affero General Public License, phiên bản 3 hoặc mới hơn (AGPL-3.0-or-later).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bundled fonts: Liberation Sans and Liberation Serif (SIL Open Font License).</source>
        <translation>Phông chữ kèm theo: Liberation Sans và Liberation Serif (giấy phép SIL Open Font License).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../judge_app/ui/actions.py" line="+124"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Board</source>
        <translation>&amp;Ban giám khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Judge</source>
        <translation>&amp;Giám khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Document</source>
        <translation>&amp;Tài liệu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Grading</source>
        <translation>&amp;Chấm bài</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;New contest…</source>
        <translation>&amp;Tạo cuộc thi mới…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set up a new contest step by step</source>
        <translation>Thiết lập cuộc thi mới theo từng bước</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open contest…</source>
        <translation>&amp;Mở cuộc thi…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a contest file</source>
        <translation>Mở một tệp cuộc thi</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Clear the list</source>
        <translation>&amp;Xoá danh sách</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forget the recently opened contest files</source>
        <translation>Xoá danh sách các tệp cuộc thi mở gần đây</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close contest</source>
        <translation>Đó&amp;ng cuộc thi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close the open contest file</source>
        <translation>Đóng tệp cuộc thi đang mở</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export contest as &amp;template…</source>
        <translation>Xuất cuộc thi làm &amp;mẫu…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save this contest&apos;s set-up as the starting point for next year&apos;s</source>
        <translation>Lưu thiết lập của cuộc thi này làm điểm xuất phát cho cuộc thi năm sau</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quit judge-app</source>
        <translation>Thoát judge-app</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the selected &amp;entry</source>
        <translation>&amp;Xem bài dự thi đang chọn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the files of the selected entry (or double-click it, or press Enter)</source>
        <translation>Xem các tệp của bài dự thi đang chọn (hoặc bấm đúp vào bài, hoặc nhấn Enter)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show the program in Vietnamese</source>
        <translation>Hiển thị chương trình bằng tiếng Việt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show the program in English</source>
        <translation>Hiển thị chương trình bằng tiếng Anh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List every action and its shortcut</source>
        <translation>Liệt kê mọi thao tác cùng phím tắt của chúng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About judge-app</source>
        <translation>&amp;Giới thiệu judge-app</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version and licence</source>
        <translation>Phiên bản và giấy phép</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Receive entries…</source>
        <translation>&amp;Nhận bài dự thi…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receive a unit&apos;s e-mails, zips or folders of entries and see the report</source>
        <translation>Nhận thư, tệp nén hoặc thư mục bài dự thi của một đơn vị và xem báo cáo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check a participant &amp;list…</source>
        <translation>Kiểm tra &amp;danh sách người dự thi…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>See how a unit&apos;s list is read, fix its columns and remember them</source>
        <translation>Xem danh sách của đơn vị được đọc thế nào, sửa các cột và ghi nhớ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Link unmatched entries…</source>
        <translation>Ghép &amp;bài chưa khớp…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give each entry that matched nobody, or several namesakes, its participant</source>
        <translation>Ghép từng bài không khớp với ai, hoặc khớp nhiều người trùng tên, với đúng người dự thi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scan for identity lea&amp;ks…</source>
        <translation>&amp;Quét dấu hiệu lộ danh tính…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find entries whose text names the entrant, the school, a phone or e-mail</source>
        <translation>Tìm các bài có ghi tên người dự thi, tên trường, số điện thoại hoặc e-mail</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Assign a grading round…</source>
        <translation>&amp;Phân công vòng chấm…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give every entry its judges for a round, at random and balanced</source>
        <translation>Giao mỗi bài cho các giám khảo của một vòng, ngẫu nhiên và cân bằng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Make grading &amp;packages…</source>
        <translation>Tạo &amp;gói chấm…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write each grader&apos;s signed package for a round, with the head judge&apos;s key</source>
        <translation>Tạo gói chấm có chữ ký cho từng giám khảo của một vòng, bằng khoá của trưởng ban</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Redaction &amp;boxes…</source>
        <translation>Ô &amp;che thông tin…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Black out names and schools on the selected entry&apos;s pages for the judges&apos; copies</source>
        <translation>Tô đen họ tên, trường trên các trang của bài đang chọn trong bản gửi giám khảo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Seal identities…</source>
        <translation>&amp;Niêm phong đầu phách…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lock who wrote each entry away under the board&apos;s passphrases</source>
        <translation>Khoá kín danh tính người viết từng bài bằng mật khẩu của ban làm phách</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Open grading package…</source>
        <translation>&amp;Mở gói chấm…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check a package from the head judge and grade its entries here</source>
        <translation>Kiểm tra gói chấm do trưởng ban gửi và chấm các bài trong gói trên máy này</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export &amp;rubric…</source>
        <translation>Xuất &amp;hướng dẫn chấm…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the contest&apos;s questions and criteria as a rubric file to reuse</source>
        <translation>Lưu câu hỏi và tiêu chí chấm của cuộc thi thành tệp hướng dẫn chấm để dùng lại</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print score s&amp;heets…</source>
        <translation>In p&amp;hiếu chấm…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview, print or save as PDF every judge&apos;s score sheet (phiếu chấm)</source>
        <translation>Xem trước, in hoặc lưu thành PDF phiếu chấm của mọi giám khảo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export score file…</source>
        <translation>&amp;Xuất tệp điểm…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign your scores into a file for the head judge</source>
        <translation>Ký điểm của bạn vào một tệp để gửi trưởng ban giám khảo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>My &amp;signing key…</source>
        <translation>Khoá &amp;ký của tôi…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create your key, see its fingerprint, choose it for this contest</source>
        <translation>Tạo khoá, xem dấu vân tay của khoá, chọn khoá cho cuộc thi này</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Back up my key…</source>
        <translation>&amp;Sao lưu khoá của tôi…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy your encrypted key to a file kept apart from this computer</source>
        <translation>Chép khoá (đã mã hoá) ra một tệp cất tách khỏi máy tính này</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Restore a key…</source>
        <translation>&amp;Khôi phục khoá…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Install your key from a backup file</source>
        <translation>Cài lại khoá của bạn từ tệp sao lưu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Judges&apos; keys…</source>
        <translation>&amp;Khoá của giám khảo…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Register each judge&apos;s public key after comparing its fingerprint</source>
        <translation>Đăng ký khoá công khai của từng giám khảo sau khi so dấu vân tay</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Merge score files…</source>
        <translation>&amp;Ghép tệp điểm…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the judges&apos; signed score files and merge them into the contest</source>
        <translation>Kiểm tra các tệp điểm có chữ ký của giám khảo và ghép vào cuộc thi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scores and &amp;discrepancies…</source>
        <translation>Điểm và &amp;chênh lệch…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every entry&apos;s scores, gaps and queue; record discussions and decisions</source>
        <translation>Điểm, độ chênh lệch và diện xử lý của từng bài; ghi kết quả trao đổi và quyết định</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Res&amp;ults…</source>
        <translation>&amp;Kết quả…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rankings, prizes and ties of the locked results; export the workbook, result lists and certificates</source>
        <translation>Xếp hạng, giải thưởng và các trường hợp bằng điểm sau khi khoá điểm; xuất bảng tính, danh sách kết quả và giấy chứng nhận</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Lock scores…</source>
        <translation>&amp;Khoá điểm…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Freeze every final score before results, prizes and the reveal</source>
        <translation>Khoá mọi điểm cuối cùng trước khi xếp giải và ghép phách</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;veal identities…</source>
        <translation>&amp;Ghép phách…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-attach each entry to its participant (ghép phách) after the lock</source>
        <translation>Ghép mỗi bài với người dự thi (ghép phách) sau khi khoá điểm</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>App&amp;eals…</source>
        <translation>P&amp;húc khảo…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record appeals, assign their judges and settle them by the change rule</source>
        <translation>Ghi nhận yêu cầu phúc khảo, phân công giám khảo phúc khảo và kết luận theo quy định thay đổi điểm</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shortlist and &amp;finalists…</source>
        <translation>&amp;Vào chung khảo và dự thi cấp trên…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cut the shortlist after the screening round; export or import the finalists</source>
        <translation>Chọn danh sách vào vòng chung khảo sau vòng sơ khảo; xuất hoặc nhập danh sách dự thi cấp trên</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the pages larger</source>
        <translation>Hiện các trang to hơn</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;out</source>
        <translation>Th&amp;u nhỏ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the pages smaller</source>
        <translation>Hiện các trang nhỏ hơn</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fit &amp;width</source>
        <translation>Vừa chiều &amp;rộng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Make the pages as wide as the view</source>
        <translation>Cho trang rộng vừa khung xem</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fit &amp;page</source>
        <translation>&amp;Vừa trang</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show one whole page in the view</source>
        <translation>Hiện trọn một trang trong khung xem</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One page at a &amp;time</source>
        <translation>&amp;Từng trang một</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show one page at a time instead of a continuous scroll</source>
        <translation>Hiện từng trang một thay vì cuộn liền các trang</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Rotate clockwise</source>
        <translation>&amp;Xoay phải 90°</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Turn the file&apos;s pages 90° clockwise (remembered for this file)</source>
        <translation>Xoay các trang của tệp 90° theo chiều kim đồng hồ (nhớ cho tệp này)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next page</source>
        <translation>Trang &amp;sau</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Previous page</source>
        <translation>Trang t&amp;rước</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;First page</source>
        <translation>Trang đầ&amp;u</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Last page</source>
        <translation>Trang &amp;cuối</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next &amp;file of the entry</source>
        <translation>Tệp &amp;kế tiếp của bài</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Previous file of the &amp;entry</source>
        <translation>Tệp trước của &amp;bài</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Search the text…</source>
        <translation>&amp;Tìm chữ…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find words in this file and mark them</source>
        <translation>Tìm từ ngữ trong tệp này và tô đánh dấu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next &amp;match</source>
        <translation>&amp;Kết quả tiếp theo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Previous m&amp;atch</source>
        <translation>Kết quả &amp;trước</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Submit the entry</source>
        <translation>&amp;Nộp bài đã chấm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hand in this entry&apos;s grading (every criterion and question needed)</source>
        <translation>Nộp kết quả chấm bài này (cần đủ mọi tiêu chí và câu hỏi)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next entry</source>
        <translation>Bài &amp;sau</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Previous entry</source>
        <translation>Bài &amp;trước</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next &amp;ungraded entry</source>
        <translation>Bài &amp;chưa chấm tiếp theo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The next entry not submitted yet</source>
        <translation>Bài tiếp theo chưa nộp điểm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next page of the &amp;document</source>
        <translation>Trang sau của &amp;bài</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turn the page while typing in the rubric</source>
        <translation>Lật trang trong khi vẫn nhập điểm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Previous page of the d&amp;ocument</source>
        <translation>Trang trước của b&amp;ài</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Go to the &amp;rubric</source>
        <translation>Đến ô &amp;chấm điểm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first question or score still empty</source>
        <translation>Câu hỏi hoặc ô điểm đầu tiên còn trống</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to the overall &amp;comment</source>
        <translation>Đến ô &amp;nhận xét chung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Go to the entry &amp;list</source>
        <translation>Đến &amp;danh sách bài</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comment &amp;bank…</source>
        <translation>Ngân hàng &amp;nhận xét…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pick a ready comment for the field you are typing in</source>
        <translation>Chọn nhận xét có sẵn cho ô đang nhập</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Add the comment to the bank</source>
        <translation>&amp;Thêm nhận xét vào ngân hàng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep the comment you typed for other entries</source>
        <translation>Lưu nhận xét vừa nhập để dùng cho bài khác</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Flag for the head judge…</source>
        <translation>&amp;Báo trưởng ban giám khảo…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Identity revealed, copy, off topic, wrong format, unreadable, missing pages</source>
        <translation>Lộ danh tính, sao chép, lạc đề, sai thể thức, không đọc được, thiếu trang</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pin a note on the &amp;page…</source>
        <translation>Ghi chú lên &amp;trang…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A note at the middle of the view (or Ctrl+click on the page)</source>
        <translation>Ghi chú ở giữa vùng đang xem (hoặc Ctrl+bấm chuột lên trang)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take back the last score, answer or comment</source>
        <translation>Bỏ thay đổi cuối cùng (điểm, đáp án, nhận xét)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Swap document and rubric</source>
        <translation>Đổi &amp;bên bài và phiếu chấm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put the rubric on the other side</source>
        <translation>Đưa phiếu chấm sang bên kia</translation>
    </message>
</context>
<context>
    <name>AppealsWindow</name>
    <message>
        <location filename="../../judge_app/ui/board_appeals.py" line="+53"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry code</source>
        <translation>Số phách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original score</source>
        <translation>Điểm ban đầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal judges&apos; totals</source>
        <translation>Điểm chấm phúc khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New score</source>
        <translation>Điểm mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason / dialogue record</source>
        <translation>Lý do / biên bản đối thoại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requested: judges to assign</source>
        <translation>Đã yêu cầu: chờ phân công giám khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being regraded</source>
        <translation>Đang chấm phúc khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judges differ: a third is needed</source>
        <translation>Hai giám khảo lệch: cần người thứ ba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready to settle</source>
        <translation>Sẵn sàng kết luận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settled</source>
        <translation>Đã kết luận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mean of the two appeal gradings</source>
        <translation>trung bình hai lần chấm phúc khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>two of the three gradings equal</source>
        <translation>hai trong ba lần chấm bằng nhau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean of the three appeal gradings</source>
        <translation>trung bình ba lần chấm phúc khảo</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Record an appeal</source>
        <translation>Ghi nhận yêu cầu phúc khảo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The entry is opened in the locked results for two other judges to regrade; its current score is kept until the appeal is settled.</source>
        <translation>Bài được mở khoá trong kết quả đã khoá để hai giám khảo khác chấm lại; điểm hiện tại được giữ cho đến khi có kết luận phúc khảo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Entry code:</source>
        <translation>Số phách:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the participant asks (required)</source>
        <translation>Nội dung thí sinh đề nghị (bắt buộc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Settle the appeal of entry {code}</source>
        <translation>Kết luận phúc khảo bài {code}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The result differs from the original by {difference}, less than {threshold}: &lt;b&gt;the score stays {original}&lt;/b&gt;; nothing in the results changes.</source>
        <translation>Kết quả lệch {difference} so với điểm ban đầu, dưới {threshold}: &lt;b&gt;giữ nguyên điểm {original}&lt;/b&gt;; kết quả cuộc thi không thay đổi.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The score changes by {difference} ({threshold} or more): &lt;b&gt;the new score is {new}&lt;/b&gt;, and the face-to-face dialogue with the participant must be recorded below (biên bản đối thoại trực tiếp).</source>
        <translation>Điểm thay đổi {difference} (từ {threshold} trở lên): &lt;b&gt;điểm mới là {new}&lt;/b&gt;; phải tổ chức đối thoại trực tiếp với thí sinh và ghi biên bản dưới đây.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The score changes by {difference} ({threshold} or more): &lt;b&gt;the new score is {new}&lt;/b&gt;.</source>
        <translation>Điểm thay đổi {difference} (từ {threshold} trở lên): &lt;b&gt;điểm mới là {new}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Appeal {number} of entry &lt;b&gt;{code}&lt;/b&gt;: {reason}&lt;br&gt;Original score {original}; appeal judges: {totals}; result {result} ({rule}).&lt;br&gt;&lt;br&gt;{verdict}</source>
        <translation>Phúc khảo số {number}, bài &lt;b&gt;{code}&lt;/b&gt;: {reason}&lt;br&gt;Điểm ban đầu {original}; chấm phúc khảo: {totals}; kết quả {result} ({rule}).&lt;br&gt;&lt;br&gt;{verdict}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Record of the face-to-face dialogue (required):</source>
        <translation>Biên bản đối thoại trực tiếp (bắt buộc):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record of a dialogue, if one was held (optional):</source>
        <translation>Biên bản đối thoại, nếu có (không bắt buộc):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settle</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Appeal settled</source>
        <translation>Đã kết luận phúc khảo</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Entries per judge:</source>
        <translation>Số bài mỗi giám khảo:</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Appeals</source>
        <translation>Phúc khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record an appeal…</source>
        <translation>Ghi nhận phúc khảo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign appeal judges</source>
        <translation>Phân công giám khảo phúc khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settle…</source>
        <translation>Kết luận…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Reason: {reason}</source>
        <translation>Lý do: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dialogue: {text}</source>
        <translation>Đối thoại: {text}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{count} appeals, {open} not settled yet.</source>
        <translation>{count} yêu cầu phúc khảo, {open} yêu cầu chưa kết luận.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Appeals are taken once the scores are locked.</source>
        <translation>Chỉ nhận phúc khảo sau khi điểm đã được khoá.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Assigning appeal judges…</source>
        <translation>Đang phân công giám khảo phúc khảo…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Appeal judges assigned</source>
        <translation>Đã phân công giám khảo phúc khảo</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_assign.py" line="+39"/>
        <source>Round %1: %2 entries assigned (%3 assignments added).</source>
        <translation>Vòng %1: đã phân công %2 bài (thêm %3 lượt chấm).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Entries per judge:</source>
        <translation>Số bài mỗi giám khảo:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seed (to repeat the draw): %1</source>
        <translation>Hạt giống (để bốc lại đúng như vậy): %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Assign a grading round</source>
        <translation>Phân công một vòng chấm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Round:</source>
        <translation>Vòng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judges per entry:</source>
        <translation>Số giám khảo mỗi bài:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Hạt giống:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>empty: a new random seed</source>
        <translation>để trống: hạt giống ngẫu nhiên mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each judge grades within one category</source>
        <translation>Mỗi giám khảo chỉ chấm trong một đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The seed is a whole number, or empty.</source>
        <translation>Hạt giống là một số nguyên, hoặc để trống.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Assigning…</source>
        <translation>Đang phân công…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Round assigned</source>
        <translation>Đã phân công vòng chấm</translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_columns.py" line="+254"/>
        <source>Participant list: columns</source>
        <translation>Danh sách người dự thi: các cột</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sheet:</source>
        <translation>&amp;Trang tính:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Header row:</source>
        <translation>Dòng &amp;tiêu đề:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sheet&apos;s first rows</source>
        <translation>Các dòng đầu của trang tính</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The header row is highlighted. Double-click a row to read it as the header.</source>
        <translation>Dòng tiêu đề được tô màu. Nhấp đúp vào một dòng để đọc dòng đó làm tiêu đề.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which column holds what</source>
        <translation>Cột nào ghi thông tin gì</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check of the first rows</source>
        <translation>Kiểm tra các dòng đầu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remember these columns</source>
        <translation>Ghi nhớ các cột này</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File: %1</source>
        <translation>Tệp: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(CSV, encoding %1, separator “%2”)</source>
        <translation>(CSV, bảng mã %1, dấu phân cách “%2”)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>— choose the unit —</source>
        <translation>— chọn đơn vị —</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading the list…</source>
        <translation>Đang đọc danh sách…</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>— not in the list —</source>
        <translation>— danh sách không có —</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>%1 people read (staff: %2; pupils by grade: %3; category unknown: %4). %5 errors, %6 warnings.</source>
        <translation>Đọc được %1 người (cán bộ, giáo viên, nhân viên: %2; học sinh theo khối: %3; chưa rõ đối tượng: %4). %5 lỗi, %6 cảnh báo.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only the first %1 rows are checked here.</source>
        <translation>Ở đây chỉ kiểm tra %1 dòng đầu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>cảnh báo</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Choose the unit that sent the list.</source>
        <translation>Hãy chọn đơn vị đã gửi danh sách.</translation>
    </message>
</context>
<context>
    <name>ContestView</name>
    <message>
        <location filename="../../judge_app/ui/contest_view.py" line="+311"/>
        <source>All entries</source>
        <translation>Tất cả bài dự thi</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Entries: %1</source>
        <translation>Bài dự thi: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Units with entries: %1 of %2</source>
        <translation>Đơn vị có bài: %1/%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(this file holds no contest details yet)</source>
        <translation>(tệp này chưa có thông tin cuộc thi)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Format check:</source>
        <translation>&amp;Thể thức:</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../judge_app/ui/viewer.py" line="+70"/>
        <source>Image</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plain text</source>
        <translation>Văn bản thuần</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty file</source>
        <translation>Tệp rỗng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown format</source>
        <translation>Định dạng không rõ</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Pages: %1</source>
        <translation>Số trang: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 and other sizes</source>
        <translation>%1 và khổ khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper: %1</source>
        <translation>Khổ giấy: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main font: %1 %2 pt</source>
        <translation>Phông chính: %1 %2 pt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>has text</source>
        <translation>có lớp chữ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scan or photo: no text</source>
        <translation>ảnh chụp hoặc bản quét: không có lớp chữ</translation>
    </message>
    <message>
        <location line="+433"/>
        <source>File %1/%2</source>
        <translation>Tệp %1/%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This file could not be opened.</source>
        <translation>Không mở được tệp này.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Opening the file…</source>
        <translation>Đang mở tệp…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No file to show</source>
        <translation>Không có tệp nào để xem</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This file cannot be shown: the page below says why.</source>
        <translation>Tệp này không hiển thị được: trang bên dưới cho biết lý do.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Page %1/%2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No text to search in</source>
        <translation>Không có chữ để tìm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search failed</source>
        <translation>Không tìm được</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Match %1 of %2</source>
        <translation>Kết quả %1/%2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Viewer toolbar</source>
        <translation>Thanh công cụ trình xem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the text…</source>
        <translation>Tìm chữ trong tệp…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Entry %1 – judge-app</source>
        <translation>Bài dự thi %1 – judge-app</translation>
    </message>
</context>
<context>
    <name>EntryTable</name>
    <message>
        <location filename="../../judge_app/ui/contest_view.py" line="-309"/>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anonymised</source>
        <translation>Đã làm phách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned</source>
        <translation>Đã phân công</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graded</source>
        <translation>Đã chấm xong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred to the head judge</source>
        <translation>Chuyển trưởng ban giám khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid</source>
        <translation>Không hợp lệ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Image</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Meets the rules</source>
        <translation>Đúng thể thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the format</source>
        <translation>Cần xem thể thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten / scan</source>
        <translation>Viết tay / bản quét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be read</source>
        <translation>Không đọc được</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Code</source>
        <translation>Số phách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File types</source>
        <translation>Loại tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>Số tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Thể thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received at</source>
        <translation>Thời điểm nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>%Y-%m-%d %H:%M</source>
        <comment>strftime format of the received time</comment>
        <translation>%d/%m/%Y %H:%M</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../judge_app/ui/errors.py" line="+102"/>
        <source>judge-app: error</source>
        <translation>judge-app: lỗi</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../judge_app/ui/dialogs.py" line="-41"/>
        <source>Contest files (*.sqlite)</source>
        <translation>Tệp cuộc thi (*.sqlite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create a new contest file</source>
        <translation>Tạo tệp cuộc thi mới</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a contest file</source>
        <translation>Mở tệp cuộc thi</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <location filename="../../judge_app/ui/grading_flags.py" line="+102"/>
        <source>Flag entry %1 for the head judge</source>
        <translation>Báo trưởng ban về bài %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick what is wrong (Space) and add a short note (Tab). A flagged entry can still be scored, except when it is unreadable or pages are missing.</source>
        <translation>Đánh dấu vấn đề (phím cách) và ghi chú ngắn (Tab). Bài đã báo vẫn chấm được, trừ khi không đọc được hoặc thiếu trang.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Note: where, what (optional)</source>
        <translation>Ghi chú: ở đâu, điều gì (không bắt buộc)</translation>
    </message>
</context>
<context>
    <name>GradingList</name>
    <message>
        <location filename="../../judge_app/ui/grading_list.py" line="+51"/>
        <location line="+24"/>
        <source>Not started</source>
        <translation>Chưa chấm</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+24"/>
        <source>Draft</source>
        <translation>Đang chấm</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+24"/>
        <source>Submitted</source>
        <translation>Đã nộp</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+24"/>
        <source>Flagged</source>
        <translation>Đã báo trưởng ban</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Code</source>
        <translation>Số phách</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Thể thức</translation>
    </message>
    <message>
        <location line="+300"/>
        <source>Graded %1/%2</source>
        <translation>Đã chấm %1/%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Show:</source>
        <translation>&amp;Hiện:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entries by code only. Enter or a click opens one.</source>
        <translation>Bài chỉ ghi số phách. Enter hoặc bấm chuột để mở.</translation>
    </message>
    <message>
        <location line="-316"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All entries</source>
        <translation>Tất cả bài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still to grade</source>
        <translation>Chưa nộp điểm</translation>
    </message>
</context>
<context>
    <name>GradingView</name>
    <message>
        <location filename="../../judge_app/ui/grading_window.py" line="+514"/>
        <source>answer</source>
        <translation>đáp án</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>score</source>
        <translation>điểm</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>comment</source>
        <translation>nhận xét</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>✗ Not saved: %1</source>
        <translation>✗ Chưa lưu được: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Saved</source>
        <translation>✓ Đã lưu</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Correct the scores marked in red first: %1</source>
        <translation>Hãy sửa các điểm tô đỏ trước: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Entry %1 submitted (revision %2).</source>
        <translation>Đã nộp bài %1 (lần %2).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Every entry is submitted.</source>
        <translation>Đã nộp điểm tất cả các bài.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Type a comment first, then add it.</source>
        <translation>Hãy gõ nhận xét trước rồi mới thêm.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Added to the comment bank.</source>
        <translation>Đã thêm vào ngân hàng nhận xét.</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>Judge %1 %2 · %3 · round %4</source>
        <translation>Giám khảo %1 %2 · %3 · vòng %4</translation>
    </message>
</context>
<context>
    <name>KeyFileDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_keys.py" line="+185"/>
        <source>Replace a lost key</source>
        <translation>Thay khoá bị mất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the key</source>
        <translation>Thay khoá</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register a judge&apos;s key</source>
        <translation>Đăng ký khoá của giám khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register the key</source>
        <translation>Đăng ký khoá</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Judge %1 (%2). Key file: %3
Ask the judge to read their key&apos;s fingerprint aloud, group by group, and compare it with the fingerprint of this file:</source>
        <translation>Giám khảo %1 (%2). Tệp khoá: %3
Đề nghị giám khảo đọc to dấu vân tay khoá của mình, từng nhóm một, và so với dấu vân tay của tệp này:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The judge read:</source>
        <translation>Giám khảo đọc:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the replacement:</source>
        <translation>Lý do thay khoá:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type the 32 characters; spaces and case do not matter</source>
        <translation>gõ 32 ký tự; không phân biệt dấu cách, chữ hoa hay thường</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I compared every group with what the judge read aloud, and they are the same</source>
        <translation>Tôi đã so từng nhóm với lời giám khảo đọc và tất cả đều giống nhau</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. laptop lost, key file deleted</source>
        <translation>ví dụ: mất máy tính, lỡ xoá tệp khoá</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not a whole fingerprint yet</source>
        <translation>Chưa đủ một dấu vân tay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Same as the file</source>
        <translation>✓ Khớp với tệp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ Differs from the file</source>
        <translation>✗ Không khớp với tệp</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Type the fingerprint the judge reads aloud, or confirm you compared it.</source>
        <translation>Hãy gõ dấu vân tay giám khảo đọc, hoặc xác nhận đã so từng nhóm.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Give the reason for replacing the key.</source>
        <translation>Hãy ghi lý do thay khoá.</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location line="+96"/>
        <source>Judges&apos; keys</source>
        <translation>Khoá của giám khảo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A judge&apos;s score file is accepted only if it is signed with the key registered here. Register each judge&apos;s public key after the judge reads its fingerprint to you; replace a key only when it is lost.</source>
        <translation>Tệp điểm của giám khảo chỉ được nhận khi được ký bằng khoá đăng ký ở đây. Đăng ký khoá công khai của từng giám khảo sau khi giám khảo đọc dấu vân tay cho bạn; chỉ thay khoá khi khoá bị mất.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key fingerprint</source>
        <translation>Dấu vân tay khoá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register key…</source>
        <translation>Đăng ký khoá…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace lost key…</source>
        <translation>Thay khoá bị mất…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Waiting for the judge&apos;s key</source>
        <translation>Chờ khoá của giám khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>Đã đăng ký</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head judge, registered</source>
        <translation>Trưởng ban, đã đăng ký</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (replaced %1×)</source>
        <translation> (đã thay %1 lần)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not registered</source>
        <translation>chưa đăng ký</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The judge&apos;s public key file</source>
        <translation>Tệp khoá công khai của giám khảo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Public keys (*.pub *.pem)</source>
        <translation>Khoá công khai (*.pub *.pem)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Key of %1 replaced: %2 (old key %3 retired).</source>
        <translation>Đã thay khoá của %1: %2 (khoá cũ %3 đã thu hồi).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key of %1 registered: %2.</source>
        <translation>Đã đăng ký khoá của %1: %2.</translation>
    </message>
</context>
<context>
    <name>LeakDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_leaks.py" line="+176"/>
        <source>Scan for identity leaks</source>
        <translation>Quét dấu hiệu lộ danh tính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every text entry file is searched for its entrant&apos;s name (in any order, with or without diacritics), school, phone and e-mail. Photos and scans cannot be read and are listed as not checked. A hit is only a sign: invalidity is a board decision.</source>
        <translation>Mọi tệp bài có chữ được tìm họ tên người dự thi (theo thứ tự bất kỳ, có dấu hoặc không dấu), tên trường, số điện thoại và e-mail. Ảnh chụp và bản quét không đọc được chữ nên được ghi là chưa kiểm tra. Kết quả chỉ là dấu hiệu: bài không hợp lệ chỉ khi Ban giám khảo quyết định.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The identities are sealed: type the seal passphrase(s) to look for each entrant&apos;s name; they are used for this scan only.</source>
        <translation>Đầu phách đã niêm phong: hãy gõ mật khẩu niêm phong để tìm tên từng người dự thi; mật khẩu chỉ dùng cho lần quét này.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Seal passphrase %1:</source>
        <translation>Mật khẩu niêm phong %1:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan again</source>
        <translation>Quét lại</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hits only</source>
        <translation>Chỉ các bài có dấu hiệu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Số phách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found</source>
        <translation>Dấu hiệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Ở đâu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certainty</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words as written</source>
        <translation>Chữ trong bài</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the entry</source>
        <translation>Xem bài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the list (XLSX)…</source>
        <translation>Lưu danh sách (XLSX)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the seal passphrase(s) first.</source>
        <translation>Hãy gõ mật khẩu niêm phong trước.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scanning the entries…</source>
        <translation>Đang quét các bài…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopping after this entry…</source>
        <translation>Sẽ dừng sau bài đang quét…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 entries</source>
        <translation>%1 / %2 bài</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Scan cancelled: nothing was changed.</source>
        <translation>Đã dừng quét: không có gì thay đổi.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(entrant unknown)</source>
        <translation>(chưa biết người dự thi)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>file %1, page %2</source>
        <translation>tệp %1, trang %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>file %1</source>
        <translation>tệp %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 entries scanned: %2 with signs of identity (%3 naming the entrant), %4 not checked (photos, scans), %5 unreadable, %6 with no sign.</source>
        <translation>Đã quét %1 bài: %2 bài có dấu hiệu lộ danh tính (%3 bài nêu chính người dự thi), %4 bài chưa kiểm tra (ảnh, bản quét), %5 bài không đọc được, %6 bài không thấy dấu hiệu.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Save the list</source>
        <translation>Lưu danh sách</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_link.py" line="+156"/>
        <source>Link entries to participants</source>
        <translation>Ghép bài với người dự thi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These files matched nobody on their unit&apos;s list, or several people with the same name. Open each entry to see who wrote it, then choose the person and press Link, or leave it for later. Nothing is decided without you.</source>
        <translation>Các tệp này không khớp với ai trong danh sách của đơn vị, hoặc khớp với nhiều người trùng tên. Hãy mở từng bài để xem ai viết, rồi chọn người và bấm Ghép, hoặc để lại xử lý sau. Không có gì được quyết định thay bạn.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Entries needing a decision</source>
        <translation>Các bài cần quyết định</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Số phách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files as the school named them</source>
        <translation>Tệp (tên do trường đặt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the entry</source>
        <translation>Xem bài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave for later</source>
        <translation>Để xử lý sau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People of the entry&apos;s unit</source>
        <translation>Người dự thi của đơn vị</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a name (with or without diacritics)</source>
        <translation>Tìm tên (có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Link to this person</source>
        <translation>Ghép với người này</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the entries…</source>
        <translation>Đang đọc các bài…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>linked: %1</source>
        <translation>đã ghép: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>left for later</source>
        <translation>để xử lý sau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>several people match</source>
        <translation>khớp nhiều người</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>matches nobody</source>
        <translation>không khớp với ai</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 of %2 entries still wait for a decision.</source>
        <translation>Còn %1 trong %2 bài chờ quyết định.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No entry needs linking.</source>
        <translation>Không có bài nào cần ghép.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>name in the file name</source>
        <translation>tên có trong tên tệp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already has an entry</source>
        <translation>đã có bài</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nobody of unit %1 is known yet: receive the unit&apos;s participant list first.</source>
        <translation>Chưa có ai của đơn vị %1: hãy nhận danh sách người dự thi của đơn vị trước.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_lock.py" line="+89"/>
        <location line="+33"/>
        <source>Lock scores</source>
        <translation>Khoá điểm</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Locking freezes every final score: merges and decisions are refused from then on, except for an entry opened for an appeal. Results, prizes and the reveal of identities need it. Every entry must have a final score or a decision.</source>
        <translation>Khoá điểm giữ nguyên mọi điểm cuối cùng: từ đó không ghép thêm tệp điểm hay ghi quyết định nào nữa, trừ bài được mở để phúc khảo. Cần khoá điểm trước khi xếp giải và ghép phách. Mọi bài phải có điểm cuối cùng hoặc quyết định.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lock</source>
        <translation>Khoá điểm</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../judge_app/ui/main_window.py" line="+234"/>
        <source>Toolbar</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No contest open</source>
        <translation>Chưa mở cuộc thi nào</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Contest file: %1</source>
        <translation>Tệp cuộc thi: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entries: %1</source>
        <translation>Bài dự thi: %1</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Creating %1…</source>
        <translation>Đang tạo %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening %1…</source>
        <translation>Đang mở %1…</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Participant list</source>
        <translation>Danh sách người dự thi</translation>
    </message>
    <message>
        <location line="+414"/>
        <source>Backup saved: %1</source>
        <translation>Đã sao lưu: %1</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_merge.py" line="+87"/>
        <location line="+335"/>
        <source>Merged</source>
        <translation>Đã ghép</translation>
    </message>
    <message>
        <location line="-333"/>
        <source>Already merged</source>
        <translation>Đã ghép trước đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+325"/>
        <location line="+51"/>
        <source>REFUSED</source>
        <translation>KHÔNG NHẬN</translation>
    </message>
    <message>
        <location line="-367"/>
        <source>Files differ from the contest&apos;s in %1 entries: %2</source>
        <translation>Tệp bài khác với tệp của cuộc thi ở %1 bài: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not merged (cancelled)</source>
        <translation>Chưa ghép (đã dừng)</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Merge score files</source>
        <translation>Ghép tệp điểm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the judges&apos; score files (.jgs). Each file is checked against its judge&apos;s registered key and merged whole or not at all; a refused file changes nothing.</source>
        <translation>Thêm các tệp điểm của giám khảo (.jgs). Mỗi tệp được kiểm tra bằng khoá đã đăng ký của giám khảo và được ghép trọn vẹn hoặc không ghép gì; tệp không được nhận không làm thay đổi gì.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a folder…</source>
        <translation>Thêm thư mục…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Bỏ ra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge</source>
        <translation>Ghép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel after this file</source>
        <translation>Dừng sau tệp này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save report…</source>
        <translation>Lưu báo cáo…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge</source>
        <translation>Giám khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revision</source>
        <translation>Lần xuất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries</source>
        <translation>Số bài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason / note</source>
        <translation>Lý do / ghi chú</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No score file (.jgs) in %1.</source>
        <translation>Không có tệp điểm (.jgs) nào trong %1.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Judges&apos; score files</source>
        <translation>Tệp điểm của giám khảo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Score files (*.jgs)</source>
        <translation>Tệp điểm (*.jgs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A folder of score files</source>
        <translation>Thư mục chứa tệp điểm</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add at least one score file.</source>
        <translation>Hãy thêm ít nhất một tệp điểm.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merging…</source>
        <translation>Đang ghép…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stopping after the current file…</source>
        <translation>Sẽ dừng sau tệp đang ghép…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Merging %1 (%2 of %3)…</source>
        <translation>Đang ghép %1 (%2 trên %3)…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 merged, %2 already merged, %3 refused.</source>
        <translation>%1 tệp đã ghép, %2 tệp đã ghép trước đây, %3 tệp không nhận.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled: %1 files not merged.</source>
        <translation>Đã dừng: %1 tệp chưa ghép.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Save the merge report</source>
        <translation>Lưu báo cáo ghép điểm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Report saved: %1</source>
        <translation>Đã lưu báo cáo: %1</translation>
    </message>
</context>
<context>
    <name>MergeView</name>
    <message>
        <location filename="../../judge_app/ui/merge_model.py" line="+35"/>
        <source>Waiting for gradings</source>
        <translation>Chờ chấm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed</source>
        <translation>Thống nhất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To discuss</source>
        <translation>Cần trao đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third grading</source>
        <translation>Chấm lần 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third judge assigned</source>
        <translation>Đã giao chấm lần 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head judge decides</source>
        <translation>Trưởng ban quyết định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided</source>
        <translation>Đã quyết định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid</source>
        <translation>Không hợp lệ</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Mean of the two judges</source>
        <translation>Trung bình hai giám khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two equal of three</source>
        <translation>Hai trong ba điểm bằng nhau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean of the three judges</source>
        <translation>Trung bình ba giám khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed after discussion</source>
        <translation>Thống nhất sau trao đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/merge_view.py" line="+314"/>
        <source>Head judge&apos;s decision</source>
        <translation>Quyết định của trưởng ban</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board&apos;s decision</source>
        <translation>Quyết định của Ban giám khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry marked invalid</source>
        <translation>Bài bị đánh dấu không hợp lệ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Số phách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge 1</source>
        <translation>Giám khảo 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge 2</source>
        <translation>Giám khảo 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge 3</source>
        <translation>Giám khảo 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/merge_view.py" line="+392"/>
        <source>Gap</source>
        <translation>Chênh lệch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Diện xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final score</source>
        <translation>Điểm chốt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location line="+202"/>
        <source>Unrounded: %1</source>
        <translation>Chưa làm tròn: %1</translation>
    </message>
    <message>
        <location filename="../../judge_app/ui/merge_view.py" line="-523"/>
        <source>Multiple choice</source>
        <translation>Trắc nghiệm</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (round %2)</source>
        <translation>%1 (vòng %2)</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Record the discussion&apos;s outcome</source>
        <translation>Ghi kết quả trao đổi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Declare the entry invalid</source>
        <translation>Công bố bài không hợp lệ</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+380"/>
        <source>Entry %1 — %2</source>
        <translation>Bài %1 — %2</translation>
    </message>
    <message>
        <location line="-377"/>
        <source>Judges&apos; totals: %1</source>
        <translation>Tổng điểm của giám khảo: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gap: %1</source>
        <translation>Chênh lệch: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two judges discussed the entry and agreed a score; it is recorded with their reason in the record (biên bản).</source>
        <translation>Hai giám khảo đã trao đổi và thống nhất điểm; điểm được ghi cùng lý do vào biên bản.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An invalid entry is not ranked. The reason goes into the record and the audit log.</source>
        <translation>Bài không hợp lệ không được xếp giải. Lý do được ghi vào biên bản và nhật ký.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Score (0 to %1):</source>
        <translation>Điểm (0 đến %1):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 7,5</source>
        <translation>ví dụ 7,5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why this score or decision (required)</source>
        <translation>Vì sao cho điểm hoặc quyết định này (bắt buộc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not a valid score: a number from 0 to %1, at most two decimals.</source>
        <translation>Điểm không hợp lệ: một số từ 0 đến %1, tối đa hai chữ số thập phân.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Will be recorded as %1</source>
        <translation>Sẽ ghi là %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the score.</source>
        <translation>Hãy nhập điểm.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Give the reason: it goes into the record.</source>
        <translation>Hãy ghi lý do: lý do được đưa vào biên bản.</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>Scores and discrepancies — %1</source>
        <translation>Điểm và chênh lệch — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a code…</source>
        <translation>Tìm số phách…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign third gradings</source>
        <translation>Phân công chấm lần 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record discussion outcome…</source>
        <translation>Ghi kết quả trao đổi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head judge&apos;s decision…</source>
        <translation>Trưởng ban quyết định…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declare invalid…</source>
        <translation>Công bố không hợp lệ…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 entries shown of %2.</source>
        <translation>Đang hiện %1 trong %2 bài.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Select an entry to see its scores.</source>
        <translation>Chọn một bài để xem điểm.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Part</source>
        <translation>Phần</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max.</source>
        <translation>Tối đa</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Final score: %1 (%2)</source>
        <translation>Điểm chốt: %1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason: %1</source>
        <translation>Lý do: %1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Third gradings</source>
        <translation>Chấm lần 3</translation>
    </message>
</context>
<context>
    <name>PackageOpener</name>
    <message>
        <location filename="../../judge_app/ui/board_workspace.py" line="+47"/>
        <source>Open a grading package</source>
        <translation>Mở gói chấm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Grading packages (*.jgp)</source>
        <translation>Gói chấm (*.jgp)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Confirm the head judge&apos;s key</source>
        <translation>Xác nhận khoá của trưởng ban</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer does not know the head judge&apos;s key for this contest yet. Ask the head judge to read the key&apos;s fingerprint aloud and type it below. The package says:</source>
        <translation>Máy này chưa biết khoá của trưởng ban cho cuộc thi này. Hãy đề nghị trưởng ban đọc to dấu vân tay của khoá và gõ vào ô bên dưới. Dấu vân tay ghi trong gói:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the fingerprint the head judge reads to you</source>
        <translation>dấu vân tay trưởng ban đọc cho bạn</translation>
    </message>
</context>
<context>
    <name>PackagesDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_packages.py" line="+175"/>
        <source>Make grading packages</source>
        <translation>Tạo gói chấm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round:</source>
        <translation>Vòng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save packages in:</source>
        <translation>Lưu gói chấm vào:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head judge&apos;s key folder:</source>
        <translation>Thư mục khoá của trưởng ban:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key passphrase:</source>
        <translation>Cụm mật khẩu của khoá:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seal passphrase %1:</source>
        <translation>Mật khẩu niêm phong %1:</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: your own key folder</source>
        <translation>để trống: thư mục khoá của bạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make packages</source>
        <translation>Tạo gói chấm</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose where to save and type the passphrase.</source>
        <translation>Hãy chọn nơi lưu và gõ cụm mật khẩu.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Making packages…</source>
        <translation>Đang tạo gói chấm…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Packages written:</source>
        <translation>Đã tạo các gói chấm:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 entries, %3</source>
        <translation>%1: %2 bài, %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Names blacked out in %1 files (%2 characters).</source>
        <translation>Đã che tên, trường trong %1 tệp (%2 ký tự).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Grading packages</source>
        <translation>Gói chấm</translation>
    </message>
</context>
<context>
    <name>PageNoteDialog</name>
    <message>
        <location filename="../../judge_app/ui/grading_flags.py" line="+34"/>
        <source>Note on page %1</source>
        <translation>Ghi chú trang %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Note (kept with your grading, not in the entry):</source>
        <translation>&amp;Ghi chú (lưu cùng phiếu chấm, không ghi vào bài):</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../judge_app/ui/print_preview.py" line="+70"/>
        <source>Print preview – {name}</source>
        <translation>Xem trước khi in – {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as PDF…</source>
        <translation>Lưu thành PDF…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_receive.py" line="+61"/>
        <source>New entries</source>
        <translation>Bài mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries given more files</source>
        <translation>Bài được bổ sung tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files received</source>
        <translation>Tệp đã nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already received</source>
        <translation>Đã nhận từ trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+489"/>
        <source>Late</source>
        <translation>Nộp muộn</translation>
    </message>
    <message>
        <location line="-488"/>
        <source>Need linking to a participant</source>
        <translation>Cần ghép với người dự thi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match several participants</source>
        <translation>Khớp nhiều người dự thi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicates</source>
        <translation>Trùng lặp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty files</source>
        <translation>Tệp rỗng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreadable files</source>
        <translation>Tệp không đọc được</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of another kind</source>
        <translation>Tệp loại khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files refused</source>
        <translation>Tệp bị từ chối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants without an entry</source>
        <translation>Người dự thi chưa có bài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants added from the list</source>
        <translation>Người dự thi thêm từ danh sách</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>linked</source>
        <translation>đã ghép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs linking</source>
        <translation>cần ghép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>several matches</source>
        <translation>khớp nhiều người</translation>
    </message>
    <message>
        <location line="+178"/>
        <location line="+234"/>
        <source>Receive entries</source>
        <translation>Nhận bài dự thi</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources:</source>
        <translation>Nguồn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participant list:</source>
        <translation>Danh sách người dự thi:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received at:</source>
        <translation>Thời điểm nhận:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add folder…</source>
        <translation>Thêm thư mục…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Bỏ ra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional: the unit&apos;s list (XLSX, CSV, DOCX)</source>
        <translation>không bắt buộc: danh sách của đơn vị (XLSX, CSV, DOCX)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check columns…</source>
        <translation>Kiểm tra cột…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files from saved e-mails count as received at the e-mail&apos;s own time; this time applies to the other files.</source>
        <translation>Tệp lấy từ thư điện tử đã lưu được tính theo thời điểm nhận của chính thư đó; thời điểm này áp dụng cho các tệp còn lại.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+228"/>
        <source>Receive</source>
        <translation>Nhận bài</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Entries received</source>
        <translation>Bài đã nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save report (XLSX)…</source>
        <translation>Lưu báo cáo (XLSX)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save receipt for the school (XLSX)…</source>
        <translation>Lưu biên nhận gửi trường (XLSX)…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Every unit: each e-mail to the unit that sent it</source>
        <translation>Mọi đơn vị: mỗi thư vào đơn vị đã gửi thư</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add files</source>
        <translation>Thêm tệp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entries and e-mails (*.eml *.zip *.rar *.7z *.pdf *.docx *.doc *.jpg *.png)</source>
        <translation>Bài dự thi và thư điện tử (*.eml *.zip *.rar *.7z *.pdf *.docx *.doc *.jpg *.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add folder</source>
        <translation>Thêm thư mục</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Participant list</source>
        <translation>Danh sách người dự thi</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a unit and the participant list first.</source>
        <translation>Hãy chọn đơn vị và danh sách người dự thi trước.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Columns confirmed for %1 (header on row %2); the list will be read with them.</source>
        <translation>Đã xác nhận các cột cho %1 (tiêu đề ở dòng %2); danh sách sẽ được đọc theo các cột này.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Choose a unit and at least one source.</source>
        <translation>Hãy chọn một đơn vị và ít nhất một nguồn.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+52"/>
        <source>Receiving…</source>
        <translation>Đang nhận bài…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Receive more…</source>
        <translation>Nhận thêm…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unit: %1 (%2). Deadline: %3.</source>
        <translation>Đơn vị: %1 (%2). Hạn nộp: %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>Số phách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Ghép người dự thi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Thời điểm nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Entry</source>
        <translation>Bài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File or source</source>
        <translation>Tệp hoặc nguồn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Review %1 unmatched…</source>
        <translation>Xem %1 bài chưa ghép…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the intake report</source>
        <translation>Lưu báo cáo nhận bài</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the receipt for the school</source>
        <translation>Lưu biên nhận gửi trường</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>RedactionWindow</name>
    <message>
        <location filename="../../judge_app/ui/board_redaction.py" line="+479"/>
        <source>Opening the entry…</source>
        <translation>Đang mở bài…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This entry has no files.</source>
        <translation>Bài này không có tệp nào.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File %1/%2 – %3</source>
        <translation>Tệp %1/%2 – %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Opening the file…</source>
        <translation>Đang mở tệp…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>This page could not be shown.</source>
        <translation>Không hiển thị được trang này.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Boxes on this page: %1 (whole entry: %2)</source>
        <translation>Ô che trên trang này: %1 (cả bài: %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Box %1: left %2 %, top %3 %, %4 × %5 %</source>
        <translation>Ô %1: trái %2 %, trên %3 %, %4 × %5 %</translation>
    </message>
    <message>
        <location line="+94"/>
        <location line="+1"/>
        <source>Making the judge&apos;s copy…</source>
        <translation>Đang làm bản gửi giám khảo…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The judge&apos;s copy: %1 characters blacked out automatically, %2 boxes burned in.</source>
        <translation>Bản giám khảo nhận: %1 ký tự bị che tự động, %2 ô che đã tô đen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Redaction boxes – entry %1</source>
        <translation>Ô che thông tin – bài %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page:</source>
        <translation>Trang:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New box (N)</source>
        <translation>Ô che mới (N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete box (Del)</source>
        <translation>Xoá ô che (Del)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview judge&apos;s copy (Ctrl+P)</source>
        <translation>Xem bản giám khảo nhận (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Thu nhỏ (Ctrl+-)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (Ctrl+=)</source>
        <translation>Phóng to (Ctrl+=)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag on the page to cover a name, school or stamp. Keyboard: N starts a box, arrows move it, Shift+arrows resize it, Enter keeps it, Esc drops it. Boxes are burned into every judge&apos;s copy when packages are made.</source>
        <translation>Kéo chuột trên trang để che họ tên, tên trường hoặc con dấu. Bàn phím: N tạo ô mới, phím mũi tên di chuyển, Shift+mũi tên đổi kích thước, Enter giữ lại, Esc bỏ. Ô che được tô đen vào bản của mọi giám khảo khi đóng gói.</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../judge_app/ui/results_model.py" line="+50"/>
        <source>First prize</source>
        <translation>Giải Nhất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second prize</source>
        <translation>Giải Nhì</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third prize</source>
        <translation>Giải Ba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consolation prize</source>
        <translation>Giải Khuyến khích</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excellence (under 18)</source>
        <translation>Giải Xuất sắc (dưới 18 tuổi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No prize</source>
        <translation>Không đạt giải</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../judge_app/ui/results_view.py" line="+79"/>
        <source>Rank</source>
        <translation>Hạng</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/results_view.py" line="+11"/>
        <source>Code</source>
        <translation>Số phách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/results_view.py" line="-10"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/results_view.py" line="+11"/>
        <location line="+4"/>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/results_view.py" line="-22"/>
        <location line="+13"/>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/results_view.py" line="+317"/>
        <source>Quality</source>
        <translation>Chất lượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/results_view.py" line="-316"/>
        <source>Prize</source>
        <translation>Giải</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tie at a prize boundary</source>
        <translation>Bằng điểm tại ranh giới giải</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tie {key}: the board must order it</source>
        <translation>Nhóm {key}: chờ Ban giám khảo quyết định</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tie {key}: ordered by the board ({reason})</source>
        <translation>Nhóm {key}: Ban giám khảo quyết định thứ tự ({reason})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tie {key}: settled by {rules}</source>
        <translation>Nhóm {key}: phân định theo {rules}</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>(sealed)</source>
        <translation>(chưa ghép phách)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tie: waiting for the board</source>
        <translation>Bằng điểm: chờ Ban giám khảo</translation>
    </message>
    <message>
        <location filename="../../judge_app/ui/results_view.py" line="-15"/>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prize levels</source>
        <translation>Mức giải</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries (order)</source>
        <translation>Các bài (thứ tự)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How it was settled</source>
        <translation>Cách phân định</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Entries</source>
        <translation>Số bài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headcount</source>
        <translation>Số người</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participation</source>
        <translation>Tỉ lệ tham gia</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Of quality</source>
        <translation>Đạt chất lượng</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Quality rate</source>
        <translation>Tỉ lệ đạt CL</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ranked entries</source>
        <translation>Số bài xếp hạng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share</source>
        <translation>Tỉ lệ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the results…</source>
        <translation>Đang đọc kết quả…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the workbook…</source>
        <translation>Đang ghi bảng tính…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the result list…</source>
        <translation>Đang ghi danh sách kết quả…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the prize list annex…</source>
        <translation>Đang ghi danh sách đạt giải…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the certificates…</source>
        <translation>Đang ghi giấy chứng nhận…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Settle a tie – {key}</source>
        <translation>Phân định bằng điểm – {key}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These entries have the same score ({score}) across the prize levels {levels} and the contest&apos;s tie rule cannot tell them apart. Put them in the order the board decided, best first, and give the reason (it is recorded).</source>
        <translation>Các bài này bằng điểm ({score}) ở ranh giới các mức giải {levels} và quy tắc phân định của thể lệ không phân biệt được. Hãy sắp xếp theo thứ tự Ban giám khảo đã quyết định, bài xếp trên trước, và ghi lý do (được lưu lại).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Xuống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (recorded in the audit log):</source>
        <translation>Lý do (được ghi vào nhật ký):</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rankings</source>
        <translation>Xếp hạng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ties</source>
        <translation>Bằng điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>School ranking</source>
        <translation>Xếp hạng đơn vị</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid entries</source>
        <translation>Bài không hợp lệ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge statistics</source>
        <translation>Thống kê giám khảo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List:</source>
        <translation>Danh sách:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prizes and ties only</source>
        <translation>Chỉ bài đạt giải và bằng điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code, name or unit…</source>
        <translation>Số phách, họ tên hoặc đơn vị…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settle tie…</source>
        <translation>Phân định bằng điểm…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A red line marks where a prize level starts. Yellow: tied at a prize boundary and settled by the tie rule; red: tied, the board must order these entries (select one, then Settle tie…).</source>
        <translation>Vạch đỏ đánh dấu chỗ bắt đầu mỗi mức giải. Màu vàng: bằng điểm tại ranh giới giải, đã phân định theo quy tắc; màu đỏ: bằng điểm, Ban giám khảo cần quyết định thứ tự (chọn một bài rồi bấm Phân định bằng điểm…).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview result list…</source>
        <translation>Xem trước danh sách kết quả…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export results…</source>
        <translation>Xuất kết quả…</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>&lt;b&gt;No results to show.&lt;/b&gt; {reason}</source>
        <translation>&lt;b&gt;Chưa có kết quả để hiển thị.&lt;/b&gt; {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; – {ranked} entries ranked, {invalid} invalid; {quality} of quality ({share}, target {target} %); {ties} ties at prize boundaries.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; – {ranked} bài được xếp hạng, {invalid} bài không hợp lệ; {quality} bài đạt chất lượng ({share}, chỉ tiêu {target} %); {ties} trường hợp bằng điểm tại ranh giới giải.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{count} ties wait for the board: the prize list is a draft.</source>
        <translation>{count} trường hợp bằng điểm chờ Ban giám khảo quyết định: danh sách giải còn là dự thảo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Identities are still sealed.</source>
        <translation>Danh tính người dự thi còn niêm phong.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whole contest</source>
        <translation>Toàn cuộc thi</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Formula: {formula}</source>
        <translation>Công thức: {formula}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Quality threshold: {threshold} points. {quality} of {ranked} ranked entries are of quality: {share} (target {target} %).</source>
        <translation>Ngưỡng đạt chất lượng: {threshold} điểm. {quality} trong {ranked} bài được xếp hạng đạt chất lượng: {share} (chỉ tiêu {target} %).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Judge statistics are not available in this version of the app.</source>
        <translation>Phiên bản này của ứng dụng chưa có thống kê giám khảo.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Export results to a folder</source>
        <translation>Xuất kết quả vào thư mục</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Cancelling after the current file…</source>
        <translation>Sẽ dừng sau tệp đang ghi…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exported to {folder}: workbook, result list, annex, {count} certificates.</source>
        <translation>Đã xuất vào {folder}: bảng tính, danh sách kết quả, danh sách đạt giải, {count} giấy chứng nhận.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export cancelled.</source>
        <translation>Đã huỷ xuất kết quả.</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_lock.py" line="+73"/>
        <location line="+60"/>
        <source>Reveal identities</source>
        <translation>Ghép phách</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Revealing (ghép phách) re-attaches each entry to its participant, for the prize list and the certificates. The seal&apos;s passphrase is needed (both, when two board members sealed).</source>
        <translation>Ghép phách gắn lại mỗi bài với người dự thi, để lập danh sách đạt giải và giấy chứng nhận. Cần cụm mật khẩu niêm phong (cả hai, nếu hai thành viên Ban đã niêm phong).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The scores are not locked yet: identities stay sealed until the lock. Reveal now only if the board must, and say why; the reason is kept in the audit log.</source>
        <translation>Điểm chưa được khoá: đầu phách phải được giữ kín đến khi khoá điểm. Chỉ ghép phách lúc này khi Ban giám khảo buộc phải làm, và ghi rõ lý do; lý do được lưu vào nhật ký.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Passphrase %1:</source>
        <translation>Cụm mật khẩu %1:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why before the lock:</source>
        <translation>Lý do ghép phách trước khi khoá:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal</source>
        <translation>Ghép phách</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type every passphrase.</source>
        <translation>Hãy nhập đủ các cụm mật khẩu.</translation>
    </message>
</context>
<context>
    <name>RubricPanel</name>
    <message>
        <location filename="../../judge_app/ui/grading_rubric.py" line="+54"/>
        <source>Identity revealed in the text</source>
        <translation>Lộ danh tính trong bài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspected copy</source>
        <translation>Nghi sao chép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off topic</source>
        <translation>Lạc đề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong format</source>
        <translation>Sai thể thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreadable or damaged</source>
        <translation>Không đọc được / tệp hỏng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing pages or files</source>
        <translation>Thiếu trang hoặc thiếu tệp</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A–D: the option chosen</source>
        <translation>A–D: đáp án thí sinh chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete: left blank</source>
        <translation>Delete: bỏ trống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up/Down: one step more or less</source>
        <translation>↑/↓: tăng/giảm một bước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter: next score</source>
        <translation>Enter: ô điểm sau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab: next field</source>
        <translation>Tab: ô sau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: submit</source>
        <translation>%1: nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: every key</source>
        <translation>%1: mọi phím tắt</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Q%1: %2?</source>
        <translation>Câu %1: %2?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read in the entry&apos;s text: Enter records it</source>
        <translation>Đọc được trong bài: Enter để ghi nhận</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>blank · 0</source>
        <translation>bỏ trống · 0</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Question %1</source>
        <translation>Câu %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press the letter the entrant chose; Delete: left blank</source>
        <translation>Gõ chữ cái thí sinh đã chọn; Delete: bỏ trống</translation>
    </message>
    <message>
        <location line="+231"/>
        <source>0 to %1 in steps of %2 (7,5 or 7.5); Up/Down change it by a step</source>
        <translation>Từ 0 đến %1, bước %2 (gõ 7,5 hoặc 7.5); ↑/↓ tăng/giảm một bước</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1. %2 (max %3, step %4)</source>
        <translation>%1. %2 (tối đa %3, bước %4)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Comment on this criterion (optional)</source>
        <translation>Nhận xét tiêu chí (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>Entry %1</source>
        <translation>Bài %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total: %1 / %2</source>
        <translation>Tổng: %1 / %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Submitted</source>
        <translation>Đã nộp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revision %1</source>
        <translation>lần sửa %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>changes are recorded as a new revision</source>
        <translation>sửa tiếp sẽ ghi thành lần sửa mới</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft</source>
        <translation>Đang chấm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>still needed: %1</source>
        <translation>còn thiếu: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>complete: %1 submits</source>
        <translation>đã đủ: %1 để nộp</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Type a few letters for the comment bank, or press %1</source>
        <translation>Gõ vài chữ để chọn từ ngân hàng nhận xét, hoặc bấm %1</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Flagged for the head judge:</source>
        <translation>Đã báo trưởng ban giám khảo:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It cannot be submitted until the head judge decides.</source>
        <translation>Chưa nộp được cho đến khi trưởng ban quyết định.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>File %1, page %2: %3</source>
        <translation>Tệp %1, trang %2: %3</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Multiple-choice answers</source>
        <translation>Phần trắc nghiệm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written part: criteria</source>
        <translation>Phần tự luận: tiêu chí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overall &amp;comment</source>
        <translation>&amp;Nhận xét chung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page notes (Delete removes one)</source>
        <translation>Ghi chú trên trang (Delete để xoá)</translation>
    </message>
</context>
<context>
    <name>ScoreExportDialog</name>
    <message>
        <location filename="../../judge_app/ui/score_export_dialog.py" line="+336"/>
        <source>Export score file</source>
        <translation>Xuất tệp điểm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing key:</source>
        <translation>Khoá ký:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as:</source>
        <translation>Lưu vào:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Continue above revision:</source>
        <translation>Đánh số tiếp sau lần xuất:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revision:</source>
        <translation>Lần xuất:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries:</source>
        <translation>Số bài:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key fingerprint:</source>
        <translation>Dấu vân tay khoá:</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+119"/>
        <source>Keys…</source>
        <translation>Khoá…</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advanced</source>
        <translation>Nâng cao</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only for a workspace rebuilt from the package (a new computer, a lost file): the head judge refuses a revision already merged, so number this export above the last revision the head judge has. Leave it at “no” to keep the numbering as it is.</source>
        <translation>Chỉ dùng khi bàn chấm được dựng lại từ gói (máy tính mới, mất tệp): trưởng ban từ chối lần xuất đã ghép rồi, nên hãy đánh số lần xuất này lớn hơn lần xuất cuối cùng trưởng ban đã có. Để “không” thì giữ cách đánh số như cũ.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Chép</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the whole SHA-256 (64 digits)</source>
        <translation>Chép toàn bộ mã SHA-256 (64 ký tự)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score file written</source>
        <translation>Đã ghi tệp điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the passphrase of your key</source>
        <translation>cụm mật khẩu của khoá</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Reading the workspace…</source>
        <translation>Đang đọc bàn chấm…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Judge %1 %2 — %3 — round %4: %5 entries, %6 submitted.</source>
        <translation>Giám khảo %1 %2 — %3 — vòng %4: %5 bài, %6 bài đã nộp.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 of your %2 entries are not submitted yet. They go in the file as drafts, and the head judge counts only submitted entries: submit the ones you have finished before you export.</source>
        <translation>%1 trong %2 bài của bạn chưa nộp. Các bài này vào tệp dưới dạng bản nháp, và trưởng ban chỉ tính những bài đã nộp: hãy nộp các bài đã chấm xong trước khi xuất.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>no signing key on this computer yet</source>
        <translation>máy này chưa có khoá ký</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create my key…</source>
        <translation>Tạo khoá của tôi…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Save the score file</source>
        <translation>Lưu tệp điểm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score files (*.jgs)</source>
        <translation>Tệp điểm (*.jgs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose your key, type its passphrase and where to save.</source>
        <translation>Hãy chọn khoá, gõ cụm mật khẩu và chọn nơi lưu.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 (judge %2, round %3)</source>
        <translation>%1 (giám khảo %2, vòng %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, of which %2 submitted</source>
        <translation>%1, trong đó %2 bài đã nộp</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 of your %2 entries went into the file as drafts, which the head judge does not count. Submit them when you have finished and export again.</source>
        <translation>%1 trong %2 bài của bạn đã vào tệp dưới dạng bản nháp, trưởng ban không tính các bài này. Hãy nộp khi chấm xong rồi xuất lại.</translation>
    </message>
</context>
<context>
    <name>SealDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_seal.py" line="+88"/>
        <location line="+77"/>
        <source>Seal identities</source>
        <translation>Niêm phong đầu phách</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Sealing hides who wrote each entry until the scores are locked. Without the passphrase the identities cannot be opened again: type it twice and keep it safe.</source>
        <translation>Niêm phong giấu danh tính người viết từng bài cho đến khi điểm đã khoá. Không có mật khẩu thì không thể mở lại danh tính: hãy gõ hai lần và cất giữ cẩn thận.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Second passphrase:</source>
        <translation>Mật khẩu thứ hai:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second passphrase again:</source>
        <translation>Nhập lại mật khẩu thứ hai:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Two board members, each with a passphrase (both needed)</source>
        <translation>Hai thành viên ban, mỗi người một mật khẩu (cần cả hai)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seal</source>
        <translation>Niêm phong</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type every passphrase twice.</source>
        <translation>Hãy gõ mỗi mật khẩu hai lần.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../judge_app/ui/setup_judges.py" line="+57"/>
        <location filename="../../judge_app/ui/setup_pages.py" line="+203"/>
        <location line="+58"/>
        <location line="+87"/>
        <location filename="../../judge_app/ui/setup_rubric.py" line="+97"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+45"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/setup_pages.py" line="-144"/>
        <location line="+58"/>
        <location line="+87"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-1"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+24"/>
        <source>Own unit</source>
        <translation>Đơn vị công tác</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <location line="+501"/>
        <source>Head judge</source>
        <translation>Trưởng ban</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-500"/>
        <source>Most entries</source>
        <translation>Số bài tối đa</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+45"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Declared conflicts</source>
        <translation>Đơn vị cần tránh</translation>
    </message>
    <message>
        <location line="-16"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+498"/>
        <source>Judges</source>
        <translation>Giám khảo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who grades, and which units&apos; entries each must never see.</source>
        <translation>Ai chấm bài, và mỗi người không được chấm bài của những đơn vị nào.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A judge never grades entries from their own unit. Tick the units a judge has declared a conflict with (a relative&apos;s school, a former school) in the list on the right. Exactly one judge is the head judge.</source>
        <translation>Giám khảo không bao giờ chấm bài của đơn vị mình. Ở danh sách bên phải, đánh dấu các đơn vị mà giám khảo đã khai báo cần tránh (trường của người thân, trường cũ). Phải có đúng một trưởng ban giám khảo.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Declared conflicts of %1</source>
        <translation>Đơn vị cần tránh của %1</translation>
    </message>
    <message>
        <location line="+164"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+3"/>
        <source>Head judge&apos;s key</source>
        <translation>Khoá của trưởng ban giám khảo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key that signs every grading package of this contest.</source>
        <translation>Khoá dùng để ký mọi gói bài chấm của cuộc thi này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Judges check each package against this key&apos;s fingerprint. The private key stays on this computer, locked with your passphrase; nobody can recover a forgotten passphrase.</source>
        <translation>Giám khảo đối chiếu mỗi gói bài với dấu vân tay của khoá này. Khoá bí mật nằm trên máy này, được khoá bằng cụm mật khẩu của bạn; quên cụm mật khẩu thì không ai lấy lại được.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create a new key now</source>
        <translation>Tạo khoá mới ngay bây giờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a key I made before</source>
        <translation>Dùng khoá tôi đã tạo trước đây</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Later (command: judge-app key create, then key register)</source>
        <translation>Để sau (lệnh: judge-app key create, rồi key register)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the key</source>
        <translation>Tạo khoá</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key name:</source>
        <translation>Tên khoá:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase again:</source>
        <translation>Nhập lại cụm mật khẩu:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fingerprint (read it aloud to the judges):</source>
        <translation>Dấu vân tay (đọc cho các giám khảo đối chiếu):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is also shown by the command judge-app key list.</source>
        <translation>Lệnh judge-app key list cũng hiện dấu vân tay này.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Key created; it is kept in the key folder.</source>
        <translation>Đã tạo khoá; khoá được lưu trong thư mục khoá.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Give the key a name (yours and the contest&apos;s, for example).</source>
        <translation>Hãy đặt tên cho khoá (ví dụ: tên bạn và tên cuộc thi).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Create the key first, or choose “Later”.</source>
        <translation>Hãy tạo khoá trước, hoặc chọn “Để sau”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key belongs to the head judge: tick exactly one head judge first.</source>
        <translation>Khoá thuộc về trưởng ban giám khảo: hãy đánh dấu đúng một trưởng ban trước.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the set-up, then press Finish to create the contest file.</source>
        <translation>Kiểm tra lại thiết lập, rồi bấm “Tạo cuộc thi” để tạo tệp cuộc thi.</translation>
    </message>
    <message>
        <location filename="../../judge_app/ui/setup_pages.py" line="-317"/>
        <source>School level</source>
        <translation>Cấp trường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District level</source>
        <translation>Cấp quận/huyện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City or province level</source>
        <translation>Cấp thành phố/tỉnh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff</source>
        <translation>Cán bộ, giáo viên, nhân viên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Students</source>
        <translation>Học sinh</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Contest</source>
        <translation>Cuộc thi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the contest is called, who runs it and where its file goes.</source>
        <translation>Tên cuộc thi, đơn vị tổ chức và nơi lưu tệp cuộc thi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To start from last year&apos;s contest, load its template or export: every page is filled in from it and you only change what differs.</source>
        <translation>Để bắt đầu từ cuộc thi năm trước, hãy mở tệp mẫu hoặc tệp xuất của nó: mọi trang được điền sẵn, bạn chỉ sửa những gì khác.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start from a template or a previous contest…</source>
        <translation>Bắt đầu từ tệp mẫu hoặc cuộc thi trước…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ages for the prize for the best entrant under 18 are counted on this date.</source>
        <translation>Tuổi để xét giải cho người dự thi xuất sắc dưới 18 tuổi được tính đến ngày này.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-26"/>
        <source>Contest name:</source>
        <translation>Tên cuộc thi:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Organiser:</source>
        <translation>Đơn vị tổ chức:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier:</source>
        <translation>Cấp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference date for ages:</source>
        <translation>Ngày tính tuổi:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+2"/>
        <source>Contest file to create:</source>
        <translation>Tệp cuộc thi sẽ tạo:</translation>
    </message>
    <message>
        <location line="+70"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-500"/>
        <source>Deadline (date and time)</source>
        <translation>Hạn nộp (ngày và giờ)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unit groups and deadlines</source>
        <translation>Nhóm đơn vị và hạn nộp bài</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schools and the district office may have different deadlines for their entries.</source>
        <translation>Các trường và phòng giáo dục có thể có hạn nộp bài khác nhau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The deadline moment itself is late: “before 17:00 on 20/08/2019” means an entry received at 17:00 is late and one received at 16:59 is on time. Type the deadline as the rules write it.</source>
        <translation>Đúng thời điểm hạn nộp đã là muộn: “trước 17h00 ngày 20/08/2019” nghĩa là bài nhận lúc 17:00 là nộp muộn, bài nhận lúc 16:59 là đúng hạn. Hãy nhập hạn nộp đúng như thể lệ ghi.</translation>
    </message>
    <message>
        <location line="+37"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Grade</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+502"/>
        <source>Categories</source>
        <translation>Đối tượng dự thi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who takes part: each category is ranked and counted on its own.</source>
        <translation>Ai tham gia: mỗi đối tượng được xếp hạng và thống kê riêng.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff (managers, teachers and employees) have no grade; each student category is one grade, 6 to 9. The codes appear in unit lists and reports.</source>
        <translation>Cán bộ quản lý, giáo viên, nhân viên không có lớp; mỗi đối tượng học sinh là một khối lớp từ 6 đến 9. Các mã này xuất hiện trong danh sách đơn vị và báo cáo.</translation>
    </message>
    <message>
        <location line="+65"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-501"/>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+2"/>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+500"/>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The schools and offices that send entries, with their headcounts.</source>
        <translation>Các trường và cơ quan gửi bài dự thi, cùng số người của từng đối tượng.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The headcount of each category is how many people the unit has: participation rates are counted against it. Import the unit list from a spreadsheet or type it.</source>
        <translation>Số người của mỗi đối tượng là tổng số người đơn vị có: tỉ lệ tham gia được tính trên số này. Nhập danh sách đơn vị từ bảng tính hoặc gõ trực tiếp.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import unit list (XLSX/XLS/CSV)…</source>
        <translation>Nhập danh sách đơn vị (XLSX/XLS/CSV)…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Import unit list</source>
        <translation>Nhập danh sách đơn vị</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unit lists (*.xlsx *.xls *.csv)</source>
        <translation>Danh sách đơn vị (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/setup_rubric.py" line="+226"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-71"/>
        <location line="+109"/>
        <location line="+38"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 units read, %2 problems.</source>
        <translation>Đã đọc %1 đơn vị, %2 vấn đề.</translation>
    </message>
    <message>
        <location filename="../../judge_app/ui/setup_rubric.py" line="-287"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-1"/>
        <source>Rubric files (*.json)</source>
        <translation>Tệp hướng dẫn chấm (*.json)</translation>
    </message>
    <message>
        <location line="+42"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-574"/>
        <source>No.</source>
        <translation>Câu</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Options</source>
        <translation>Phương án</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Answer</source>
        <translation>Đáp án</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Maximum</source>
        <translation>Điểm tối đa</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Step</source>
        <translation>Bước điểm</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+3"/>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>To</source>
        <translation>Đến</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>What an answer at this level shows</source>
        <translation>Biểu hiện của bài ở mức này</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Rubric</source>
        <translation>Hướng dẫn chấm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Multiple-choice questions with their answer key, and the written part&apos;s criteria with the guide judges read while grading.</source>
        <translation>Câu hỏi trắc nghiệm với đáp án, và các tiêu chí phần tự luận cùng hướng dẫn giám khảo đọc khi chấm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import rubric…</source>
        <translation>Nhập hướng dẫn chấm…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export rubric…</source>
        <translation>Xuất hướng dẫn chấm…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options are the letters an entrant may choose (ABCD); the answer is one of them. Each question&apos;s points count towards the maximum total.</source>
        <translation>Phương án là các chữ cái người dự thi có thể chọn (ABCD); đáp án là một trong số đó. Điểm của mỗi câu được cộng vào tổng điểm tối đa.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grading guide:</source>
        <translation>Hướng dẫn chấm:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level descriptors (optional):</source>
        <translation>Mô tả các mức điểm (không bắt buộc):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Multiple-choice questions (%1)</source>
        <translation>Câu hỏi trắc nghiệm (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Written part: criteria (%1)</source>
        <translation>Phần tự luận: tiêu chí (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a criterion to write its guide and levels</source>
        <translation>Chọn một tiêu chí để viết hướng dẫn và các mức điểm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Criterion %1</source>
        <translation>Tiêu chí %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Total: %1 (multiple choice) + %2 (written) = %3 of %4 points</source>
        <translation>Tổng: %1 (trắc nghiệm) + %2 (tự luận) = %3 trên %4 điểm</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the parts must add up to the maximum total.</source>
        <translation>các phần phải cộng lại bằng tổng điểm tối đa.</translation>
    </message>
    <message>
        <location line="+63"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+556"/>
        <source>Export rubric</source>
        <translation>Xuất hướng dẫn chấm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import rubric</source>
        <translation>Nhập hướng dẫn chấm</translation>
    </message>
    <message>
        <location line="+41"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+25"/>
        <source>Rubric saved: %1</source>
        <translation>Đã lưu hướng dẫn chấm: %1</translation>
    </message>
    <message>
        <location filename="../../judge_app/ui/setup_rules.py" line="+35"/>
        <source>Two decimals, half up (7.125 → 7.13)</source>
        <translation>Hai chữ số thập phân, làm tròn lên từ 5 (7,125 → 7,13)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One decimal, half up</source>
        <translation>Một chữ số thập phân, làm tròn lên từ 5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole points, half up</source>
        <translation>Làm tròn đến điểm nguyên, lên từ 5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First prize</source>
        <translation>Giải Nhất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second prize</source>
        <translation>Giải Nhì</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third prize</source>
        <translation>Giải Ba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consolation prize</source>
        <translation>Giải Khuyến khích</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Higher lowest judge&apos;s score</source>
        <translation>Điểm thấp nhất của các giám khảo cao hơn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closer agreement between the judges</source>
        <translation>Điểm các giám khảo sát nhau hơn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received earlier</source>
        <translation>Nộp bài sớm hơn</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Grading rules</source>
        <translation>Quy định chấm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Board defaults after the national exam rule; change what differs.</source>
        <translation>Mặc định theo quy chế thi tốt nghiệp THPT; sửa những gì cuộc thi quy định khác.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Two judges grade each entry. A gap below the first threshold: their mean counts; up to the second: they discuss and a record is kept; above it: a third judge grades, and the mean of three counts when their largest gap is within the third threshold. Thresholds are for a 10-point total and scale with the maximum.</source>
        <translation>Mỗi bài do hai giám khảo chấm độc lập. Chênh lệch dưới ngưỡng thứ nhất: lấy điểm trung bình; đến ngưỡng thứ hai: hai người trao đổi và lập biên bản; vượt ngưỡng đó: chấm lần ba, lấy trung bình ba lần chấm nếu chênh lệch lớn nhất không quá ngưỡng thứ ba. Các ngưỡng tính cho thang điểm 10 và đổi theo tổng điểm tối đa.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Apply the same thresholds to each criterion</source>
        <translation>Áp dụng cùng các ngưỡng cho từng tiêu chí</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-80"/>
        <source>Judges per entry:</source>
        <translation>Số giám khảo chấm mỗi bài:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-3"/>
        <source>Maximum total:</source>
        <translation>Tổng điểm tối đa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score step:</source>
        <translation>Bước điểm:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judges agree when the gap is below:</source>
        <translation>Thống nhất điểm khi chênh lệch dưới:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They discuss when the gap is up to:</source>
        <translation>Trao đổi, lập biên bản khi chênh lệch đến:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean of three gradings when the gap is up to:</source>
        <translation>Lấy trung bình ba lần chấm khi chênh lệch đến:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rounding of means:</source>
        <translation>Làm tròn điểm trung bình:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality bar (score):</source>
        <translation>Điểm đạt chất lượng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target share reaching the bar:</source>
        <translation>Chỉ tiêu tỉ lệ bài đạt chất lượng:</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+44"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-491"/>
        <source>Prize</source>
        <translation>Giải</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+44"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-2"/>
        <source>How many</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location line="-41"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+1"/>
        <source>Lowest score (optional)</source>
        <translation>Điểm tối thiểu (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Prizes</source>
        <translation>Giải thưởng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many prizes of each level, and how ties are broken.</source>
        <translation>Số giải mỗi loại, và cách xếp khi bằng điểm.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Individual prizes</source>
        <translation>Giải cá nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collective prizes (units)</source>
        <translation>Giải tập thể (đơn vị)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separately in each category</source>
        <translation>Xét riêng từng đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All categories together</source>
        <translation>Xét chung mọi đối tượng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excellence prize for the best entrant under 18</source>
        <translation>Giải xuất sắc cho người dự thi dưới 18 tuổi có bài tốt nhất</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its winner may also hold a ranked prize</source>
        <translation>Người đạt giải này vẫn được xét giải Nhất, Nhì, Ba, Khuyến khích</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../judge_app/ui/setup_wizard.py" line="+2"/>
        <source>Tie rule</source>
        <translation>Xếp hạng khi bằng điểm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries with equal scores at a prize boundary are separated by these rules in this order; the board sees which rule decided.</source>
        <translation>Các bài bằng điểm ở ranh giới giải được xếp theo lần lượt các tiêu chí dưới đây; Ban giám khảo thấy tiêu chí nào đã quyết định.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <location filename="../../judge_app/ui/setup_tables.py" line="+236"/>
        <source>Add a row</source>
        <translation>Thêm dòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the row</source>
        <translation>Xoá dòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert key</source>
        <translation>Phím Insert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Delete</source>
        <translation>Ctrl+Delete</translation>
    </message>
    <message>
        <location filename="../../judge_app/ui/setup_wizard.py" line="-35"/>
        <source>Contest set-ups (*.json)</source>
        <translation>Tệp thiết lập cuộc thi (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Organiser</source>
        <translation>Đơn vị tổ chức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference date for ages</source>
        <translation>Ngày tính tuổi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Headcount</source>
        <translation>Số người</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Grading guide</source>
        <translation>Hướng dẫn chấm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level descriptors</source>
        <translation>Mô tả các mức điểm</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Maximum total</source>
        <translation>Tổng điểm tối đa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score step</source>
        <translation>Bước điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judges per entry</source>
        <translation>Số giám khảo chấm mỗi bài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judges agree when the gap is below</source>
        <translation>Thống nhất điểm khi chênh lệch dưới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They discuss when the gap is up to</source>
        <translation>Trao đổi khi chênh lệch đến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean of three gradings when the gap is up to</source>
        <translation>Trung bình ba lần chấm khi chênh lệch đến</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quality bar (score)</source>
        <translation>Điểm đạt chất lượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target share reaching the bar</source>
        <translation>Chỉ tiêu tỉ lệ đạt chất lượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rounding of means</source>
        <translation>Làm tròn điểm trung bình</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Schools</source>
        <translation>Các trường</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>District office</source>
        <translation>Phòng Giáo dục và Đào tạo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Managers, teachers and staff</source>
        <translation>Cán bộ quản lý, giáo viên, nhân viên</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Students of grade %1</source>
        <translation>Học sinh lớp %1</translation>
    </message>
    <message>
        <location line="+87"/>
        <location line="+220"/>
        <location line="+19"/>
        <source>New contest</source>
        <translation>Cuộc thi mới</translation>
    </message>
    <message>
        <location line="-237"/>
        <source>&lt; Back</source>
        <translation>&lt; Quay lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &gt;</source>
        <translation>Tiếp &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the contest</source>
        <translation>Tạo cuộc thi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as template…</source>
        <translation>Lưu làm mẫu…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save what is typed so far as a set-up file to start from later</source>
        <translation>Lưu những gì đã nhập thành tệp thiết lập để lần sau bắt đầu từ đó</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>row %1</source>
        <translation>dòng %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>level %1</source>
        <translation>mức %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>… and %1 more.</source>
        <translation>… và %1 vấn đề khác.</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>The contest file %1 was created.</source>
        <translation>Đã tạo tệp cuộc thi %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The head judge&apos;s key fingerprint is:</source>
        <translation>Dấu vân tay khoá của trưởng ban giám khảo:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Close the wizard and lose what was typed? To keep it, choose No and use “Save as template…”.</source>
        <translation>Đóng trình thiết lập và bỏ những gì đã nhập? Muốn giữ lại, hãy chọn Không rồi dùng “Lưu làm mẫu…”.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Start from a template</source>
        <translation>Bắt đầu từ tệp mẫu</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loaded: %1</source>
        <translation>Đã mở: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save as template</source>
        <translation>Lưu làm mẫu</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Set-up saved: %1</source>
        <translation>Đã lưu thiết lập: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unit groups</source>
        <translation>Nhóm đơn vị</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Multiple-choice questions</source>
        <translation>Câu hỏi trắc nghiệm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Written part: criteria</source>
        <translation>Phần tự luận: tiêu chí</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>later</source>
        <translation>để sau</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export contest as template</source>
        <translation>Xuất cuộc thi làm mẫu</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Template saved: %1</source>
        <translation>Đã lưu tệp mẫu: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../judge_app/ui/actions.py" line="+254"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every action that has a key. The menus show the same keys.</source>
        <translation>Mọi thao tác có phím tắt. Trình đơn cũng ghi các phím này.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcut</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Dùng ở</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main window</source>
        <translation>Cửa sổ chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document viewer</source>
        <translation>Trình xem tài liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grading</source>
        <translation>Chấm bài</translation>
    </message>
</context>
<context>
    <name>ShortlistWindow</name>
    <message>
        <location filename="../../judge_app/ui/board_shortlist.py" line="+60"/>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry code</source>
        <translation>Số phách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening score</source>
        <translation>Điểm sơ khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortlisted</source>
        <translation>Vào chung khảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>all</source>
        <translation>toàn cuộc thi</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Top</source>
        <translation>Lấy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score at least</source>
        <translation>Điểm từ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 6,5</source>
        <translation>vd. 6,5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In each category</source>
        <translation>Theo từng đối tượng</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Export finalists</source>
        <translation>Xuất danh sách dự thi cấp trên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The finalists go to the next tier in one zip: their identities, scores, ranks, prizes and entry files. The scores must be locked and the identities revealed. Entries tied at the cut are all included.</source>
        <translation>Danh sách dự thi cấp trên được gửi trong một tệp zip: danh tính, điểm, thứ hạng, giải và các tệp bài dự thi. Điểm phải đã được khoá và đã ghép phách. Các bài bằng điểm ở ranh giới đều được chọn.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finalists:</source>
        <translation>Chọn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zip file:</source>
        <translation>Tệp zip:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+138"/>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the finalists&apos; package</source>
        <translation>Lưu gói danh sách dự thi cấp trên</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+153"/>
        <source>Finalists package (*.zip)</source>
        <translation>Gói danh sách dự thi cấp trên (*.zip)</translation>
    </message>
    <message>
        <location line="-141"/>
        <location line="+412"/>
        <source>The minimum is a score such as 6,5.</source>
        <translation>Điểm tối thiểu phải là một số điểm, ví dụ 6,5.</translation>
    </message>
    <message>
        <location line="-409"/>
        <source>Choose where to save the zip.</source>
        <translation>Hãy chọn nơi lưu tệp zip.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Writing the package…</source>
        <translation>Đang ghi gói…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Finalists exported</source>
        <translation>Đã xuất danh sách dự thi cấp trên</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Import finalists</source>
        <translation>Nhập danh sách dự thi cấp trên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each finalist of the package becomes a participant and a new entry of the chosen contest file (the next tier&apos;s), with a new code; the files are checked against their hashes. The categories must exist there.</source>
        <translation>Mỗi thí sinh trong gói trở thành người dự thi và bài dự thi mới của tệp cuộc thi được chọn (cấp trên), với số phách mới; các tệp được kiểm tra theo mã băm. Tệp cuộc thi đó phải có sẵn các đối tượng.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Finalists package:</source>
        <translation>Gói danh sách:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Into contest file:</source>
        <translation>Vào tệp cuộc thi:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open a finalists&apos; package</source>
        <translation>Mở gói danh sách dự thi cấp trên</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contest file to import into</source>
        <translation>Tệp cuộc thi nhận danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contest file (*.sqlite)</source>
        <translation>Tệp cuộc thi (*.sqlite)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Finalists imported</source>
        <translation>Đã nhập danh sách dự thi cấp trên</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Shortlist and finalists</source>
        <translation>Vào chung khảo và dự thi cấp trên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cut the shortlist after the screening round</source>
        <translation>Chọn danh sách vào vòng chung khảo sau vòng sơ khảo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screening round:</source>
        <translation>Vòng sơ khảo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cut the shortlist</source>
        <translation>Chọn danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export finalists…</source>
        <translation>Xuất danh sách dự thi cấp trên…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import finalists…</source>
        <translation>Nhập danh sách dự thi cấp trên…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No shortlist has been cut yet.</source>
        <translation>Chưa chọn danh sách vào vòng chung khảo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This contest has no screening round (set it in the contest&apos;s rules), so there is no shortlist to cut.</source>
        <translation>Cuộc thi này không có vòng sơ khảo (đặt trong quy định của cuộc thi) nên không có danh sách để chọn.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tied at the cut ({score}): kept with the others</source>
        <translation>Bằng điểm ở ranh giới ({score}): được chọn cùng các bài khác</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ties at the cut (highlighted):</source>
        <translation>Bằng điểm ở ranh giới (tô màu):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No tie at the cut.</source>
        <translation>Không có bài bằng điểm ở ranh giới.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cutting the shortlist…</source>
        <translation>Đang chọn danh sách…</translation>
    </message>
</context>
<context>
    <name>SigningKeyDialog</name>
    <message>
        <location filename="../../judge_app/ui/judge_key_dialogs.py" line="+223"/>
        <source>Public keys (*.pem)</source>
        <translation>Khoá công khai (*.pem)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+630"/>
        <location line="+143"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="-767"/>
        <source>Save the public key</source>
        <translation>Lưu khoá công khai</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>My signing key</source>
        <translation>Khoá ký của tôi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signing keys on this computer. Choose the one you sign the score files of “%1” with: the head judge has pinned it for you.</source>
        <translation>Các khoá ký trên máy này. Chọn khoá bạn dùng để ký tệp điểm của “%1”: khoá mà trưởng ban đã ghim cho bạn.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The signing keys on this computer. The head judge pins your key&apos;s fingerprint; score files you sign with it are known to be yours.</source>
        <translation>Các khoá ký trên máy này. Trưởng ban ghim dấu vân tay khoá của bạn; tệp điểm ký bằng khoá đó được biết chắc là của bạn.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint</source>
        <translation>Dấu vân tay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use for this contest</source>
        <translation>Dùng cho cuộc thi này</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+47"/>
        <source>Save public key file…</source>
        <translation>Lưu tệp khoá công khai…</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+47"/>
        <source>Back up my key…</source>
        <translation>Sao lưu khoá…</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Restore a key…</source>
        <translation>Khôi phục khoá…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New key…</source>
        <translation>Tạo khoá mới…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create your signing key</source>
        <translation>Tạo khoá ký của bạn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your score files go to the head judge signed with a key that only this computer holds, so everyone can check that the scores are yours and that nobody changed them on the way. The key is locked with a passphrase that only you know: you type it each time you export your scores.</source>
        <translation>Tệp điểm của bạn được ký bằng một khoá mà chỉ máy tính này giữ trước khi gửi trưởng ban, nhờ đó ai cũng kiểm tra được điểm đúng là của bạn và không bị ai sửa dọc đường. Khoá được khoá lại bằng một cụm mật khẩu chỉ mình bạn biết: bạn gõ nó mỗi lần xuất điểm.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your name:</source>
        <translation>Họ tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+307"/>
        <location line="+168"/>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <location line="-474"/>
        <source>Passphrase again:</source>
        <translation>Nhập lại cụm mật khẩu:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Lê Thị Mai</source>
        <translation>ví dụ: Lê Thị Mai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least %1 characters; a short sentence is easy to remember and hard to guess. Nobody can recover a forgotten passphrase: keep it somewhere safe.</source>
        <translation>Ít nhất %1 ký tự; một câu ngắn vừa dễ nhớ vừa khó đoán. Quên cụm mật khẩu thì không ai lấy lại được: hãy cất giữ cẩn thận.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create key</source>
        <translation>Tạo khoá</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your key is ready</source>
        <translation>Khoá của bạn đã sẵn sàng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your key&apos;s fingerprint:</source>
        <translation>Dấu vân tay của khoá:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read this fingerprint aloud to the head judge (in person or by phone), group by group, or send them the public key file. The head judge pins it; from then on only files signed with this key count as yours. The public key is not secret; the passphrase is.</source>
        <translation>Hãy đọc to dấu vân tay này cho trưởng ban giám khảo (gặp trực tiếp hoặc qua điện thoại), từng nhóm một, hoặc gửi trưởng ban tệp khoá công khai. Trưởng ban ghim khoá này; từ đó chỉ những tệp ký bằng khoá này mới được tính là của bạn. Khoá công khai không cần giữ bí mật; cụm mật khẩu thì phải giữ.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Finish</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(no name)</source>
        <translation>(không tên)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (mine)</source>
        <translation>%1 (của tôi)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No key is chosen for this contest yet.</source>
        <translation>Chưa chọn khoá nào cho cuộc thi này.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your key for this contest: %1</source>
        <translation>Khoá của bạn cho cuộc thi này: %1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Type your name: the head judge sees it with the key.</source>
        <translation>Hãy gõ họ tên: trưởng ban thấy tên này cùng với khoá.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The passphrase needs %1 more characters.</source>
        <translation>Cụm mật khẩu còn thiếu %1 ký tự.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the same passphrase twice.</source>
        <translation>Hãy gõ cùng một cụm mật khẩu hai lần.</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Back up my key</source>
        <translation>Sao lưu khoá của tôi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Keep the backup apart from this computer.&lt;/b&gt; It holds your secret key, locked with your passphrase: anyone who has the file &lt;b&gt;and&lt;/b&gt; the passphrase can sign score files as you. Put it on a USB stick you keep in a safe place; never send it by e-mail or chat, and never write the passphrase on it.</source>
        <translation>&lt;b&gt;Cất bản sao lưu tách khỏi máy tính này.&lt;/b&gt; Tệp chứa khoá bí mật của bạn, được khoá bằng cụm mật khẩu: bất kỳ ai có tệp &lt;b&gt;và&lt;/b&gt; cụm mật khẩu đều ký được tệp điểm thay bạn. Hãy chép vào một USB và cất ở nơi an toàn; không gửi tệp qua thư điện tử hay tin nhắn, không ghi cụm mật khẩu kèm theo.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Key:</source>
        <translation>Khoá:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the backup as:</source>
        <translation>Lưu bản sao lưu vào:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup is written only if the passphrase opens the key, so you know it can be restored.</source>
        <translation>Bản sao lưu chỉ được ghi khi cụm mật khẩu mở được khoá, để bạn chắc chắn khôi phục được.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+160"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no key on this computer yet.</source>
        <translation>Máy này chưa có khoá nào.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+143"/>
        <source>Key backups (*.jgk)</source>
        <translation>Bản sao lưu khoá (*.jgk)</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Save the key backup</source>
        <translation>Lưu bản sao lưu khoá</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type your passphrase and choose where to save the backup.</source>
        <translation>Hãy gõ cụm mật khẩu và chọn nơi lưu bản sao lưu.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Restore a key</source>
        <translation>Khôi phục khoá</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a key backup (.jgk) and type the key&apos;s passphrase. The backup is checked before anything is installed: the passphrase must open the key, and the key must be the one the backup names.</source>
        <translation>Chọn bản sao lưu khoá (.jgk) và gõ cụm mật khẩu của khoá. Bản sao lưu được kiểm tra trước khi cài: cụm mật khẩu phải mở được khoá, và khoá phải đúng là khoá mà bản sao lưu ghi.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup file:</source>
        <translation>Tệp sao lưu:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open a key backup</source>
        <translation>Mở bản sao lưu khoá</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the backup file and type its passphrase.</source>
        <translation>Hãy chọn tệp sao lưu và gõ cụm mật khẩu của khoá.</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../judge_app/ui/welcome.py" line="+109"/>
        <source>(file not found)</source>
        <translation>(không tìm thấy tệp)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Grading essay contests offline: anonymous entries, score sheets, merged results.</source>
        <translation>Chấm bài dự thi viết ngay trên máy, không cần mạng: bài ẩn danh theo số phách, phiếu chấm, tổng hợp điểm.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open contest…</source>
        <translation>Mở cuộc thi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new contest…</source>
        <translation>Tạo cuộc thi mới…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent contests</source>
        <translation>Cuộc thi mở gần đây</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No contest has been opened on this computer yet.</source>
        <translation>Chưa có cuộc thi nào được mở trên máy này.</translation>
    </message>
</context>
</TS>

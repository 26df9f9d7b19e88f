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
        <location filename="../../judge_app/ui/actions.py" line="+119"/>
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
        <location line="+8"/>
        <source>&amp;New contest…</source>
        <translation>&amp;Tạo cuộc thi mới…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create an empty contest file</source>
        <translation>Tạo một tệp cuộc thi trống</translation>
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
        <location line="+11"/>
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
        <location line="+414"/>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../judge_app/ui/main_window.py" line="+221"/>
        <source>Toolbar</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No contest open</source>
        <translation>Chưa mở cuộc thi nào</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contest file: %1</source>
        <translation>Tệp cuộc thi: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entries: %1</source>
        <translation>Bài dự thi: %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Creating %1…</source>
        <translation>Đang tạo %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening %1…</source>
        <translation>Đang mở %1…</translation>
    </message>
    <message>
        <location line="+259"/>
        <source>Backup saved: %1</source>
        <translation>Đã sao lưu: %1</translation>
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
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../judge_app/ui/board_receive.py" line="+53"/>
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
        <location line="+381"/>
        <source>Late</source>
        <translation>Nộp muộn</translation>
    </message>
    <message>
        <location line="-380"/>
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
        <location line="+161"/>
        <source>Receive entries</source>
        <translation>Nhận bài dự thi</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+1"/>
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
        <location line="+2"/>
        <source>Files from saved e-mails count as received at the e-mail&apos;s own time; this time applies to the other files.</source>
        <translation>Tệp lấy từ thư điện tử đã lưu được tính theo thời điểm nhận của chính thư đó; thời điểm này áp dụng cho các tệp còn lại.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+139"/>
        <source>Receive</source>
        <translation>Nhận bài</translation>
    </message>
    <message>
        <location line="-138"/>
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
        <location line="+27"/>
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
        <location line="+33"/>
        <source>Choose a unit and at least one source.</source>
        <translation>Hãy chọn một đơn vị và ít nhất một nguồn.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Receiving…</source>
        <translation>Đang nhận bài…</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+10"/>
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
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../judge_app/ui/actions.py" line="+228"/>
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

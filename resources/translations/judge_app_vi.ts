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
        <location filename="../../judge_app/ui/actions.py" line="+110"/>
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
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
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
        <location line="+9"/>
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
</context>
<context>
    <name>ContestView</name>
    <message>
        <location filename="../../judge_app/ui/contest_view.py" line="+218"/>
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
</context>
<context>
    <name>EntryTable</name>
    <message>
        <location line="-192"/>
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
        <source>Received at</source>
        <translation>Thời điểm nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+71"/>
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
        <location filename="../../judge_app/ui/main_window.py" line="+167"/>
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
        <location line="+81"/>
        <source>Backup saved: %1</source>
        <translation>Đã sao lưu: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../judge_app/ui/actions.py" line="+197"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every action that has a key. The menus show the same keys.</source>
        <translation>Mọi thao tác có phím tắt. Trình đơn cũng ghi các phím này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Phím tắt</translation>
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

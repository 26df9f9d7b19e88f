"""Who entered the demo contest, with what essay, in which file form, and when it arrived.

Pure data, so tests can check the generated files against what each entry promises (a table,
a picture, Letter paper…). The people are invented; names, classes and file names follow what
Hanoi schools actually send: Vietnamese names, classes like "8A", file names with or without
diacritics, phone photos named by the camera. Each school e-mails its entries in one or two
messages before the deadline (17:00 on 20/08/2019, exclusive); the district office's own staff
hand theirs in on 21/08/2019, within the office's later deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Forms an entry's files can take.
DOCX = "docx"
PDF = "pdf"
PHOTO = "photo"  # phone photo of a handwritten page, JPEG
PHONE_SCAN = "phone_scan"  # a scanner app's PNG of a handwritten page
TIFF = "tiff"  # flatbed scan, multi-page TIFF, black and white
SCAN_PDF = "scan_pdf"  # flatbed scan, PDF of page images only


@dataclass(frozen=True)
class PlannedEntry:
    name: str
    birth: dt.date
    category: str
    unit: str
    received_at: dt.datetime
    essay: str  # key in texts.ESSAYS
    form: str
    file_name: str  # as the school named it; later pages of photos get derived names
    class_or_role: str  # "8A" for pupils, the job for staff ("Giáo viên Ngữ văn")
    written: dt.datetime  # when the entrant saved the file: metadata dates
    note: str = ""
    cover: bool = False
    pictures: bool = True
    tables: bool = True
    answers_inline: bool = False
    signature: bool = False
    skip: tuple[int, ...] = ()  # indices of essay blocks this entrant left out
    support_file: str = ""  # a second file: a screenshot kept as "tư liệu"
    author: str = ""  # document metadata author (Word's user name)
    creator: str = "Microsoft® Word 2016"  # the PDF's creating program
    paper: str = "A4"
    font: str = "Times New Roman"
    size_pt: float = 14
    rotate: int = 0  # degrees the final photo is turned (a sideways shot)
    ink: str = "purple"  # handwriting: "purple" | "blue" | "black"
    hand_px: int = 0  # handwriting size in pixels; 0 = the form's default


def _at(day: int, hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2019, 8, day, hour, minute, second)


# Arrival of each school's e-mails (the office's entries are handed in).
KD_MAIL = _at(19, 16, 42, 10)
KD_LATE_MAIL = _at(20, 17, 0, 0)  # exactly 17:00: the rule says "trước 17h00", so it is late
NC_MAIL_1 = _at(13, 9, 5, 44)
NC_MAIL_2 = _at(20, 11, 38, 2)
MN_MAIL = _at(15, 14, 20, 11)

# One entrant per block, positional fields first: name, birth, category, unit, received,
# essay, form, file name, class or job, written.
# fmt: off
ENTRIES: tuple[PlannedEntry, ...] = (
    # ---- Trường THCS Khương Đình --------------------------------------------------------
    PlannedEntry(
        "Đỗ Thị Minh Nguyệt", dt.date(1978, 3, 14), "staff", "THCS-KD", KD_MAIL,
        "gv_tong_quan", DOCX, "Bai du thi DVCTT - Do Thi Minh Nguyet.docx",
        "Giáo viên Ngữ văn", _at(17, 21, 14), cover=True, author="Minh Nguyet",
        note="Bài xuất sắc: có trang bìa ghi tên và trường, bảng so sánh, hình minh hoạ, "
             "danh sách đề xuất; trắc nghiệm đúng 4/4.",
    ),
    PlannedEntry(
        "Phạm Quang Huy", dt.date(1986, 11, 2), "staff", "THCS-KD", KD_MAIL,
        "gv_ban_sao", PDF, "BAI DU THI - PHAM QUANG HUY.pdf", "Giáo viên Tin học",
        _at(16, 22, 3), author="Pham Quang Huy", signature=True,
        note="PDF xuất từ Word, có bảng và hình; tên người viết ở cuối bài.",
    ),
    PlannedEntry(
        "Lương Thị Hồng", dt.date(1990, 7, 25), "staff", "THCS-KD", KD_MAIL,
        "nv_chung_chung", DOCX, "bai thi luong thi hong.docx", "Nhân viên kế toán",
        _at(18, 15, 40), author="Admin", paper="Letter", font="Arial", size_pt=12,
        note="Sai thể lệ: Arial cỡ 12, khổ Letter. Bài chung chung, không trả lời trắc nghiệm.",
    ),
    PlannedEntry(
        "Hoàng Gia Bảo", dt.date(2008, 2, 17), "g6", "THCS-KD", KD_MAIL,
        "hs_ngan", PHOTO, "IMG_20190818_203512.jpg", "6A3", _at(18, 20, 35, 12),
        ink="blue", hand_px=27,
        note="Ảnh chụp bài viết tay bằng điện thoại; bài ngắn, trắc nghiệm đúng 2/4.",
    ),
    PlannedEntry(
        "Vũ Ngọc Ánh", dt.date(2007, 9, 8), "g7", "THCS-KD", KD_MAIL,
        "hs_viet_tay", PHONE_SCAN, "Vu Ngoc Anh 7A2.png", "7A2", _at(17, 19, 2),
        note="Bài viết tay chụp bằng ứng dụng quét trên điện thoại (PNG), có tranh vẽ.",
    ),
    PlannedEntry(
        "Nguyễn Thị Thu Hà", dt.date(2006, 5, 12), "g8", "THCS-KD", KD_MAIL,
        "hs_tuyen_sinh", DOCX, "Bai du thi - Nguyen Thi Thu Ha - 8A.docx", "8A",
        _at(16, 20, 51), cover=True, author="Thu Ha",
        note="Trang bìa ghi họ tên, lớp, trường (cần che khi làm phách); có danh sách đánh "
             "số, bảng, sơ đồ.",
    ),
    PlannedEntry(
        "Trần Minh Khôi", dt.date(2006, 1, 30), "g8", "THCS-KD", KD_MAIL,
        "hs_tieu_pham", PDF, "BÀI THI TRẦN MINH KHÔI.pdf", "8C", _at(18, 9, 30),
        author="Khoi", creator="WPS Writer",
        note="Bài dạng tiểu phẩm (sáng tạo), trắc nghiệm đúng 3/4.",
    ),
    PlannedEntry(
        "Bùi Đức Anh", dt.date(2005, 4, 21), "g9", "THCS-KD", KD_MAIL,
        "hs_gia_dinh", DOCX, "BaiDuThi_BuiDucAnh_9A1.docx", "9A1", _at(15, 16, 12),
        author="ducanh", signature=True, answers_inline=True,
        note="Tên và lớp ở cuối bài; trắc nghiệm viết trên một dòng.",
    ),
    PlannedEntry(
        "Đặng Thảo My", dt.date(2008, 7, 3), "g6", "THCS-KD", KD_LATE_MAIL,
        "hs_tuyen_truyen_vien", DOCX, "Dang Thao My - 6A2.docx", "6A2", _at(20, 15, 48),
        author="Admin", signature=True,
        note="Nộp muộn: thư bổ sung của trường đến đúng 17:00 ngày 20/8 (hạn là trước 17h00). "
             "Bỏ trống câu 4.",
    ),
    # ---- Trường THCS Nhân Chính ---------------------------------------------------------
    PlannedEntry(
        "Trịnh Thu Trang", dt.date(1983, 12, 9), "staff", "THCS-NC", NC_MAIL_1,
        "cb_giai_phap", DOCX, "Trinh Thu Trang - bai du thi.docx", "Giáo viên Lịch sử",
        _at(11, 22, 7), author="Thu Trang", support_file="tu lieu - anh chup man hinh DVC.png",
        note="Hai tệp: bài viết và ảnh chụp màn hình cổng dịch vụ công làm tư liệu.",
    ),
    PlannedEntry(
        "Nguyễn Văn Thắng", dt.date(1969, 5, 30), "staff", "THCS-NC", NC_MAIL_1,
        "nv_chung_chung", TIFF, "scan0007.tif", "Nhân viên bảo vệ", _at(12, 14, 25),
        ink="black", hand_px=40,
        note="Bản quét viết tay nhiều trang (TIFF đen trắng).",
    ),
    PlannedEntry(
        "Phan Thị Lan Anh", dt.date(1988, 2, 11), "staff", "THCS-NC", NC_MAIL_1,
        "gv_ban_sao", PDF, "Bai du thi Phan Thi Lan Anh.pdf", "Giáo viên Toán",
        _at(10, 20, 15), author="Lan Anh", paper="Letter", skip=(9,),
        note="Sai thể lệ: PDF khổ Letter. Nội dung gần giống bài của Phạm Quang Huy (THCS "
             "Khương Đình).",
    ),
    PlannedEntry(
        "Nghiêm Xuân Trường", dt.date(1980, 10, 5), "staff", "THCS-NC", NC_MAIL_1,
        "gv_tong_quan", PDF, "NghiemXuanTruong_BaiDuThi.pdf", "Giáo viên Thể dục",
        _at(12, 21, 40), author="Truong", skip=(21, 22),
        note="PDF nhiều trang có bảng và hình; nội dung gần giống bài của Đỗ Thị Minh Nguyệt.",
    ),
    PlannedEntry(
        "Đinh Khánh Linh", dt.date(2008, 4, 26), "g6", "THCS-NC", NC_MAIL_2,
        "hs_ngan", PHOTO, "IMG_20190815_191044.jpg", "6A1", _at(15, 19, 10, 44),
        rotate=90, ink="purple", hand_px=27,
        note="Ảnh chụp ngang: trang giấy bị xoay 90°, cần xoay lại khi xem.",
    ),
    PlannedEntry(
        "Lê Hoàng Nam", dt.date(2007, 3, 15), "g7", "THCS-NC", NC_MAIL_2,
        "hs_hoang_nam", DOCX, "LeHoangNam_7A.docx", "7A", _at(18, 17, 55), author="Admin",
        note="Họ tên và trường xuất hiện ngay trong thân bài (cần báo trưởng ban giám khảo).",
    ),
    PlannedEntry(
        "Mai Anh Thư", dt.date(2007, 12, 1), "g7", "THCS-NC", NC_MAIL_2,
        "hs_viet_tay", PHOTO, "IMG_20190816_210233.jpg", "7A4", _at(16, 21, 2, 33),
        ink="blue", hand_px=34,
        note="Bài viết tay chụp thành nhiều ảnh (mỗi trang một ảnh).",
    ),
    PlannedEntry(
        "Cao Minh Đức", dt.date(2006, 10, 19), "g8", "THCS-NC", NC_MAIL_2,
        "hs_tieu_pham", SCAN_PDF, "scan_bai_du_thi_CaoMinhDuc.pdf", "8B", _at(19, 10, 3),
        ink="black", creator="",
        note="PDF quét (chỉ có ảnh, không có lớp chữ), viết tay nhiều trang.",
    ),
    PlannedEntry(
        "Trương Bảo Ngọc", dt.date(2005, 8, 2), "g9", "THCS-NC", NC_MAIL_2,
        "hs_tuyen_sinh", PDF, "Truong Bao Ngoc 9A.pdf", "9A", _at(17, 10, 26),
        author="Bao Ngoc", skip=(12,),
        note="PDF có danh sách đánh số và bảng; nội dung gần giống bài của Nguyễn Thị Thu Hà "
             "(THCS Khương Đình).",
    ),
    PlannedEntry(
        "Ngô Phương Linh", dt.date(2004, 12, 28), "g9", "THCS-NC", NC_MAIL_2,
        "hs_tuyen_truyen_vien", PDF, "BAI DU THI NGO PHUONG LINH.pdf", "9C", _at(19, 20, 44),
        author="Admin", creator="Microsoft® Word 2010",
        note="Bỏ trống câu 4 phần trắc nghiệm.",
    ),
    PlannedEntry(
        "Lý Thùy Dương", dt.date(2005, 6, 14), "g9", "THCS-NC", NC_MAIL_2,
        "hs_gia_dinh", DOCX, "Ly Thuy Duong.docx", "9B", _at(18, 8, 12),
        author="Thuy Duong", answers_inline=False,
    ),
    # ---- Trường Mầm non Tuổi Hoa (staff only) -------------------------------------------
    PlannedEntry(
        "Nguyễn Thị Bích Ngọc", dt.date(1975, 6, 18), "staff", "MN-TH", MN_MAIL,
        "mn_phu_huynh", DOCX, "Bài dự thi - Nguyễn Thị Bích Ngọc.docx",
        "Phó hiệu trưởng", _at(14, 21, 33), cover=True, author="Bich Ngoc",
        note="Trang bìa ghi họ tên, chức vụ, trường.",
    ),
    PlannedEntry(
        "Lại Thị Mai", dt.date(1992, 4, 3), "staff", "MN-TH", MN_MAIL,
        "cb_giai_phap", PDF, "LaiThiMai_MN Tuoi Hoa.pdf", "Giáo viên", _at(13, 22, 50),
        author="Mai", skip=(11,),
        note="Nội dung gần giống bài của Trịnh Thu Trang (THCS Nhân Chính).",
    ),
    PlannedEntry(
        "Kiều Thị Duyên", dt.date(1987, 9, 27), "staff", "MN-TH", MN_MAIL,
        "nv_chung_chung", PHOTO, "IMG_20190813_064718.jpg", "Nhân viên nuôi dưỡng",
        _at(13, 6, 47, 18), ink="blue", hand_px=28,
        note="Ảnh chụp bài viết tay; bài chung chung.",
    ),
    PlannedEntry(
        "Đoàn Thanh Tâm", dt.date(1995, 1, 22), "staff", "MN-TH", MN_MAIL,
        "gv_ban_sao", DOCX, "Doan Thanh Tam - bai du thi.docx", "Giáo viên",
        _at(14, 13, 5), author="Admin", skip=(5,),
    ),
    # ---- Phòng GD&ĐT quận Thanh Xuân (staff only, handed in on 21/08) --------------------
    PlannedEntry(
        "Vương Đình Khải", dt.date(1972, 8, 8), "staff", "PGD",
        dt.datetime(2019, 8, 21, 8, 47), "pgd_quan_ly", DOCX, "Vuong Dinh Khai - PGD.docx",
        "Chuyên viên", _at(20, 22, 18), author="Vuong Dinh Khai", signature=True,
        note="Phòng GD&ĐT nộp ngày 21/8: đúng hạn của Phòng (trước 22/8), khác hạn của trường.",
    ),
    PlannedEntry(
        "Hà Thị Ngọc Lan", dt.date(1981, 11, 16), "staff", "PGD",
        dt.datetime(2019, 8, 21, 10, 15), "cb_giai_phap", PDF, "HaThiNgocLan.pdf",
        "Chuyên viên", _at(20, 23, 1), author="Ngoc Lan",
    ),
    PlannedEntry(
        "Tô Minh Tuấn", dt.date(1993, 3, 29), "staff", "PGD",
        dt.datetime(2019, 8, 21, 15, 30), "pgd_quan_ly", DOCX, "To Minh Tuan.docx",
        "Nhân viên văn phòng", _at(21, 11, 2), author="Admin", skip=(9, 17, 18),
        note="Nội dung gần trùng bài của Vương Đình Khải cùng đơn vị (nghi sao chép).",
    ),
)
# fmt: on

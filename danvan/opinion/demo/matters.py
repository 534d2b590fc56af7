"""The matters the demo's items are drawn from, the people and positions of the collaborators' registers,
the sources and their platforms, and the scripted cases reported by several sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan.opinion.choices import (
    Intensity,
    Platform,
    Source,
    Tendency,
)
from danvan.opinion.demo.common import (
    REFORM,
    D,
)

# ---------------------------------------------------------------------------------------------------------
# What the people talk about
# ---------------------------------------------------------------------------------------------------------

A, N, U = Tendency.AGREE, Tendency.DISAGREE, Tendency.UNSURE


@dataclass(frozen=True)
class Matter:
    """A kind of matter with ways to tell it. A text is a string (its tendency drawn from `tendency`) or a
    pair (tendency, text). Placeholders: see `Builder.values`."""

    key: str
    topic: str
    texts: tuple
    tendency: tuple[int, int, int] = (0, 3, 1)  # agree, disagree, unsure
    intensity: tuple[int, int, int] = (2, 3, 1)  # low, medium, high
    proposals: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    forward: float = 0.0
    answers: tuple[str, ...] = ()
    handled: tuple[str, ...] = ()  # a comment when settled locally, without forwarding
    settled: tuple[str, ...] = ()  # a comment when resolved after the answer
    hot: float = 0.0
    households: tuple[int, int] = (6, 45)
    tags: frozenset[str] = frozenset()
    wide: bool = False  # may be about the whole area (the province, a district)
    months: tuple[int, ...] = ()
    between: tuple[dt.date, dt.date] | None = None
    weight: float = 1.0
    paired: bool = False  # proposals, answers, settled go with the text of the same index ("" for none)

    def active(self, day: dt.date) -> bool:
        if self.months and day.month not in self.months:
            return False
        return self.between is None or self.between[0] <= day <= self.between[1]


def M(key, topic, *texts, **options) -> Matter:
    if "tags" in options:
        options["tags"] = frozenset(options["tags"])
    return Matter(key, topic, tuple(texts), **options)


MATTERS: list[Matter] = [
    # --- Kinh tế, đời sống
    M("gia-mi", "kinh-te-doi-song",
      "Nông dân trồng mì ở {ap} lo lắng vì giá củ mì tươi giảm còn khoảng {gia_mi} đồng/kg, thấp hơn đầu vụ gần một nửa; nhiều hộ thuê đất trồng có nguy cơ thua lỗ.",
      "Giá mì nguyên liệu {noi} tiếp tục giảm; thương lái lấy lý do trữ lượng bột thấp để ép giá, trừ tạp chất cao. Bà con {ap} mong có giải pháp bình ổn giá.",
      "Nhiều hộ {ap} chưa thu hoạch mì vì giá thấp, trong khi bệnh khảm lá làm năng suất giảm mạnh; một số hộ tính chuyển sang cây trồng khác nhưng thiếu vốn.",
      proposals=("Đề nghị ngành nông nghiệp hỗ trợ giống mì sạch bệnh, kết nối nhà máy thu mua theo hợp đồng để ổn định giá.",
                 "Đề nghị kiểm tra việc các điểm thu mua trừ tạp chất, đo trữ lượng bột thiếu minh bạch."),
      bodies=("congthuong", "nn"), forward=0.35,
      answers=("Đã làm việc với các nhà máy chế biến tinh bột mì; các nhà máy cam kết công khai cách đo trữ lượng bột tại điểm thu mua. Ngành nông nghiệp tiếp tục hỗ trợ giống mì kháng bệnh khảm lá cho vụ tới.",
               "Đã kiểm tra {so_vu} điểm thu mua, nhắc nhở các điểm không niêm yết cách trừ tạp chất; hướng dẫn nông dân liên kết với hợp tác xã để bán trực tiếp cho nhà máy."),
      tags={"tn", "rural"}, months=(11, 12, 1, 2, 3, 4), intensity=(1, 3, 2), weight=1.4),
    M("gia-lua", "kinh-te-doi-song",
      "Nông dân {ap} phản ánh giá lúa {vu} giảm, lúa tươi chỉ còn {gia_lua} đồng/kg; thương lái đặt cọc rồi chậm cắt, viện cớ chất lượng để ép giá.",
      "Một số thương lái {noi} bỏ cọc, không thu mua lúa như đã thỏa thuận khiến nhiều hộ {ap} phải tự tìm đầu ra; bà con lo lúa chín quá ngày bị rụng hạt.",
      "Bà con {ap} cho rằng chi phí phân bón, thuốc bảo vệ thực vật tăng trong khi giá lúa {vu} thấp, lợi nhuận còn rất ít.",
      proposals=("Đề nghị kết nối doanh nghiệp bao tiêu, hỗ trợ nông dân ký hợp đồng thu mua có cam kết giá sàn.",
                 "Đề nghị có biện pháp xử lý thương lái bỏ cọc, vi phạm thỏa thuận."),
      bodies=("congthuong", "nn"), forward=0.3,
      answers=("Đã đề nghị các doanh nghiệp kinh doanh lúa gạo trên địa bàn tăng thu mua; hướng dẫn nông dân lập hợp đồng mua bán có điều khoản phạt khi bỏ cọc.",
               "Đã phối hợp Hội Nông dân tuyên truyền bà con ký hợp đồng bằng văn bản; giới thiệu 3 hợp tác xã có nhu cầu thu mua lúa."),
      tags={"la", "rural"}, months=(2, 3, 4, 6, 7, 8, 10, 11, 12), intensity=(1, 3, 2), weight=1.4),
    M("tien-dien", "kinh-te-doi-song",
      (U, "Nhiều hộ {ap} thắc mắc hóa đơn tiền điện tháng {thang_truoc} tăng gấp rưỡi, có hộ gấp đôi so với tháng trước dù thói quen sử dụng không thay đổi nhiều."),
      (U, "Người dân {noi} bàn tán về việc tiền điện tăng cao trong mùa nắng nóng; một số ý kiến nghi ngờ công tơ điện tử ghi chỉ số không chính xác."),
      (N, "Hộ kinh doanh nhỏ ở {cho} phản ánh tiền điện tăng mạnh, đề nghị kiểm tra lại chỉ số công tơ."),
      proposals=("Đề nghị ngành điện công khai chỉ số, kiểm định công tơ khi người dân yêu cầu; tuyên truyền cách sử dụng điện tiết kiệm.",),
      bodies=("dienluc",), forward=0.35,
      answers=("Đã kiểm tra công tơ của các hộ có ý kiến, chỉ số ghi đúng; sản lượng tăng do dùng máy lạnh, quạt nhiều trong những ngày nắng nóng và áp dụng giá bậc thang. Đã hướng dẫn người dân tra cứu chỉ số hằng ngày qua ứng dụng chăm sóc khách hàng.",
               "Đã kiểm định lại {so_vu} công tơ theo đề nghị, tất cả đạt yêu cầu; tổ chức tuyên truyền sử dụng điện an toàn, tiết kiệm tại ấp."),
      months=(4, 5, 6, 7), intensity=(3, 2, 0), wide=True),
    M("viec-lam-cong-nhan", "kinh-te-doi-song",
      (U, "Công nhân ở các khu nhà trọ {ap} lo lắng về việc làm khi một số doanh nghiệp may mặc, giày da giảm đơn hàng, cắt giờ tăng ca; thu nhập giảm nên nhiều người nợ tiền trọ."),
      (U, "Một số doanh nghiệp {noi} cho công nhân nghỉ luân phiên vì thiếu đơn hàng; người lao động băn khoăn về chế độ khi ngừng việc và việc đóng bảo hiểm xã hội."),
      (N, "Khoảng {nguoi} người lao động của {dn} phản ánh công ty chậm trả lương tháng {thang_truoc}, nợ đóng bảo hiểm xã hội nhiều tháng, ảnh hưởng đến việc hưởng chế độ thai sản, ốm đau."),
      proposals=("Đề nghị tổ chức phiên giao dịch việc làm lưu động, giới thiệu việc làm cho công nhân bị giảm giờ làm.",
                 "Đề nghị hướng dẫn doanh nghiệp thực hiện đúng chế độ ngừng việc, đóng đủ bảo hiểm xã hội cho người lao động.",
                 "Đề nghị cơ quan quản lý lao động kiểm tra việc trả lương, đóng bảo hiểm xã hội của doanh nghiệp."),
      bodies=("ldld", "noivu", "bhxh"), forward=0.5, paired=True,
      answers=("Trung tâm Dịch vụ việc làm đã tổ chức phiên giao dịch việc làm lưu động, {nguoi} lao động tham gia, nhiều người được nhận việc ngay tại phiên.",
               "Đã hướng dẫn doanh nghiệp trả lương ngừng việc theo Bộ luật Lao động và đóng đủ bảo hiểm xã hội trong thời gian nghỉ luân phiên; công đoàn cơ sở giám sát việc thực hiện.",
               "Công đoàn đã làm việc với doanh nghiệp; doanh nghiệp cam kết trả đủ lương còn nợ trước ngày {han}, lập lộ trình đóng bù bảo hiểm xã hội, kể cả tiền lãi chậm đóng."),
      hot=0.15, households=(20, 160), tags={"industry"}, between=(D(2025, 4, 1), D(2026, 12, 31)), intensity=(1, 3, 2)),
    M("xoa-nha-tam", "kinh-te-doi-song",
      (A, "Nhân dân {ap} đồng tình, đánh giá cao phong trào chung tay xóa nhà tạm, nhà dột nát; nhiều hộ nghèo đã được hỗ trợ xây mới, sửa chữa nhà trước mùa mưa."),
      (A, "Bà con {noi} phấn khởi khi {ho} căn nhà cho hộ nghèo, hộ có hoàn cảnh khó khăn được bàn giao; nhiều ý kiến mong tiếp tục hỗ trợ sinh kế để các hộ ổn định lâu dài."),
      (U, "Một số hộ {ap} băn khoăn vì chưa có tên trong danh sách được hỗ trợ xóa nhà tạm dù nhà đã xuống cấp, đề nghị rà soát, công khai danh sách."),
      proposals=("Đề nghị rà soát, công khai danh sách hộ được hỗ trợ tại nhà văn hóa ấp.",),
      bodies=("xa",), forward=0.15,
      answers=("UBND đã rà soát, bổ sung 2 hộ đủ điều kiện vào danh sách hỗ trợ đợt cuối; công khai danh sách tại nhà văn hóa ấp.",),
      between=(D(2025, 3, 1), D(2025, 10, 31)), intensity=(2, 3, 0), wide=True),
    M("hang-gia", "kinh-te-doi-song",
      "Dư luận {noi} bức xúc trước các vụ sản xuất, buôn bán sữa bột, thực phẩm chức năng, thuốc giả bị phát hiện thời gian qua; người tiêu dùng hoang mang, không biết mua hàng ở đâu để bảo đảm chất lượng.",
      "Nhiều phụ huynh {ap} lo lắng về sữa, thuốc giả; đề nghị công khai danh sách sản phẩm giả, tăng kiểm tra các cửa hàng, nhà thuốc.",
      proposals=("Đề nghị tăng cường kiểm tra, xử lý nghiêm cơ sở kinh doanh hàng giả, hàng kém chất lượng; hướng dẫn người dân cách tra cứu nguồn gốc sản phẩm.",),
      bodies=("congthuong", "yte"), forward=0.25,
      answers=("Đoàn kiểm tra liên ngành đã kiểm tra {so_cs} cơ sở kinh doanh thực phẩm, dược phẩm; tạm giữ hàng hóa không rõ nguồn gốc tại 3 cơ sở, chuyển cơ quan chức năng xử lý. Danh sách sản phẩm bị thu hồi đã đăng trên cổng thông tin của Sở.",),
      between=(D(2025, 4, 10), D(2025, 9, 30)), intensity=(0, 3, 2), wide=True),
    M("duong-nong-thon", "kinh-te-doi-song",
      (A, "Nhân dân {ap} phấn khởi khi {duong_ap} được bê tông hóa, đi lại thuận tiện hơn trong mùa mưa; nhiều hộ tự nguyện hiến đất, dời hàng rào để mở rộng đường."),
      (N, "Bà con {ap} phản ánh {duong_ap} xuống cấp, nhiều ổ gà, mùa mưa lầy lội, học sinh đi lại khó khăn."),
      (U, "Người dân {ap} đề nghị sớm lắp đèn chiếu sáng trên đoạn đường từ {ap} đến {ap2}; buổi tối rất tối, tiềm ẩn nguy cơ tai nạn và trộm cắp."),
      proposals=("", "Đề nghị đưa tuyến đường vào kế hoạch đầu tư công; trước mắt dặm vá, khơi thông mương thoát nước.",
                 "Đề nghị vận động xã hội hóa lắp đèn chiếu sáng."),
      bodies=("xa",), forward=0.4,
      answers=("", "UBND đã đưa tuyến đường vào danh mục đầu tư năm {nam_sau}; trước mắt giao bộ phận giao thông dặm vá các ổ gà, khơi thông mương thoát nước.",
               "UBND đã vận động xã hội hóa lắp {so_den} bóng đèn chiếu sáng trên tuyến đường, dự kiến hoàn thành trong tháng {thang_sau}."),
      settled=("", "Tuyến đường đã được dặm vá, người dân đi lại thuận tiện.", "Đã lắp xong đèn chiếu sáng."),
      tags={"rural"}, intensity=(3, 2, 0), weight=1.2, paired=True),
    # --- Đất đai, môi trường
    M("trai-chan-nuoi", "dat-dai-moi-truong",
      "Nhiều hộ {ap} phản ánh {trai} gây mùi hôi nồng nặc, nhất là lúc chiều tối và khi trời mưa; nước thải chảy ra mương thoát nước chung, ruồi nhặng nhiều.",
      "Người dân {ap} bức xúc vì {trai} xả nước thải chưa qua xử lý ra {song}, cá chết, nước có mùi; bà con không dám dùng nước giếng khoan để sinh hoạt.",
      "Khoảng {ho} hộ dân {ap} ký đơn phản ánh ô nhiễm từ {trai}; một số hộ cho rằng đã phản ánh nhiều lần nhưng tình trạng vẫn tái diễn.",
      proposals=("Đề nghị kiểm tra, xử lý nghiêm việc xả thải; buộc chủ trại đầu tư hệ thống xử lý chất thải, trồng cây xanh cách ly.",
                 "Đề nghị lấy mẫu nước, không khí để quan trắc và công khai kết quả cho Nhân dân biết.",
                 "Đề nghị không cho mở rộng quy mô trại khi chưa khắc phục ô nhiễm."),
      bodies=("xa", "nnmt"), forward=0.75,
      answers=("Đoàn kiểm tra đã đến trại ngày {ngay_kt}, lập biên bản vi phạm về xả nước thải chưa qua xử lý; chủ trại cam kết nạo vét hầm biogas, làm thêm hồ lắng, hoàn thành trong 30 ngày.",
               "Đã lấy mẫu nước thải, kết quả vượt quy chuẩn; đã xử phạt vi phạm hành chính {tien_phat} triệu đồng và buộc khắc phục hậu quả. Sẽ tái kiểm tra sau thời hạn khắc phục.",
               "Qua kiểm tra, trại đã có hệ thống xử lý nhưng vận hành chưa thường xuyên; đã nhắc nhở, yêu cầu phun chế phẩm khử mùi hằng ngày và báo cáo kết quả về UBND xã."),
      settled=("Trại đã hoàn thành hạng mục xử lý chất thải; qua nắm tình hình, người dân không còn phản ánh.",
               "Kết quả tái kiểm tra đạt yêu cầu; mùi hôi đã giảm rõ rệt."),
      hot=0.35, households=(12, 90), tags={"rural"}, intensity=(0, 3, 3), weight=1.5),
    M("nha-may-xa-thai", "dat-dai-moi-truong",
      "Người dân {ap} phản ánh {nm} xả nước thải có mùi chua, màu đục ra {song}, nhất là vào ban đêm; cá chết nổi, nước không thể dùng để tưới.",
      "Bà con sống gần {nm} bức xúc vì mùi hôi, khói bụi khi nhà máy hoạt động cả đêm; một số hộ có trẻ nhỏ bị ho kéo dài.",
      proposals=("Đề nghị kiểm tra đột xuất, lắp camera giám sát cửa xả; công khai kết quả quan trắc.",),
      bodies=("nnmt", "xa"), forward=0.8,
      answers=("Đã kiểm tra đột xuất, lấy mẫu nước thải, khí thải; kết quả có 3 chỉ tiêu vượt quy chuẩn. Doanh nghiệp bị xử phạt {tien_phat} triệu đồng và buộc dừng xả thải đến khi nâng cấp xong hệ thống xử lý.",
               "Qua kiểm tra, doanh nghiệp có giấy phép môi trường, hệ thống xử lý đang vận hành; đã yêu cầu lắp camera giám sát cửa xả, truyền số liệu quan trắc tự động. Tiếp tục theo dõi phản ánh của Nhân dân."),
      settled=("Doanh nghiệp đã nâng cấp hệ thống xử lý; kết quả quan trắc đạt quy chuẩn.",),
      hot=0.3, households=(15, 80), tags={"rural"}, intensity=(0, 2, 3)),
    M("cat-trai-phep", "dat-dai-moi-truong",
      "Người dân {ap} phản ánh tình trạng ghe hút cát trái phép trên {song} vào ban đêm; bờ sông bị sạt lở, nhiều hộ lo mất đất sản xuất.",
      "Đoạn bờ {song} qua {ap} xuất hiện vết nứt dài khoảng {met} m; {ho} hộ sống sát bờ lo sợ sạt lở trong mùa mưa.",
      proposals=("Đề nghị tăng cường tuần tra, xử lý nghiêm phương tiện khai thác cát trái phép; khảo sát, bố trí vốn kè chống sạt lở.",),
      bodies=("nnmt", "congan", "xa"), forward=0.8,
      answers=("Lực lượng chức năng đã tuần tra trên sông, bắt giữ 2 phương tiện khai thác cát trái phép, chuyển xử lý theo quy định.",
               "UBND đã cắm biển cảnh báo, di dời tạm {so_vu} hộ ở vị trí nguy hiểm; đề xuất tỉnh bố trí vốn kè chống sạt lở."),
      hot=0.3, households=(5, 40), intensity=(0, 2, 2), weight=0.7),
    M("cap-giay-dat", "dat-dai-moi-truong",
      (N, "Một số hộ {ap} phản ánh hồ sơ cấp giấy chứng nhận quyền sử dụng đất, tách thửa nộp từ tháng {thang_truoc} đến nay chưa có kết quả, quá hẹn nhưng không được thông báo lý do."),
      (N, "Người dân {noi} than phiền thủ tục đăng ký biến động đất đai sau khi sắp xếp đơn vị hành chính phải đi lại nhiều lần; hồ sơ luân chuyển giữa xã và chi nhánh văn phòng đăng ký đất đai mất nhiều thời gian."),
      (U, "Nhiều hộ {ap} băn khoăn việc chỉnh lý địa chỉ trên giấy chứng nhận quyền sử dụng đất sau khi đổi tên xã, lo phải làm lại giấy tờ, tốn chi phí."),
      proposals=("Đề nghị rà soát hồ sơ trễ hẹn, thông báo lý do và thời gian trả kết quả cho người dân.",
                 "Đề nghị rút ngắn thời gian luân chuyển hồ sơ, cho nhận kết quả tại xã.",
                 "Đề nghị thông tin rõ để người dân yên tâm, không phải làm lại giấy tờ."),
      bodies=("vpdk", "xa"), forward=0.5, paired=True,
      answers=("Đã rà soát {so_hs} hồ sơ trễ hẹn; nguyên nhân do chuyển giao dữ liệu khi sắp xếp, đã gửi thư xin lỗi và hẹn trả kết quả trong 10 ngày làm việc.",
               "Đã bố trí viên chức chi nhánh văn phòng đăng ký đất đai tiếp nhận, trả kết quả tại Trung tâm Phục vụ hành chính công xã 2 ngày mỗi tuần; hồ sơ được luân chuyển bằng bản điện tử.",
               "Người dân không bắt buộc phải đổi giấy chứng nhận khi thay đổi tên đơn vị hành chính; việc cập nhật thực hiện khi có nhu cầu đăng ký biến động, không thu phí."),
      between=(REFORM, D(2026, 12, 31)), intensity=(1, 3, 1), wide=True),
    M("rac-thai", "dat-dai-moi-truong",
      "Rác thải sinh hoạt tồn đọng ở {ap} nhiều ngày chưa được thu gom, bốc mùi hôi; một số điểm dọc {duong_ap} trở thành bãi rác tự phát.",
      "Người dân {ap} phản ánh xe thu gom rác đến không đều, có tuần chỉ một lần; giá dịch vụ thu gom tăng nhưng chất lượng không cải thiện.",
      proposals=("Đề nghị yêu cầu đơn vị thu gom thực hiện đúng lịch, xử lý các điểm rác tự phát.",),
      bodies=("xa",), forward=0.45,
      answers=("UBND đã làm việc với đơn vị thu gom, điều chỉnh lịch thu gom 3 lần/tuần; tổ chức ra quân dọn dẹp điểm tập kết rác tự phát, đặt biển cấm đổ rác.",
               "Đã giao Đoàn Thanh niên, Hội Phụ nữ vận động hộ dân phân loại rác tại nguồn; đơn vị thu gom bổ sung 1 xe tải nhỏ vào các tuyến hẻm."),
      handled=("Ban Nhân dân ấp đã vận động người dân dọn dẹp, đơn vị thu gom cam kết thu đúng lịch.",),
      intensity=(2, 3, 1), weight=1.1),
    M("tranh-chap-ranh", "dat-dai-moi-truong",
      "Hai hộ ở {ap} tranh chấp ranh giới đất, đã xảy ra xô xát; bà con lo ngại mâu thuẫn kéo dài nếu không hòa giải kịp thời.",
      "{ten} ở {ap} phản ánh hộ lân cận xây hàng rào lấn sang phần đất đã được cấp giấy chứng nhận, đề nghị địa phương đo đạc lại.",
      proposals=("Đề nghị tổ hòa giải ấp sớm hòa giải; cán bộ địa chính đo đạc, xác định ranh.",),
      bodies=("xa",), forward=0.5,
      answers=("Cán bộ địa chính đã đo đạc, xác định ranh theo hồ sơ địa chính; tổ hòa giải đã hòa giải thành, hai hộ ký biên bản thống nhất.",
               "Đã mời hai bên hòa giải nhưng chưa thành; hướng dẫn người dân gửi đơn đến Tòa án để giải quyết theo quy định."),
      handled=("Tổ hòa giải ấp đã hòa giải thành, hai bên thống nhất cắm lại mốc ranh.",),
      hot=0.15, households=(2, 6), tags={"rural"}, intensity=(3, 2, 1), weight=0.8),
    M("nhiem-man", "dat-dai-moi-truong",
      "Nước mặn xâm nhập sâu vào các kênh nội đồng ở {ap}; nông dân lo thiếu nước tưới cho lúa {vu} và vườn thanh long, chanh.",
      "Người dân {ap} phản ánh nước máy bị nhiễm mặn, có mùi; nhiều hộ phải mua nước bình với giá cao.",
      proposals=("Đề nghị vận hành cống ngăn mặn hợp lý, hỗ trợ nước sinh hoạt cho các hộ bị ảnh hưởng.",),
      bodies=("nn", "xa"), forward=0.5,
      answers=("Đã vận hành đóng các cống ngăn mặn, thông báo lịch lấy nước ngọt; bố trí xe chở nước miễn phí cho các ấp bị ảnh hưởng nặng.",),
      tags={"la", "rural"}, months=(1, 2, 3, 4), tendency=(0, 1, 2), intensity=(1, 3, 1)),
    M("ngap-ung", "dat-dai-moi-truong",
      "Sau trận mưa lớn ngày {ngay_truoc}, nhiều đoạn đường và nhà dân ở {ap} ngập sâu 30–50 cm; người dân cho rằng cống thoát nước nhỏ, bị san lấp khi thi công {duong}.",
      "Người dân {ap} phản ánh mương thoát nước bị lấn chiếm, bồi lắng nên mỗi khi mưa lớn nước tràn vào nhà, hư hỏng tài sản.",
      proposals=("Đề nghị nạo vét mương thoát nước, buộc nhà thầu thi công hoàn trả hệ thống thoát nước.",),
      bodies=("xa", "xaydung"), forward=0.55,
      answers=("UBND đã chỉ đạo nạo vét {met} m mương thoát nước, yêu cầu nhà thầu lắp đặt cống tạm để thoát nước; đề xuất nâng cấp hệ thống thoát nước trong kế hoạch năm sau.",),
      months=(6, 7, 8, 9, 10, 11), intensity=(1, 3, 1)),
    M("xe-qua-tai", "dat-dai-moi-truong",
      "Xe tải chở đất, đá san lấp chạy liên tục trên {duong} gây bụi mù, hư hỏng mặt đường; người dân {ap} phải đóng cửa cả ngày.",
      "Bà con {ap} phản ánh xe ben chở đất không che phủ, rơi vãi trên {duong}, trời mưa trơn trượt đã xảy ra tai nạn.",
      proposals=("Đề nghị kiểm tra tải trọng, xử lý xe chở quá tải, yêu cầu đơn vị vận chuyển tưới nước giảm bụi.",),
      bodies=("congan", "xaydung"), forward=0.5,
      answers=("Lực lượng chức năng đã lập chốt kiểm tra tải trọng, xử lý {so_xe} trường hợp chở quá tải; yêu cầu đơn vị vận chuyển che phủ thùng xe, tưới nước giảm bụi.",),
      intensity=(1, 3, 1), weight=0.8),
    # --- Bồi thường, giải phóng mặt bằng
    M("gia-boi-thuong", "giai-phong-mat-bang",
      (N, "{ho} hộ dân {ap} bị ảnh hưởng bởi {du_an} không đồng tình với đơn giá bồi thường đất nông nghiệp, cho rằng thấp hơn nhiều so với giá chuyển nhượng thực tế trong khu vực."),
      (N, "Người dân {ap} có đất thu hồi cho {du_an} phản ánh việc áp giá bồi thường cây trồng, vật kiến trúc chưa thỏa đáng; một số hộ chưa nhận tiền, chưa đồng ý bàn giao mặt bằng."),
      (U, "Các hộ có đất bị thu hồi một phần cho {du_an} ở {ap} kiến nghị được thu hồi luôn phần diện tích còn lại không đủ điều kiện sử dụng, đồng thời sớm bố trí tái định cư."),
      (U, "Người dân {ap} băn khoăn vì {du_an} đã cắm mốc nhiều năm nhưng chưa thu hồi; đất không được xây dựng, chuyển nhượng, ảnh hưởng đến đời sống."),
      proposals=("Đề nghị rà soát, điều chỉnh giá đất cụ thể sát giá thị trường; tổ chức đối thoại công khai với các hộ còn ý kiến.",
                 "Đề nghị công khai phương án bồi thường, hỗ trợ tại nhà văn hóa ấp để người dân được biết và giám sát.",
                 "Đề nghị sớm chi trả tiền bồi thường, bố trí tái định cư tại chỗ và hỗ trợ chuyển đổi nghề cho các hộ mất đất sản xuất.",
                 "Đề nghị công bố thời gian thực hiện dự án; nếu chưa triển khai thì cho người dân được sử dụng, chuyển nhượng đất."),
      bodies=("bt", "xa", "nnmt", "bqlda"), forward=0.85, paired=True,
      answers=("Hội đồng bồi thường đã tổ chức đối thoại với các hộ; giải thích đơn giá được xác định theo giá đất cụ thể UBND tỉnh phê duyệt. Các kiến nghị về giá đã được tổng hợp, đề xuất Sở Nông nghiệp và Môi trường xem xét điều chỉnh hệ số.",
               "Đã rà soát, bồi thường bổ sung cây trồng, vật kiến trúc bị áp giá thiếu cho {so_hs} hộ; chi trả bổ sung trong tháng {thang_sau}.",
               "Phần diện tích còn lại dưới diện tích tối thiểu đủ điều kiện thu hồi theo đề nghị của người dân; đã lập hồ sơ bổ sung phương án.",
               "Dự án đã được bố trí vốn năm {nam_sau}, dự kiến chi trả, thu hồi đất trong quý I; người dân được làm thủ tục chuyển nhượng, tách thửa phần đất ngoài ranh quy hoạch."),
      settled=("Các hộ đã nhận tiền bồi thường, bàn giao mặt bằng cho đơn vị thi công.",
               "Đã chi trả bổ sung; người dân thống nhất, không còn ý kiến."),
      hot=0.5, households=(8, 70), intensity=(0, 2, 3), weight=1.6),
    M("tai-dinh-cu", "giai-phong-mat-bang",
      "Các hộ thuộc diện tái định cư của {du_an} phản ánh khu tái định cư chưa hoàn thiện điện, nước, đường nội bộ dù đã bốc thăm nền từ nhiều tháng trước.",
      "Người dân nhận nền tái định cư ở {xa} cho rằng giá nền cao hơn tiền bồi thường đất ở, nhiều hộ không đủ tiền xây nhà.",
      proposals=("Đề nghị đẩy nhanh hoàn thiện hạ tầng khu tái định cư; cho các hộ khó khăn được ghi nợ tiền sử dụng đất.",),
      bodies=("bt", "bqlda"), forward=0.8,
      answers=("Chủ đầu tư đã yêu cầu nhà thầu hoàn thành đấu nối điện, nước khu tái định cư trước ngày {han}; các hộ khó khăn được giãn thời gian nộp tiền sử dụng đất.",),
      hot=0.3, households=(10, 40), intensity=(0, 3, 2), weight=0.7),
    # --- Y tế, giáo dục
    M("tram-y-te", "y-te-giao-duc",
      "Người dân {ap} phản ánh trạm y tế thiếu một số thuốc điều trị bệnh mạn tính như tăng huyết áp, tiểu đường; người có thẻ bảo hiểm y tế phải tự mua thuốc bên ngoài.",
      "Sau khi sắp xếp, một số điểm trạm y tế {noi} chỉ khám buổi sáng; người cao tuổi phải đi xa đến trạm chính để khám, nhận thuốc.",
      proposals=("Đề nghị bảo đảm đủ thuốc bảo hiểm y tế tại trạm.", "Đề nghị bố trí lịch khám cả ngày tại các điểm trạm."),
      paired=True, bodies=("yte", "xa"), forward=0.55,
      answers=("Đã chỉ đạo Trung tâm Y tế khu vực điều chuyển thuốc cho trạm; gói thầu thuốc tập trung đã hoàn tất, bảo đảm đủ thuốc cấp phát từ tháng {thang_sau}.",
               "Trạm y tế đã bố trí khám cả ngày tại điểm trạm, luân phiên bác sĩ 2 buổi mỗi tuần."),
      between=(REFORM, D(2026, 12, 31)), intensity=(1, 3, 1)),
    M("dich-benh", "y-te-giao-duc",
      "Ở {ap} ghi nhận nhiều ca sốt xuất huyết trong tháng {thang}; người dân lo lắng, đề nghị phun thuốc diệt muỗi diện rộng.",
      "Bệnh tay chân miệng xuất hiện ở trẻ mầm non {noi}; phụ huynh lo ngại, một số gia đình cho con nghỉ học.",
      proposals=("Đề nghị xử lý ổ dịch, phun hóa chất diệt muỗi, tuyên truyền diệt lăng quăng.",
                 "Đề nghị khử khuẩn trường học, hướng dẫn phụ huynh phòng bệnh cho trẻ."),
      paired=True, bodies=("yte", "xa"), forward=0.4,
      answers=("Trạm y tế đã xử lý ổ dịch, phun hóa chất diệt muỗi tại {ap} và các ấp lân cận; tổ chức chiến dịch diệt lăng quăng, bọ gậy.",
               "Đã khử khuẩn trường học, hướng dẫn phụ huynh theo dõi triệu chứng; các ca bệnh đều nhẹ, đã ổn định."),
      handled=("Trạm y tế đã xử lý ổ dịch; không phát sinh ca bệnh mới.",),
      months=(5, 6, 7, 8, 9, 10, 11), tendency=(0, 1, 2), intensity=(1, 3, 1)),
    M("mien-hoc-phi", "y-te-giao-duc",
      (A, "Phụ huynh {noi} phấn khởi trước chủ trương miễn học phí cho học sinh từ mầm non đến hết trung học phổ thông công lập, cho rằng đây là quyết sách nhân văn, giảm gánh nặng cho gia đình đông con."),
      (A, "Nhân dân đồng tình với việc miễn học phí, hỗ trợ bữa trưa cho học sinh; mong được quan tâm thêm chi phí đồng phục, sách vở cho học sinh vùng khó khăn."),
      between=(D(2025, 3, 1), D(2025, 10, 31)), intensity=(1, 3, 0), wide=True, weight=1.2),
    M("day-them", "y-te-giao-duc",
      (U, "Nhiều phụ huynh {noi} băn khoăn sau khi có quy định mới về dạy thêm, học thêm: giáo viên không được dạy thêm có thu tiền học sinh lớp mình, con em không biết học thêm ở đâu trước kỳ thi chuyển cấp."),
      (A, "Một số ý kiến đồng tình với việc siết dạy thêm, học thêm, cho rằng sẽ giảm áp lực cho học sinh và chấm dứt tình trạng ép học thêm."),
      between=(D(2025, 2, 14), D(2025, 6, 15)), intensity=(1, 3, 0), wide=True),
    M("lam-thu", "y-te-giao-duc",
      "Phụ huynh học sinh {truong} phản ánh các khoản thu đầu năm học nhiều; có khoản gọi là “tự nguyện” nhưng ấn định mức thu cho từng học sinh.",
      "Một số phụ huynh {ap} phản ánh ban đại diện cha mẹ học sinh {truong} vận động đóng góp mua máy lạnh, ti vi cho lớp học, mức đóng cao.",
      proposals=("Đề nghị kiểm tra các khoản thu, công khai thu chi; hoàn trả các khoản thu sai quy định.",),
      bodies=("xa", "gd"), forward=0.7,
      answers=("Đã kiểm tra, yêu cầu nhà trường dừng thu các khoản chưa đúng quy định, hoàn trả cho phụ huynh; kiểm điểm trách nhiệm Ban Giám hiệu.",),
      months=(8, 9, 10), intensity=(0, 3, 1)),
    M("truong-xuong-cap", "y-te-giao-duc",
      "{truong} có nhiều phòng học xuống cấp, mái tôn dột, nhà vệ sinh hư hỏng; phụ huynh lo mất an toàn cho học sinh trong mùa mưa.",
      "Điểm lẻ {truong} ở {ap} thiếu giáo viên, phải ghép lớp; phụ huynh mong được bố trí đủ giáo viên trước năm học mới.",
      proposals=("Đề nghị bố trí kinh phí sửa chữa trường học trong dịp hè.", "Đề nghị bố trí đủ giáo viên cho điểm lẻ."),
      paired=True, bodies=("xa", "gd"), forward=0.6,
      answers=("UBND đã bố trí kinh phí sửa chữa mái, nhà vệ sinh trong dịp hè; tạm dừng sử dụng 2 phòng học xuống cấp.",
               "Ngành giáo dục đã điều động thêm 2 giáo viên cho điểm lẻ từ đầu năm học."),
      tags={"rural"}, intensity=(1, 3, 0), weight=0.7),
    M("kham-suc-khoe", "y-te-giao-duc",
      (A, "Người dân {noi} đồng tình, phấn khởi với chủ trương mỗi người dân được khám sức khỏe định kỳ miễn phí ít nhất mỗi năm một lần và từng bước miễn viện phí."),
      (U, "Người cao tuổi {ap} hỏi về thời gian, địa điểm khám sức khỏe miễn phí, việc lập hồ sơ sức khỏe điện tử; mong trạm y tế thông báo cụ thể."),
      between=(D(2025, 9, 1), D(2026, 12, 31)), intensity=(2, 3, 0), wide=True),
    # --- Văn hóa, xã hội
    M("karaoke", "van-hoa-xa-hoi",
      "Người dân {ap} phản ánh tình trạng hát karaoke bằng loa kéo công suất lớn đến khuya, nhất là các đám tiệc cuối tuần, ảnh hưởng giấc ngủ của người già, trẻ nhỏ.",
      "Quán karaoke ở {ap} hoạt động quá giờ quy định, khách ra vào ồn ào, có lúc xảy ra cãi vã, đánh nhau.",
      proposals=("Đề nghị kiểm tra, xử lý vi phạm về tiếng ồn; tuyên truyền quy định về giờ giấc trong khu dân cư.",),
      bodies=("congan", "xa"), forward=0.3,
      answers=("Công an đã mời chủ quán làm việc, lập biên bản vi phạm về gây tiếng ồn; tổ chức tuyên truyền quy định về tiếng ồn trong khu dân cư.",),
      handled=("Ban Nhân dân ấp đã nhắc nhở, các hộ cam kết không hát karaoke sau 22 giờ.",),
      intensity=(3, 2, 0)),
    M("le-hoi-nui-ba", "van-hoa-xa-hoi",
      "Du khách và người dân phản ánh tình trạng chèo kéo, ép giá dịch vụ giữ xe, ăn uống quanh khu vực lễ hội Xuân núi Bà Đen; một số điểm giữ xe thu gấp 2–3 lần giá niêm yết.",
      (A, "Nhân dân đồng tình với công tác tổ chức lễ hội Xuân núi Bà Đen năm {nam}: an ninh trật tự bảo đảm, giao thông thông suốt, vệ sinh môi trường tốt hơn các năm trước."),
      proposals=("Đề nghị tăng kiểm tra, niêm yết giá, xử lý các điểm giữ xe tự phát.",),
      bodies=("vhtt", "xa"), forward=0.4,
      answers=("Đoàn kiểm tra liên ngành đã xử lý {so_cs} điểm giữ xe tự phát, yêu cầu các cơ sở kinh doanh niêm yết giá và công bố đường dây nóng.",),
      tags={"mountain"}, months=(1, 2, 3), intensity=(1, 3, 1)),
    M("duoi-nuoc", "van-hoa-xa-hoi",
      (U, "Trong dịp hè, nhiều trẻ em {ap} tự ý tắm ở ao, hồ, {song}; phụ huynh lo ngại tai nạn đuối nước, mong có lớp dạy bơi miễn phí."),
      handled=("Đoàn Thanh niên đã mở 2 lớp dạy bơi miễn phí cho thiếu nhi; cắm biển cảnh báo tại các điểm nước sâu.",),
      months=(5, 6, 7, 8), intensity=(2, 2, 0), weight=0.7),
    M("hien-dat", "van-hoa-xa-hoi",
      (A, "Bà con {ap} đồng tình cao với chủ trương mở rộng {duong_ap}; {ho} hộ đã ký cam kết hiến đất, tự tháo dỡ hàng rào, cây trồng."),
      (A, "Nhân dân {ap} hưởng ứng phong trào “Dân vận khéo”, góp ngày công, vật liệu xây cầu bê tông thay cầu khỉ cho học sinh đi học."),
      tags={"rural"}, intensity=(2, 3, 0), weight=0.8),
    M("tro-cap", "van-hoa-xa-hoi",
      (N, "Một số người có công, người cao tuổi {ap} phản ánh tiền trợ cấp tháng {thang_truoc} chi trả chậm so với mọi tháng; chưa được thông báo lịch nhận mới sau khi sắp xếp."),
      (U, "Người hưởng trợ cấp xã hội {noi} băn khoăn việc chuyển sang nhận trợ cấp qua tài khoản ngân hàng; nhiều người cao tuổi không biết sử dụng thẻ."),
      proposals=("Đề nghị chi trả đúng kỳ, thông báo lịch chi trả mới.", "Đề nghị cho người cao tuổi được chọn nhận tiền mặt hoặc được hỗ trợ sử dụng thẻ."),
      paired=True, bodies=("xa", "noivu"), forward=0.5,
      answers=("Việc chậm chi trả do chuyển đổi danh sách sau sắp xếp; đã chi trả đủ trong ngày {han}. Bưu điện tổ chức chi trả tại nhà cho người già yếu, neo đơn.",
               "Người hưởng được chọn nhận bằng tiền mặt hoặc qua tài khoản; Đoàn Thanh niên hỗ trợ người cao tuổi mở tài khoản, sử dụng thẻ."),
      between=(REFORM, D(2026, 6, 30)), intensity=(1, 3, 1)),
    # --- An ninh, trật tự
    M("trom-cap", "an-ninh-trat-tu",
      "Tình trạng trộm cắp tài sản ở {ap} có chiều hướng tăng: trong tháng xảy ra {so_vu} vụ mất trộm xe máy, gà, chó; người dân lo lắng, mong tăng cường tuần tra ban đêm.",
      "Nông dân {ap} phản ánh bị trộm máy bơm nước, dây điện ngoài đồng; một số hộ phải thuê người canh giữ ban đêm.",
      proposals=("Đề nghị tăng cường tuần tra ban đêm, xử lý nghiêm các đối tượng trộm cắp.",),
      bodies=("congan",), forward=0.45,
      answers=("Công an đã tăng cường tuần tra, phối hợp lực lượng bảo vệ an ninh, trật tự ở cơ sở; bắt giữ 2 đối tượng trộm cắp, thu hồi tài sản trả lại người dân.",),
      intensity=(1, 3, 1), weight=1.2),
    M("lua-dao", "an-ninh-trat-tu",
      "Nhiều người {noi} nhận cuộc gọi giả danh công an, nhân viên ngân hàng, điện lực yêu cầu cài ứng dụng, cập nhật thông tin định danh; đã có người bị lừa chuyển tiền.",
      "Một số người cao tuổi {ap} bị lừa mua thực phẩm chức năng qua các buổi “hội thảo tặng quà”; người dân đề nghị kiểm tra, ngăn chặn.",
      "Người dân phản ánh các ứng dụng cho vay tiền qua mạng lãi suất cao, đòi nợ bằng cách gọi điện, nhắn tin bôi nhọ người thân, đồng nghiệp của người vay.",
      proposals=("Đề nghị tuyên truyền thường xuyên các thủ đoạn lừa đảo trên loa truyền thanh và nhóm Zalo của ấp.",),
      paired=True, bodies=("congan",), forward=0.35,
      answers=("Công an đã xác minh, tiếp nhận tố giác; khuyến cáo người dân không cung cấp mã OTP, không cài ứng dụng lạ. Tuyên truyền tại các ấp qua loa truyền thanh.",
               "Công an đã kiểm tra, đình chỉ buổi “hội thảo” của công ty kinh doanh thực phẩm chức năng không có giấy phép tổ chức, lập biên bản chuyển xử lý; tuyên truyền người cao tuổi cảnh giác.",
               "Công an đã tiếp nhận tố giác, xác minh các số điện thoại đòi nợ, khởi tố vụ án cho vay lãi nặng; khuyến cáo người dân không vay qua ứng dụng không rõ nguồn gốc."),
      tendency=(0, 3, 1), intensity=(1, 3, 1), wide=True, weight=1.3),
    M("dua-xe", "an-ninh-trat-tu",
      "Thanh thiếu niên tụ tập chạy xe tốc độ cao, lạng lách, nẹt pô trên {duong} vào các tối cuối tuần; người dân bức xúc và lo ngại tai nạn.",
      proposals=("Đề nghị lập chốt, tuần tra vào các tối cuối tuần; thông báo về gia đình các trường hợp vi phạm.",),
      bodies=("congan",), forward=0.6,
      answers=("Công an đã tổ chức tuần tra, tạm giữ {so_xe} xe mô tô vi phạm, mời phụ huynh đến làm việc, ký cam kết.",),
      intensity=(1, 3, 1), weight=0.7),
    M("ma-tuy", "an-ninh-trat-tu",
      "Người dân {ap} nghi có tụ điểm sử dụng trái phép chất ma túy tại một số phòng trọ; thanh niên lạ ra vào thường xuyên vào ban đêm.",
      proposals=("Đề nghị kiểm tra hành chính khu nhà trọ, xử lý nghiêm các đối tượng liên quan ma túy.",),
      bodies=("congan",), forward=0.7,
      answers=("Công an đã kiểm tra hành chính khu nhà trọ, phát hiện {so_vu} đối tượng dương tính với ma túy, lập hồ sơ đưa đi cai nghiện; tiếp tục theo dõi địa bàn.",),
      tags={"industry"}, tendency=(0, 3, 1), intensity=(0, 3, 2), weight=0.7),
    M("bien-gioi", "an-ninh-trat-tu",
      (N, "Người dân khu vực biên giới {ap} phản ánh có đối tượng lạ thường xuyên qua lại đường mòn, lối mở vào ban đêm, nghi vận chuyển hàng lậu (đường cát, thuốc lá)."),
      (A, "Bà con {ap} đồng tình với việc Bộ đội Biên phòng và lực lượng chức năng tăng cường tuần tra, kiểm soát khu vực biên giới; nhiều hộ tham gia tổ tự quản đường biên, cột mốc."),
      proposals=("Đề nghị tăng cường tuần tra, kiểm soát đường mòn, lối mở; xử lý nghiêm đối tượng buôn lậu.",),
      bodies=("bdbp",), forward=0.5,
      answers=("Đồn Biên phòng đã tăng cường tổ tuần tra, phối hợp tổ tự quản bắt giữ 1 vụ vận chuyển {so_vu} tấn đường cát nhập lậu, chuyển xử lý theo quy định.",),
      tags={"border"}, intensity=(1, 3, 1)),
    M("camera-an-ninh", "an-ninh-trat-tu",
      (A, "Nhân dân {ap} đồng tình, tích cực tham gia mô hình “Camera an ninh”; {ho} hộ tự nguyện lắp camera hướng ra đường, kết nối với Công an xã."),
      intensity=(2, 2, 0), weight=0.6),
    # --- Tôn giáo, dân tộc
    M("dai-le-cao-dai", "ton-giao-dan-toc",
      (A, "Chức sắc, chức việc và tín đồ Cao Đài {noi} đồng tình, đánh giá cao sự phối hợp của chính quyền trong bảo đảm an ninh trật tự, an toàn giao thông dịp Đại lễ tại Tòa Thánh Tây Ninh."),
      tags={"tn"}, months=(1, 2, 8, 9), intensity=(2, 2, 0), wide=True, weight=0.6),
    M("dao-la", "ton-giao-dan-toc",
      "Có người lạ đến khu nhà trọ công nhân ở {ap} tuyên truyền, rủ rê tham gia nhóm sinh hoạt tôn giáo chưa được công nhận, yêu cầu đóng góp tiền; một số gia đình lo con em bị lôi kéo.",
      proposals=("Đề nghị xác minh, ngăn chặn hoạt động tuyên truyền trái phép; tuyên truyền để người dân không tham gia.",),
      bodies=("congan", "tongiao"), forward=0.6,
      answers=("Đã phối hợp xác minh, vận động những người tham gia không sinh hoạt trái quy định; tuyên truyền về chính sách tự do tín ngưỡng, tôn giáo và các hoạt động bị nghiêm cấm.",),
      tags={"industry"}, tendency=(0, 2, 2), intensity=(1, 3, 1), weight=0.4),
    M("khmer", "ton-giao-dan-toc",
      (A, "Đồng bào Khmer {ap} phấn khởi đón Tết cổ truyền Chôl Chnăm Thmây; đồng tình với việc địa phương thăm hỏi, tặng quà các chùa và gia đình chính sách."),
      (A, "Đồng bào Khmer {ap} đồng tình với việc chính quyền, Mặt trận thăm hỏi, chúc mừng Lễ Sene Dolta; không khí lễ vui tươi, an toàn."),
      (U, "Một số hộ đồng bào Khmer {ap} mong được vay vốn ưu đãi, đào tạo nghề cho thanh niên; một số hộ còn thiếu đất sản xuất."),
      proposals=("Đề nghị ưu tiên vốn vay, đào tạo nghề cho thanh niên đồng bào dân tộc thiểu số.",),
      bodies=("dantoc", "xa"), forward=0.3,
      answers=("Đã đưa {so_hs} hộ vào danh sách vay vốn ưu đãi của Ngân hàng Chính sách xã hội; mở lớp dạy nghề may công nghiệp cho thanh niên.",),
      tags={"khmer"}, months=(3, 4, 9, 10), intensity=(2, 2, 0), weight=0.8),
    M("co-so-tho-tu", "ton-giao-dan-toc",
      (U, "Ban quản trị chùa, thánh thất ở {ap} mong được hướng dẫn thủ tục sửa chữa, nâng cấp cơ sở thờ tự bị xuống cấp."),
      proposals=("Đề nghị hướng dẫn cụ thể trình tự, thủ tục sửa chữa cơ sở tôn giáo.",),
      bodies=("tongiao", "xa"), forward=0.5,
      answers=("Đã hướng dẫn Ban quản trị lập hồ sơ đề nghị sửa chữa theo quy định; thủ tục được giải quyết trong 15 ngày.",),
      intensity=(3, 1, 0), weight=0.4),
    # --- Chủ trương, chính sách, pháp luật
    M("xu-phat-giao-thong", "chinh-sach-phap-luat",
      (A, "Nhân dân {noi} đồng tình với việc tăng mức xử phạt vi phạm giao thông theo Nghị định số 168/2024/NĐ-CP, nhất là vi phạm nồng độ cồn, vượt đèn đỏ; tình trạng chạy ẩu giảm rõ rệt."),
      (N, "Một bộ phận người dân, nhất là người lao động thu nhập thấp, cho rằng mức phạt vi phạm giao thông mới quá cao so với thu nhập; mong tăng tuyên truyền, nhắc nhở trước khi xử phạt ở nông thôn."),
      (U, "Người dân băn khoăn về quy định trẻ em dưới 10 tuổi, cao dưới 1,35 m không được ngồi hàng ghế trước ô tô và việc xử phạt qua hình ảnh camera."),
      between=(D(2025, 1, 2), D(2025, 6, 30)), intensity=(1, 3, 1), wide=True, weight=1.4),
    M("bang-gia-dat", "chinh-sach-phap-luat",
      "Người dân {noi} quan tâm bảng giá đất mới áp dụng từ ngày 01/01/2026; nhiều ý kiến lo tiền sử dụng đất khi chuyển mục đích, thuế, phí trước bạ tăng cao so với trước.",
      "Một số hộ {ap} phải tạm dừng thủ tục chuyển mục đích sử dụng đất vì số tiền phải nộp theo bảng giá mới tăng gấp nhiều lần; mong có chính sách giảm, giãn nộp cho người có nhu cầu đất ở thật.",
      (U, "Nhiều ý kiến cho rằng bảng giá đất sát giá thị trường sẽ bảo đảm quyền lợi người dân khi bị thu hồi đất, nhưng cần có lộ trình phù hợp."),
      proposals=("Đề nghị xem xét điều chỉnh hệ số đối với đất ở nông thôn; hướng dẫn rõ các trường hợp được ghi nợ tiền sử dụng đất.",),
      bodies=("nnmt",), forward=0.35,
      answers=("Sở đã tổng hợp ý kiến, báo cáo UBND tỉnh xem xét điều chỉnh hệ số đối với đất ở nông thôn; hướng dẫn người dân các trường hợp được ghi nợ tiền sử dụng đất.",),
      between=(D(2026, 1, 2), D(2026, 6, 30)), intensity=(0, 3, 3), wide=True, weight=1.8),
    M("thue-ho-kinh-doanh", "chinh-sach-phap-luat",
      (U, "Hộ kinh doanh ở {cho} băn khoăn khi bỏ thuế khoán, chuyển sang tự kê khai và dùng hóa đơn điện tử; nhiều tiểu thương lớn tuổi không biết sử dụng phần mềm, lo bị phạt."),
      (N, "Tiểu thương {noi} cho rằng việc kê khai doanh thu làm tăng chi phí thuê dịch vụ kế toán; một số hộ tạm ngừng bán hàng để chờ hướng dẫn."),
      proposals=("Đề nghị cơ quan thuế hướng dẫn trực tiếp tại chợ, hỗ trợ miễn phí phần mềm kê khai.",),
      bodies=("thue",), forward=0.4,
      answers=("Đã tổ chức 4 buổi hướng dẫn trực tiếp tại chợ, hỗ trợ cài đặt ứng dụng kê khai và hóa đơn điện tử miễn phí; hộ có doanh thu dưới ngưỡng chịu thuế không phải nộp thuế giá trị gia tăng, thu nhập cá nhân.",),
      between=(D(2026, 1, 2), D(2026, 12, 31)), intensity=(1, 3, 1), wide=True, weight=1.3),
    M("du-lieu-dat-dai", "chinh-sach-phap-luat",
      (A, "Người dân {noi} hưởng ứng chiến dịch làm giàu, làm sạch dữ liệu đất đai; nhiều hộ đã tự cập nhật thông tin giấy chứng nhận qua ứng dụng VNeID."),
      (U, "Một số người cao tuổi {ap} lo lắng vì nhận tin nhắn yêu cầu “cập nhật sổ đỏ lên VNeID trước hạn, nếu không sẽ bị thu hồi”, không biết thật giả."),
      proposals=("Đề nghị thông tin chính thức để người dân không bị lợi dụng, lừa đảo.",),
      bodies=("congan",), forward=0.2,
      answers=("Công an đã thông báo trên loa truyền thanh và mạng xã hội: không có quy định thu hồi đất khi chưa cập nhật dữ liệu; người dân không làm theo tin nhắn lạ.",),
      between=(D(2025, 8, 15), D(2025, 12, 31)), intensity=(2, 3, 0), wide=True),
    M("rut-bhxh", "chinh-sach-phap-luat",
      (U, "Người lao động {noi} băn khoăn về quy định mới hạn chế rút bảo hiểm xã hội một lần từ ngày 01/7/2025; một số người có ý định nghỉ việc để rút trước thời điểm luật có hiệu lực."),
      proposals=("Đề nghị tuyên truyền rõ quyền lợi khi bảo lưu thời gian đóng bảo hiểm xã hội.",),
      bodies=("bhxh",), forward=0.2,
      answers=("Bảo hiểm xã hội đã phối hợp công đoàn tổ chức đối thoại tại doanh nghiệp, giải thích quyền lợi khi bảo lưu thời gian đóng.",),
      tags={"industry"}, between=(D(2025, 2, 1), D(2025, 8, 31)), intensity=(1, 3, 0), wide=True),
    # --- Sắp xếp tổ chức bộ máy, đơn vị hành chính
    M("sap-nhap-tinh", "sap-xep-bo-may",
      (A, "Nhân dân {noi} đồng tình với chủ trương sắp xếp đơn vị hành chính, hợp nhất tỉnh Tây Ninh và tỉnh Long An; cho rằng sẽ mở ra không gian phát triển mới."),
      (U, "Một bộ phận Nhân dân và cán bộ hưu trí băn khoăn về vị trí trung tâm hành chính của tỉnh mới, lo đi lại xa khi giải quyết thủ tục; mong tăng thủ tục trực tuyến."),
      (U, "Người dân {ap} quan tâm tên gọi xã mới, vị trí trụ sở sau sáp nhập; mong muốn giữ tên gọi gắn với lịch sử, truyền thống địa phương."),
      between=(D(2025, 3, 15), D(2025, 6, 30)), intensity=(0, 2, 2), wide=True, weight=2.5),
    M("doi-giay-to", "sap-xep-bo-may",
      (U, "Người dân {noi} lo phải đổi căn cước, giấy phép lái xe, giấy chứng nhận quyền sử dụng đất sau khi đổi địa chỉ; một số nơi xuất hiện “dịch vụ” nhận làm giấy tờ thu tiền."),
      proposals=("Đề nghị thông tin rộng rãi để người dân biết giấy tờ đã cấp vẫn còn giá trị.",),
      bodies=("congan", "xa"), forward=0.2,
      answers=("Đã thông tin trên loa truyền thanh, mạng xã hội: giấy tờ đã cấp vẫn còn giá trị sử dụng; người dân không phải đổi giấy tờ khi thay đổi địa giới, tên đơn vị hành chính.",),
      handled=("Đã giải thích tại cuộc họp ấp; người dân yên tâm.",),
      between=(D(2025, 6, 1), D(2025, 10, 31)), intensity=(1, 3, 1), wide=True, weight=1.5),
    M("tru-so-xa", "sap-xep-bo-may",
      (N, "Người dân các ấp xa trung tâm {xa} phản ánh trụ sở xã mới cách nhà 15–20 km, đi lại làm thủ tục mất nhiều thời gian; mong duy trì điểm tiếp nhận hồ sơ tại trụ sở cũ."),
      (N, "Trung tâm Phục vụ hành chính công {xa} những ngày đầu vận hành quá tải, người dân chờ đợi lâu; phần mềm có lúc bị lỗi, chậm."),
      (A, "Nhân dân {noi} ghi nhận cán bộ Trung tâm Phục vụ hành chính công xã nhiệt tình, hướng dẫn tận tình; nhiều thủ tục được giải quyết ngay trong ngày."),
      proposals=("Đề nghị bố trí điểm tiếp nhận hồ sơ lưu động, tăng cán bộ hỗ trợ nộp hồ sơ trực tuyến.",),
      paired=True, bodies=("xa",), forward=0.4,
      answers=("UBND xã đã bố trí điểm tiếp nhận hồ sơ tại trụ sở cũ vào thứ Ba, thứ Năm hằng tuần; tăng cường 2 cán bộ hỗ trợ người dân nộp hồ sơ trực tuyến.",
               "UBND xã đã bổ sung 3 quầy tiếp nhận, phối hợp đơn vị cung cấp phần mềm khắc phục lỗi; kết quả được hẹn trả qua tin nhắn.", ""),
      between=(REFORM, D(2026, 3, 31)), intensity=(1, 3, 1), weight=1.6),
    M("can-bo-nghi-viec", "sap-xep-bo-may",
      (U, "Một số cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở ấp băn khoăn về chính sách khi nghỉ việc do sắp xếp, thời gian nhận chế độ theo Nghị định số 178/2024/NĐ-CP."),
      (U, "Cán bộ hưu trí, cựu chiến binh {noi} lo ngại một số cán bộ có năng lực, kinh nghiệm xin nghỉ sớm sau sắp xếp, ảnh hưởng đến việc giải quyết công việc của dân."),
      proposals=("Đề nghị sớm chi trả chế độ cho các trường hợp nghỉ việc.", "Đề nghị có chính sách giữ chân cán bộ có năng lực."),
      paired=True, bodies=("noivu",), forward=0.3,
      answers=("Sở Nội vụ đã thẩm định hồ sơ; các trường hợp nghỉ việc được chi trả chế độ trong tháng {thang_sau}.",
               "Sở Nội vụ đã hướng dẫn các xã rà soát, giữ lại cán bộ có năng lực, kinh nghiệm; việc nghỉ việc được xem xét trên cơ sở đánh giá, sắp xếp vị trí việc làm."),
      between=(D(2025, 3, 1), D(2025, 12, 31)), intensity=(1, 3, 1), wide=True),
    M("chinh-quyen-hai-cap", "sap-xep-bo-may",
      (A, "Nhân dân {noi} đánh giá chính quyền địa phương hai cấp sau {so_thang} tháng vận hành cơ bản thông suốt; thủ tục hành chính được giải quyết ngay tại xã, không phải lên huyện như trước."),
      (U, "Người dân {ap} cho rằng một số thủ tục về đất đai, xây dựng vẫn phải chờ lâu vì cán bộ xã mới tiếp nhận nhiệm vụ, chưa quen việc."),
      between=(D(2025, 9, 1), D(2026, 12, 31)), intensity=(2, 3, 0), wide=True, weight=1.2),
    # --- Xây dựng Đảng, hệ thống chính trị
    M("dai-hoi-tinh", "xay-dung-dang",
      (A, "Cán bộ, đảng viên và Nhân dân {noi} quan tâm, theo dõi Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025–2030; kỳ vọng tỉnh mới phát huy lợi thế cửa khẩu, công nghiệp, nông nghiệp công nghệ cao."),
      (A, "Nhiều ý kiến góp ý dự thảo các văn kiện trình Đại hội XIV của Đảng tập trung vào phòng, chống tham nhũng, lãng phí và chăm lo an sinh xã hội."),
      between=(D(2025, 9, 15), D(2025, 11, 30)), intensity=(1, 3, 0), wide=True, weight=1.3),
    M("dai-hoi-xiv", "xay-dung-dang",
      (A, "Nhân dân {noi} phấn khởi, tin tưởng vào thành công của Đại hội đại biểu toàn quốc lần thứ XIV của Đảng; mong các nghị quyết sớm đi vào cuộc sống, nhất là về phát triển kinh tế, chăm lo đời sống Nhân dân."),
      between=(D(2026, 1, 10), D(2026, 3, 10)), intensity=(1, 3, 0), wide=True, weight=1.3),
    M("bau-cu", "xay-dung-dang",
      (A, "Cử tri {noi} quan tâm cuộc bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026–2031; mong người ứng cử có năng lực, gần dân, dám nói lên tiếng nói của cử tri."),
      (U, "Một số cử tri {ap} mong danh sách, tiểu sử người ứng cử được niêm yết sớm và đầy đủ tại nhà văn hóa ấp để tìm hiểu trước ngày bầu cử."),
      between=(D(2026, 1, 15), D(2026, 3, 14)), intensity=(1, 3, 0), wide=True, weight=1.4),
    M("sau-bau-cu", "xay-dung-dang",
      (A, "Cử tri {noi} phấn khởi đi bầu cử ngày 15/3/2026, đánh giá công tác tổ chức chu đáo, đúng luật; tỷ lệ cử tri đi bầu cao."),
      between=(D(2026, 3, 15), D(2026, 4, 20)), intensity=(1, 3, 0), wide=True, weight=1.2),
    M("tac-phong-can-bo", "xay-dung-dang",
      "Người dân phản ánh một số cán bộ bộ phận tiếp nhận hồ sơ {xa} thái độ chưa niềm nở, hướng dẫn không đầy đủ khiến người dân phải bổ sung hồ sơ nhiều lần.",
      "{ten} ở {ap} phản ánh đến hẹn nhận kết quả nhưng hồ sơ chưa được giải quyết, cán bộ không giải thích lý do.",
      proposals=("Đề nghị chấn chỉnh tác phong, thái độ phục vụ của cán bộ; niêm yết công khai thành phần hồ sơ.",),
      bodies=("xa",), forward=0.5,
      answers=("UBND đã kiểm điểm, nhắc nhở cán bộ; niêm yết công khai thành phần hồ sơ và số điện thoại đường dây nóng để người dân phản ánh.",),
      intensity=(1, 3, 0), weight=0.8),
    # --- Phòng, chống tham nhũng, tiêu cực
    M("ho-ngheo", "tham-nhung-tieu-cuc",
      "Người dân {ap} phản ánh việc bình xét hộ nghèo, hộ cận nghèo năm {nam} chưa khách quan: một số hộ có điều kiện vẫn có tên, trong khi hộ khó khăn thực sự lại không được xét.",
      proposals=("Đề nghị rà soát lại danh sách, công khai kết quả bình xét.",),
      bodies=("xa",), forward=0.7,
      answers=("Đã rà soát lại danh sách, đưa ra khỏi danh sách 3 hộ không đủ điều kiện, bổ sung 2 hộ; công khai kết quả tại nhà văn hóa ấp.",),
      intensity=(0, 3, 1), weight=0.7),
    M("nhung-nhieu", "tham-nhung-tieu-cuc",
      "{ten} ở {ap} phản ánh khi làm thủ tục tách thửa bị gợi ý nộp thêm “chi phí dịch vụ” ngoài quy định để được giải quyết nhanh.",
      proposals=("Đề nghị xác minh, xử lý nghiêm nếu có sai phạm; công khai kết quả cho người phản ánh.",),
      bodies=("thanhtra", "xa"), forward=0.9,
      answers=("Đã xác minh, tạm đình chỉ công tác cán bộ có liên quan để làm rõ; kết quả sẽ được thông báo cho người phản ánh.",
               "Qua xác minh, chưa có căn cứ kết luận cán bộ nhận tiền; đã chấn chỉnh quy trình, hẹn trả kết quả đúng hạn và niêm yết phí, lệ phí."),
      intensity=(0, 1, 2), weight=0.5),
    M("xu-ly-tham-nhung", "tham-nhung-tieu-cuc",
      (A, "Nhân dân {noi} đồng tình cao với việc Trung ương và tỉnh kiên quyết xử lý các vụ án tham nhũng, tiêu cực, kể cả cán bộ cấp cao; cho rằng góp phần củng cố niềm tin vào Đảng."),
      (U, "Dư luận quan tâm việc xử lý trách nhiệm người đứng đầu để xảy ra sai phạm trong quản lý đất đai, đầu tư công; mong công khai kết quả xử lý."),
      intensity=(1, 3, 0), wide=True, weight=0.8),
    M("quy-dong-gop", "tham-nhung-tieu-cuc",
      "Người dân {ap} phản ánh việc thu các khoản đóng góp làm đường, quỹ quốc phòng - an ninh chưa công khai thu chi; mong Ban Nhân dân ấp báo cáo trước Nhân dân.",
      proposals=("Đề nghị Ban Thanh tra nhân dân kiểm tra, công khai thu chi tại cuộc họp dân.",),
      bodies=("xa", "mttq"), forward=0.6,
      answers=("Ban Thanh tra nhân dân đã kiểm tra; Ban Nhân dân ấp đã công khai quyết toán thu chi tại cuộc họp dân, các khoản đóng góp thực hiện trên tinh thần tự nguyện.",),
      tags={"rural"}, intensity=(1, 3, 0), weight=0.6),
]  # fmt: skip

# Sentences that may follow the text, by tendency.
AFTER = {
    N: ["Một số người dân bức xúc, cho biết sẽ gửi đơn lên cấp trên nếu không được giải quyết.",
        "Nội dung này được nhiều người chia sẻ trên mạng xã hội.", "Đây là lần thứ hai người dân phản ánh nội dung này.",
        "Ý kiến tập trung ở người cao tuổi và hộ sản xuất nông nghiệp."],
    U: ["Nhiều người chưa nắm rõ quy định nên còn băn khoăn.", "Người dân mong được thông tin, giải thích cụ thể.",
        "Nội dung này được bàn tán nhiều trong khu dân cư."],
    A: ["Đây là tâm trạng chung của đa số cán bộ, đảng viên và Nhân dân.", "Nhiều ý kiến mong tiếp tục duy trì, nhân rộng.",
        "Không khí phấn khởi, tin tưởng."],
}  # fmt: skip
WATCHED = ["Vụ việc chưa dứt điểm, tiếp tục theo dõi.", "Người dân chưa đồng tình với nội dung trả lời; tiếp tục theo dõi, vận động.",
           "Giao Ban Nhân dân ấp nắm tình hình, báo cáo định kỳ.", ""]  # fmt: skip
RESOLVED = ["Đã giải quyết xong, người dân không còn ý kiến.",
            "Qua nắm tình hình, Nhân dân đồng tình với kết quả giải quyết.", ""]  # fmt: skip
EXPLAINED = ["Đã giải thích, vận động; người dân đồng tình.", "Ban Nhân dân ấp đã gặp gỡ, giải thích cho người dân.",
             "Đã thông tin đầy đủ tại cuộc họp dân; người dân thống nhất.",
             "Chi bộ đã phân công đảng viên gặp gỡ, vận động các hộ; tình hình ổn định.",
             "Đã báo cáo cấp ủy; nội dung được giải quyết tại cơ sở.", ""]  # fmt: skip
# How a clerk may begin the summary, by source; the text's first word is then lowercased (see `_begin`).
OPENERS = {
    Source.COLLABORATOR: ["Qua nắm tình hình, ", "Theo cộng tác viên, "],
    Source.BRIEFING: ["Tại buổi giao ban, ", "Qua nắm tình hình ở cơ sở, "],
    Source.RECEPTION: ["Tại buổi tiếp công dân, ", "Qua tiếp xúc cử tri, "],
    Source.FRONT: ["Qua tổng hợp ý kiến của Mặt trận, đoàn thể, ", "Theo thông tin từ hội viên, "],
    Source.PRESS: ["Theo thông tin trên báo chí, "],
    Source.CYBERSPACE: ["Trên không gian mạng, ", "Theo bài đăng trên mạng, "],
    Source.OTHER: ["Qua đường dây nóng, ", "Qua nắm tình hình, "],
}
KEEP_CAPITAL = ("Nhân dân", "Trường", "Trung tâm", "UBND", "Ủy ban", "Ban ", "Đoàn", "Hội", "Công ty", "Báo", "Cử tri")

# ---------------------------------------------------------------------------------------------------------
# Collaborators
# ---------------------------------------------------------------------------------------------------------

FAMILY = ["Nguyễn"] * 10 + ["Trần"] * 4 + ["Lê"] * 3 + ["Phạm", "Phạm", "Huỳnh", "Huỳnh", "Võ", "Võ", "Phan", "Trương",
          "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lâm", "Lý", "Đoàn", "Mai", "Châu", "Tô", "Thái", "Đinh"]  # fmt: skip
MALE_MIDDLE = ["Văn", "Văn", "Minh", "Hữu", "Quốc", "Thanh", "Công", "Đức", "Hoàng", "Tấn", "Phước", "Ngọc"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Ngọc", "Kim", "Thanh", "Thu", "Bích", "Mỹ", "Thúy"]
MALE_GIVEN = ["Bình", "Cường", "Dũng", "Hùng", "Nam", "Phúc", "Sơn", "Trung", "Tuấn", "Hải", "Lộc", "Tài", "Thắng",
              "Nghĩa", "Hiếu", "Khang", "Phong", "Long", "Tâm", "Toàn", "Lợi", "Hậu", "Tín", "Thiện", "Vinh", "Đạt"]  # fmt: skip
FEMALE_GIVEN = ["Hà", "Hạnh", "Lan", "Mai", "Thảo", "Vân", "Yến", "Hương", "Trang", "Nhung", "Loan", "Diễm", "Phượng",
                "Thủy", "Hằng", "Ngân", "Linh", "Tuyết", "Hồng", "Nga", "Mến", "Trinh"]  # fmt: skip

# (position, topic code or None for every field); {ap} a hamlet, {xa} the commune, {short} its short name.
COMMUNE_POSITIONS = [
    ("Bí thư Chi bộ {ap}", None), ("Trưởng {ap}", "dat-dai-moi-truong"), ("Trưởng Ban Công tác Mặt trận {ap}", None),
    ("Chi hội trưởng Chi hội Nông dân {ap}", "kinh-te-doi-song"), ("Chi hội trưởng Chi hội Phụ nữ {ap}", "van-hoa-xa-hoi"),
    ("Chi hội trưởng Chi hội Cựu chiến binh {ap}", "an-ninh-trat-tu"), ("Giáo viên Trường Tiểu học {short}", "y-te-giao-duc"),
    ("Viên chức Trạm Y tế {xa}", "y-te-giao-duc"), ("Người có uy tín trong cộng đồng, {ap}", None),
    ("Đảng viên hưu trí, {ap}", "xay-dung-dang"), ("Phó Chủ tịch Ủy ban MTTQ Việt Nam {xa}", None),
    ("Bí thư Đoàn Thanh niên {xa}", "van-hoa-xa-hoi"), ("Giám đốc Hợp tác xã nông nghiệp {short}", "kinh-te-doi-song"),
    ("Tiểu thương chợ {short}", "kinh-te-doi-song"), ("Công an viên {ap}", "an-ninh-trat-tu"),
    ("Phó Chủ tịch Hội Cựu chiến binh {xa}", "xay-dung-dang"),
]  # fmt: skip
DISTRICT_POSITIONS = [
    ("Phó Trưởng Ban Dân vận {huyen}", None), ("Chuyên viên Ban Tuyên giáo {huyen}", "chinh-sach-phap-luat"),
    ("Phó Chủ tịch Ủy ban MTTQ Việt Nam {phrase}", None), ("Phó Trưởng phòng Tài nguyên và Môi trường {phrase}", "dat-dai-moi-truong"),
    ("Bí thư Đảng ủy {xa_cu}", None), ("Chủ tịch Hội Nông dân {xa_cu}", "kinh-te-doi-song"),
    ("Hiệu trưởng Trường THCS {short_cu}", "y-te-giao-duc"), ("Trưởng Công an {xa_cu}", "an-ninh-trat-tu"),
    ("Chủ tịch Hội Cựu chiến binh {phrase}", "xay-dung-dang"), ("Bí thư Chi bộ {ap}, {xa_cu}", None),
]  # fmt: skip
PROVINCE_POSITIONS_BEFORE = [
    ("Phó Trưởng phòng Tuyên truyền, Ban Tuyên giáo Tỉnh ủy", None), ("Phóng viên Báo Tây Ninh", None),
    ("Giảng viên Trường Chính trị tỉnh", "xay-dung-dang"), ("Chuyên viên Sở Tài nguyên và Môi trường", "dat-dai-moi-truong"),
    ("Phó Chủ tịch Hội Nông dân tỉnh", "kinh-te-doi-song"), ("Trưởng ban Tuyên giáo Hội Liên hiệp Phụ nữ tỉnh", "van-hoa-xa-hoi"),
    ("Chuyên viên Sở Thông tin và Truyền thông", "chinh-sach-phap-luat"), ("Bác sĩ Bệnh viện Đa khoa tỉnh", "y-te-giao-duc"),
    ("Luật sư, Đoàn Luật sư tỉnh", "chinh-sach-phap-luat"), ("Cán bộ hưu trí, Hội Cựu giáo chức tỉnh", None),
    ("Phó Chánh Văn phòng Liên đoàn Lao động tỉnh", "kinh-te-doi-song"), ("Chức sắc tôn giáo, Ủy viên Ủy ban MTTQ Việt Nam tỉnh", "ton-giao-dan-toc"),
    ("Doanh nhân, Hội Doanh nhân trẻ tỉnh", "kinh-te-doi-song"), ("Cán bộ Phòng An ninh chính trị nội bộ, Công an tỉnh", "an-ninh-trat-tu"),
]  # fmt: skip
PROVINCE_POSITIONS_AFTER = [
    ("Chuyên viên Phòng Tuyên truyền, Ban Tuyên giáo và Dân vận Tỉnh ủy", None), ("Phóng viên Báo và Phát thanh, Truyền hình Tây Ninh", None),
    ("Giảng viên Trường Chính trị tỉnh", "xay-dung-dang"), ("Chuyên viên Sở Nông nghiệp và Môi trường", "dat-dai-moi-truong"),
    ("Phó Chủ tịch Hội Nông dân tỉnh", "kinh-te-doi-song"), ("Trưởng ban Tuyên giáo Hội Liên hiệp Phụ nữ tỉnh", "van-hoa-xa-hoi"),
    ("Chuyên viên Sở Khoa học và Công nghệ", "chinh-sach-phap-luat"), ("Bác sĩ Bệnh viện Đa khoa tỉnh", "y-te-giao-duc"),
    ("Luật sư, Đoàn Luật sư tỉnh", "chinh-sach-phap-luat"), ("Cán bộ hưu trí, Hội Cựu giáo chức tỉnh", None),
    ("Phó Chánh Văn phòng Liên đoàn Lao động tỉnh", "kinh-te-doi-song"), ("Chức sắc tôn giáo, Ủy viên Ủy ban MTTQ Việt Nam tỉnh", "ton-giao-dan-toc"),
    ("Doanh nhân, Hội Doanh nhân trẻ tỉnh", "kinh-te-doi-song"), ("Cán bộ Phòng An ninh chính trị nội bộ, Công an tỉnh", "an-ninh-trat-tu"),
    ("Chuyên viên Sở Dân tộc và Tôn giáo", "ton-giao-dan-toc"), ("Chuyên viên Sở Xây dựng", "giai-phong-mat-bang"),
    ("Hiệu trưởng Trường THPT chuyên Hoàng Lê Kha", "y-te-giao-duc"), ("Nhà báo, Hội Nhà báo tỉnh", None),
    ("Phó Giám đốc Trung tâm Phát triển quỹ đất tỉnh", "giai-phong-mat-bang"), ("Kiểm sát viên, Viện Kiểm sát nhân dân tỉnh", "tham-nhung-tieu-cuc"),
]  # fmt: skip

# ---------------------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------------------

SOURCE_WEIGHTS = {  # collaborator, briefing, reception, front, press, cyberspace, other
    "commune": (30, 18, 14, 18, 3, 10, 7),
    "district": (28, 22, 12, 18, 6, 8, 6),
    "commission": (22, 10, 4, 12, 20, 28, 4),
}
SOURCES = [
    Source.COLLABORATOR,
    Source.BRIEFING,
    Source.RECEPTION,
    Source.FRONT,
    Source.PRESS,
    Source.CYBERSPACE,
    Source.OTHER,
]
PRESS = ["Báo Tuổi Trẻ", "Báo Thanh Niên", "Báo Người Lao Động", "Báo Pháp Luật TP. Hồ Chí Minh", "Báo Sài Gòn Giải Phóng",
         "Báo Lao Động", "Báo Tiền Phong", "Báo điện tử VnExpress", "Báo Dân trí"]  # fmt: skip
FB_GROUPS = [("Hội những người yêu Tây Ninh", "hoinhungnguoiyeutayninh", "tn"), ("Cộng đồng Trảng Bàng", "congdongtrangbang", "tn"),
             ("Người Hòa Thành", "nguoihoathanh.tn", "tn"), ("Cộng đồng Bến Cầu – Tây Ninh", "congdongbencau", "tn"),
             ("Tân Châu quê tôi", "tanchauquetoi", "tn"), ("Góc nhìn Long An", "gocnhinlongan", "la"),
             ("Đức Hòa – Hậu Nghĩa online", "duchoahaunghia.online", "la"), ("Chợ Bến Lức online", "chobenluconline", "la"),
             ("Cần Giuộc – Cần Đước 24h", "cangiuoccanduoc24h", "la"), ("Tây Ninh 24h – Tin tức địa phương", "tayninh24h.tintuc", None)]  # fmt: skip
FB_PAGES = [("Tin nóng miền Tây 24h", "tinnongmientay24h"), ("Tây Ninh Review", "tayninhreview.page"),
            ("Chuyện xóm miền Đông", "chuyenxommiendong")]  # fmt: skip
TIKTOK = ["tayninh.review", "longan.quetoi", "nguoiquebencau", "reviewduchoa", "tintuc.miennam247", "chuyenxommientay",
          "anhbaxe.tayninh", "mientay.doisong"]  # fmt: skip
YOUTUBE = ["Đời sống miền Tây", "Tây Ninh Vlog", "Nông dân Long An TV"]
NEWS_SITES = ["baomoi.com", "tinmoi.vn", "congdongmiennam.net"]
PLATFORMS = [Platform.FACEBOOK, Platform.TIKTOK, Platform.ZALO, Platform.YOUTUBE, Platform.NEWS_SITE, Platform.FORUM]
PLATFORM_WEIGHTS = (45, 22, 12, 7, 9, 5)
REACH = {
    Platform.FACEBOOK: (800, 65_000),
    Platform.TIKTOK: (3_000, 420_000),
    Platform.ZALO: (60, 1_500),
    Platform.YOUTUBE: (1_200, 90_000),
    Platform.NEWS_SITE: (500, 25_000),
    Platform.FORUM: (200, 9_000),
}


# ---------------------------------------------------------------------------------------------------------
# The scripted cases: one matter reported several times, merged into its case
# ---------------------------------------------------------------------------------------------------------


@dataclass
class Report:
    day: dt.date
    source: str
    summary: str
    tendency: str = N
    intensity: str = Intensity.MEDIUM
    detail: str = ""
    by_commission: bool = False  # recorded by the provincial commission (the press, cyberspace watchers)
    platform: str = ""
    link: str = ""
    reach: int | None = None


@dataclass
class Case:
    """A scripted case: where it happened (`place` a commune's short name, "" the province), who recorded
    it (`by` "commune", "district" with `district` its code, or "commission"), its reports (the first is
    the case, the others duplicates merged into it) and its steps."""

    topic: str
    place: str
    by: str
    reports: list[Report]
    steps: list[tuple]  # (action, day, values or comment)
    hot: bool = False
    people: int | None = None
    proposal: str = ""
    district: str = ""


def _cases(hamlet) -> list[Case]:
    """`hamlet(short_name, i)` names a hamlet of a place, so texts and the place agree."""
    lt = [hamlet("Long Thuận", i) for i in range(2)]
    th = [hamlet("Tân Hòa", i) for i in range(2)]
    tc = hamlet("Tân Hội", 0, district="HC706")
    lh = hamlet("Lương Hoà", 0)
    lc = hamlet("Long Chữ", 0, district="HC711")
    return [
        Case("giai-phong-mat-bang", "Long Thuận", "commune", hot=True, people=138, reports=[
            Report(D(2026, 3, 18), Source.COLLABORATOR, f"46 hộ dân {lt[0]} và {lt[1]} có đất bị thu hồi cho dự án đường cao tốc TP. Hồ Chí Minh – Mộc Bài không đồng tình với đơn giá bồi thường đất trồng cây lâu năm (bình quân khoảng 410.000 đồng/m²), cho rằng thấp hơn nhiều so với giá chuyển nhượng thực tế; 12 hộ chưa nhận tiền, chưa bàn giao mặt bằng, nhà thầu phải tạm dừng thi công đoạn dài khoảng 600 m.", intensity=Intensity.HIGH),
            Report(D(2026, 3, 24), Source.FRONT, f"Cử tri {lt[0]} kiến nghị xem xét lại giá bồi thường đất nông nghiệp thuộc dự án đường cao tốc TP. Hồ Chí Minh – Mộc Bài; cho rằng cùng một cánh đồng nhưng đơn giá giữa các thửa chênh lệch, chưa được giải thích rõ.", detail="Ủy ban MTTQ Việt Nam xã Long Thuận tổng hợp ý kiến, kiến nghị cử tri trước kỳ họp HĐND xã"),
            Report(D(2026, 3, 27), Source.PRESS, "Báo điện tử phản ánh một số hộ dân xã Long Thuận chưa đồng thuận giá bồi thường, chưa bàn giao mặt bằng cho dự án cao tốc TP. Hồ Chí Minh – Mộc Bài; bài viết thu hút nhiều bình luận so sánh giá bồi thường với giá đất thị trường.", detail="Báo Người Lao Động, bài “Dân chưa đồng thuận giá bồi thường, cao tốc qua Tây Ninh chậm mặt bằng”, ngày 27/3/2026", by_commission=True),
            Report(D(2026, 3, 29), Source.CYBERSPACE, "Video phát trực tiếp trên Facebook quay cảnh người dân tập trung tại khu đất đang thi công để phản đối giá bồi thường; nhiều bình luận mang tính kích động, quy chụp chính quyền “ép dân”.", intensity=Intensity.HIGH, detail="Nhóm Facebook “Cộng đồng Bến Cầu – Tây Ninh”", by_commission=True, platform=Platform.FACEBOOK, link="https://www.facebook.com/groups/congdongbencau/posts/1893270416625518/", reach=41_300),
        ], steps=[
            ("forward", D(2026, 3, 20), {"forwarded_to": "UBND xã Long Thuận; Hội đồng bồi thường, hỗ trợ và tái định cư xã Long Thuận", "answer_due": D(2026, 4, 4)}),
            ("answer", D(2026, 4, 9), "Ngày 7/4/2026, UBND xã phối hợp Hội đồng bồi thường đối thoại với 46 hộ. Đơn giá được xác định theo giá đất cụ thể UBND tỉnh đã phê duyệt; kiến nghị về giá đã được tổng hợp, đề xuất Sở Nông nghiệp và Môi trường xem xét điều chỉnh hệ số. Sau đối thoại, 34 hộ đồng ý nhận tiền, bàn giao mặt bằng."),
            ("watch", D(2026, 4, 14), "Còn 12 hộ chưa đồng thuận; chuyển Sở Nông nghiệp và Môi trường xem xét giá đất."),
            ("forward", D(2026, 4, 20), {"forwarded_to": "Sở Nông nghiệp và Môi trường", "answer_due": D(2026, 5, 20)}),
            ("answer", D(2026, 6, 3), "Sở đã thẩm định, trình UBND tỉnh phê duyệt điều chỉnh hệ số giá đất cụ thể đối với đất trồng cây lâu năm dọc tuyến, tăng bình quân 16%; các hộ được chi trả bổ sung phần chênh lệch, kể cả hộ đã nhận tiền trước đó."),
            ("resolve", D(2026, 7, 15), "46/46 hộ đã nhận tiền bồi thường bổ sung và bàn giao mặt bằng cho đơn vị thi công."),
        ], proposal="Đề nghị rà soát, điều chỉnh giá đất cụ thể sát giá thị trường; đối thoại trực tiếp với các hộ; hỗ trợ chuyển đổi nghề cho hộ mất trên 30% đất sản xuất."),
        Case("dat-dai-moi-truong", "Tân Hòa", "commune", hot=True, people=360, reports=[
            Report(D(2026, 5, 12), Source.FRONT, f"Khoảng 120 hộ dân {th[0]} và {th[1]} bức xúc vì trại heo quy mô khoảng 8.000 con của Công ty TNHH Chăn nuôi Hưng Thịnh gây mùi hôi nồng nặc, nhất là chiều tối; nước thải tràn ra suối, cá chết. Người dân đã phản ánh nhiều lần, có ý định kéo đến trại yêu cầu dừng hoạt động.", intensity=Intensity.HIGH, detail="Hội Nông dân xã Tân Hòa"),
            Report(D(2026, 5, 9), Source.COLLABORATOR, f"Người dân {th[0]} phản ánh mùi hôi từ trại heo của Công ty TNHH Chăn nuôi Hưng Thịnh tăng mạnh từ khi trại nhập thêm heo; nhiều hộ phải đóng cửa cả ngày."),
            Report(D(2026, 5, 14), Source.CYBERSPACE, "Video trên TikTok quay cảnh nước thải màu đen chảy từ trại heo ra suối ở xã Tân Hòa, kèm lời kể của người dân; nhiều bình luận bức xúc, đòi đóng cửa trại.", intensity=Intensity.HIGH, detail="Tài khoản TikTok @tayninh.review", by_commission=True, platform=Platform.TIKTOK, link="https://www.tiktok.com/@tayninh.review/video/7503318846251992337", reach=126_400),
            Report(D(2026, 10, 21), Source.RECEPTION, f"Tại buổi tiếp công dân, đại diện các hộ {th[1]} phản ánh mùi hôi từ trại heo của Công ty TNHH Chăn nuôi Hưng Thịnh tái diễn sau các đợt mưa lớn, dù trại đã cải tạo hệ thống xử lý.", detail="Tiếp công dân định kỳ của Bí thư Đảng ủy xã Tân Hòa"),
        ], steps=[
            ("forward", D(2026, 5, 13), {"forwarded_to": "UBND xã Tân Hòa; Sở Nông nghiệp và Môi trường", "answer_due": D(2026, 5, 28)}),
            ("answer", D(2026, 6, 4), "Đoàn kiểm tra liên ngành đã kiểm tra trại ngày 22/5/2026, lấy mẫu nước thải: 4 chỉ tiêu vượt quy chuẩn. Công ty bị xử phạt 185 triệu đồng, đình chỉ nhập heo mới 3 tháng, buộc cải tạo hệ thống xử lý nước thải, trồng cây xanh cách ly, hoàn thành trước ngày 30/8/2026."),
            ("watch", D(2026, 6, 8), "Giao UBND xã theo dõi việc khắc phục của công ty, báo cáo hằng tháng."),
        ], proposal="Đề nghị kiểm tra, xử lý nghiêm; buộc công ty cải tạo hệ thống xử lý nước thải, không cho tăng đàn khi chưa khắc phục."),
        Case("dat-dai-moi-truong", "Tân Hội", "district", district="HC706", hot=True, people=240, reports=[
            Report(D(2025, 2, 10), Source.COLLABORATOR, f"Người dân {tc}, xã Tân Hội phản ánh nhà máy chế biến tinh bột mì Phước An xả nước thải có mùi chua ra suối vào ban đêm; nước suối chuyển màu đen, cá chết, khoảng 85 hộ không thể lấy nước tưới mì và cao su.", intensity=Intensity.HIGH),
            Report(D(2025, 2, 12), Source.FRONT, "Hội Nông dân xã Tân Hội tổng hợp ý kiến hội viên về ô nhiễm suối do nhà máy tinh bột mì Phước An xả thải; hội viên đề nghị kiểm tra, xử lý dứt điểm trước vụ thu hoạch mì.", detail="Hội Nông dân xã Tân Hội"),
            Report(D(2025, 2, 14), Source.PRESS, "Báo phản ánh tình trạng nhà máy tinh bột mì ở huyện Tân Châu xả thải ra suối gây ô nhiễm, ảnh hưởng sản xuất của người dân xã Tân Hội.", detail="Báo Tây Ninh, ngày 14/2/2025"),
        ], steps=[
            ("forward", D(2025, 2, 11), {"forwarded_to": "UBND huyện Tân Châu; Sở Tài nguyên và Môi trường", "answer_due": D(2025, 2, 26)}),
            ("answer", D(2025, 2, 27), "Đoàn kiểm tra liên ngành ngày 18/2/2025 phát hiện nhà máy xả nước thải qua đường ống ngầm không qua hệ thống xử lý; đã lập biên bản, đề nghị xử phạt 320 triệu đồng, buộc dừng xả thải và khắc phục hậu quả."),
            ("resolve", D(2025, 5, 20), "Nhà máy đã cải tạo xong hệ thống xử lý nước thải; kết quả quan trắc tháng 5/2025 đạt quy chuẩn, người dân không còn phản ánh."),
        ], proposal="Đề nghị kiểm tra đột xuất ban đêm, xử lý nghiêm; buộc nhà máy bồi thường thiệt hại cho các hộ bị ảnh hưởng."),
        Case("sap-xep-bo-may", "", "commission", reports=[
            Report(D(2025, 7, 8), Source.CYBERSPACE, "Trang Facebook đăng thông tin sai sự thật: sau khi sắp xếp đơn vị hành chính, người dân phải đổi toàn bộ căn cước, giấy chứng nhận quyền sử dụng đất trước ngày 31/12/2025, quá hạn bị phạt; kèm số điện thoại nhận làm “dịch vụ” với giá 500.000–2.000.000 đồng mỗi hồ sơ.", tendency=U, intensity=Intensity.HIGH, detail="Trang Facebook “Tin nóng miền Tây 24h”", platform=Platform.FACEBOOK, link="https://www.facebook.com/tinnongmientay24h/posts/1267734918736402", reach=58_700),
            Report(D(2025, 7, 9), Source.COLLABORATOR, "Nhiều người dân hỏi cán bộ ấp có phải đổi giấy tờ sau sáp nhập hay không, vì đọc được tin trên mạng; một số người đã liên hệ “dịch vụ” và nộp tiền cọc.", tendency=U),
            Report(D(2025, 7, 10), Source.CYBERSPACE, "Tin nhắn “phải đổi sổ đỏ, căn cước sau sáp nhập” được chia sẻ lại trong nhóm Zalo của các ấp, gây hoang mang cho người cao tuổi.", tendency=U, detail="Nhóm Zalo “Bà con ấp Bình Hòa”", platform=Platform.ZALO, link="https://zalo.me/g/qkxbte482", reach=640),
        ], steps=[
            ("forward", D(2025, 7, 9), {"forwarded_to": "Công an tỉnh (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)", "answer_due": D(2025, 7, 19)}),
            ("answer", D(2025, 7, 17), "Đã xác minh chủ trang, mời làm việc; xử phạt vi phạm hành chính 7,5 triệu đồng về hành vi cung cấp thông tin sai sự thật, buộc gỡ bỏ bài viết. Báo, đài của tỉnh đã đăng tin cải chính: giấy tờ đã cấp vẫn còn giá trị sử dụng."),
            ("resolve", D(2025, 7, 25), "Thông tin sai sự thật đã được gỡ bỏ; dư luận ổn định."),
        ], proposal="Đề nghị xác minh, xử lý người đăng tin sai sự thật; thông tin chính thức trên báo, đài và mạng xã hội."),
        Case("dat-dai-moi-truong", "Lương Hoà", "commune", hot=True, people=120, reports=[
            Report(D(2026, 9, 8), Source.COLLABORATOR, f"Đoạn bờ sông Vàm Cỏ Đông qua {lh} sạt lở dài khoảng 70 m, cuốn trôi một phần vườn chanh của 5 hộ; người dân cho rằng nguyên nhân do ghe hút cát hoạt động ban đêm sát bờ. 37 hộ sống dọc bờ sông lo sợ, một số hộ đã tự di dời tài sản.", intensity=Intensity.HIGH),
            Report(D(2026, 9, 12), Source.PRESS, "Báo phản ánh tình trạng ghe hút cát trái phép hoạt động về đêm trên sông Vàm Cỏ Đông đoạn qua xã Lương Hòa, gây sạt lở bờ sông.", detail="Báo Thanh Niên, ngày 12/9/2026", by_commission=True),
            Report(D(2026, 9, 15), Source.FRONT, "Ban Công tác Mặt trận ấp phản ánh người dân đã tự tổ chức canh ghe hút cát ban đêm, có nguy cơ xảy ra xô xát với người trên ghe.", detail="Ủy ban MTTQ Việt Nam xã Lương Hòa"),
        ], steps=[
            ("forward", D(2026, 9, 10), {"forwarded_to": "Sở Nông nghiệp và Môi trường; Công an tỉnh", "answer_due": D(2026, 10, 10)}),
        ], proposal="Đề nghị tuần tra, bắt giữ phương tiện khai thác cát trái phép; khảo sát, bố trí vốn kè khẩn cấp đoạn sạt lở, hỗ trợ các hộ phải di dời."),
        Case("kinh-te-doi-song", "Trảng Bàng", "commune", hot=True, people=850, reports=[
            Report(D(2026, 1, 12), Source.FRONT, "Khoảng 850 công nhân Công ty TNHH May mặc Hoàng Long ngừng việc tập thể, đề nghị tăng phụ cấp chuyên cần, trả thưởng Tết đúng hạn và không cắt giờ tăng ca trước Tết; công nhân tập trung trước cổng công ty.", intensity=Intensity.HIGH, detail="Công đoàn cơ sở Công ty TNHH May mặc Hoàng Long"),
            Report(D(2026, 1, 12), Source.CYBERSPACE, "Video công nhân tập trung trước cổng Công ty TNHH May mặc Hoàng Long được chia sẻ trên TikTok, kèm bình luận cho rằng công ty “quỵt thưởng Tết”.", intensity=Intensity.HIGH, detail="Tài khoản TikTok @tintuc.miennam247", by_commission=True, platform=Platform.TIKTOK, link="https://www.tiktok.com/@tintuc.miennam247/video/7594012275518227733", reach=88_000),
            Report(D(2026, 1, 13), Source.PRESS, "Báo đưa tin hàng trăm công nhân một doanh nghiệp may ở phường Trảng Bàng ngừng việc, đòi quyền lợi dịp Tết.", detail="Báo Lao Động, ngày 13/1/2026", by_commission=True),
        ], steps=[
            ("forward", D(2026, 1, 12), {"forwarded_to": "Liên đoàn Lao động tỉnh; Sở Nội vụ", "answer_due": D(2026, 1, 19)}),
            ("answer", D(2026, 1, 16), "Đã phối hợp tổ chức đối thoại giữa công ty và người lao động; công ty đồng ý tăng phụ cấp chuyên cần 150.000 đồng/tháng, chi thưởng Tết bình quân 1,2 tháng lương trước ngày 5/2/2026. Công nhân trở lại làm việc từ ngày 15/1/2026."),
            ("resolve", D(2026, 2, 6), "Công ty đã chi thưởng Tết đúng cam kết; quan hệ lao động ổn định."),
        ], proposal="Đề nghị công đoàn cấp trên và cơ quan quản lý lao động tổ chức đối thoại, bảo đảm quyền lợi người lao động."),
        Case("dat-dai-moi-truong", "Long Chữ", "district", district="HC711", people=65, reports=[
            Report(D(2025, 4, 8), Source.BRIEFING, f"Tại giao ban Khối dân vận huyện, Đảng ủy xã Long Chữ phản ánh xe tải chở đất san lấp cho công trình chạy liên tục trên đường tỉnh 786 qua {lc}, gây bụi, hư hỏng mặt đường; người dân đã chặn xe một lần để phản đối.", detail="Giao ban Khối dân vận huyện Bến Cầu tháng 4/2025"),
            Report(D(2025, 4, 7), Source.COLLABORATOR, f"Bà con {lc} bức xúc vì bụi từ xe chở đất, nhà cửa, quán ăn ven đường phủ bụi đỏ; trẻ em đi học phải đeo khẩu trang."),
            Report(D(2025, 4, 10), Source.CYBERSPACE, "Bài đăng kèm hình ảnh đoạn đường tỉnh 786 bụi mù, xe tải nối đuôi, thu hút nhiều bình luận đề nghị chính quyền vào cuộc.", detail="Nhóm Facebook “Cộng đồng Bến Cầu – Tây Ninh”", platform=Platform.FACEBOOK, link="https://www.facebook.com/groups/congdongbencau/posts/1462093751248306/", reach=12_800),
        ], steps=[
            ("forward", D(2025, 4, 9), {"forwarded_to": "UBND huyện Bến Cầu; Sở Xây dựng", "answer_due": D(2025, 4, 24)}),
            ("answer", D(2025, 5, 6), "Công an huyện phối hợp Thanh tra Sở Xây dựng lập chốt kiểm tra tải trọng, xử lý 27 trường hợp; nhà thầu cam kết tưới nước giảm bụi 3 lần/ngày và sửa chữa các đoạn hư hỏng."),
            ("resolve", D(2025, 6, 12), "Nhà thầu đã sửa chữa mặt đường, tưới nước thường xuyên; người dân không còn phản ánh."),
        ], proposal="Đề nghị kiểm tra tải trọng, buộc nhà thầu che phủ thùng xe, tưới nước giảm bụi và sửa chữa mặt đường."),
        Case("tham-nhung-tieu-cuc", "Tân An", "commune", reports=[
            Report(D(2026, 9, 15), Source.CYBERSPACE, "Bài đăng trong nhóm phụ huynh liệt kê các khoản thu đầu năm học của một trường tiểu học trên địa bàn phường Tân An, khoảng 1,8 triệu đồng/học sinh, gồm cả tiền lắp máy lạnh và “quỹ hội”; nhiều phụ huynh bình luận đồng tình.", intensity=Intensity.MEDIUM, detail="Nhóm Facebook “Góc nhìn Long An”", platform=Platform.FACEBOOK, link="https://www.facebook.com/groups/gocnhinlongan/posts/2316840925573301/", reach=9_400),
            Report(D(2026, 9, 17), Source.RECEPTION, "Hai phụ huynh đến trụ sở phản ánh việc ban đại diện cha mẹ học sinh ấn định mức đóng góp lắp máy lạnh 450.000 đồng/học sinh.", detail="Tiếp công dân tại Trụ sở UBND phường Tân An"),
        ], steps=[
            ("forward", D(2026, 9, 16), {"forwarded_to": "UBND phường Tân An", "answer_due": D(2026, 9, 30)}),
            ("answer", D(2026, 9, 28), "Đã kiểm tra, yêu cầu nhà trường dừng thu khoản lắp máy lạnh, hoàn trả cho 312 phụ huynh đã nộp; kiểm điểm trách nhiệm Hiệu trưởng; công khai các khoản thu đúng quy định."),
            ("resolve", D(2026, 10, 9), "Nhà trường đã hoàn trả đủ tiền cho phụ huynh."),
        ], proposal="Đề nghị kiểm tra các khoản thu đầu năm học, hoàn trả các khoản thu sai quy định."),
    ]  # fmt: skip

package vn.bhxh.cms.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data sets of the plan's report templates (seed 000, after part VII item 7.10): the columns of form 03 and form 04
 * as the half-year/year outline assigns them ("Số liệu chi tiết tại cột số …"), and the narrative sections of the
 * monthly and of the half-year/year report. Form 03 is part of every report; form 04 of the half-year and year reports.
 */
public final class ReportDataSets {

    private static final Set<PeriodType> ALL = EnumSet.allOf(PeriodType.class);
    private static final Set<PeriodType> LONG = EnumSet.of(PeriodType.HALF_YEAR, PeriodType.YEAR);
    private static final Set<PeriodType> MONTHLY = EnumSet.of(PeriodType.MONTH);

    public static final List<ReportField> FIELDS = List.of(
            // Outline II.3: coordination, conferences, small groups (columns 2–8).
            f03("2", "Số đơn vị phối hợp truyền thông (ký quy chế, hợp đồng)", "Coordination agreements signed"),
            f03("3", "Số hội nghị truyền thông (phổ biến, tư vấn đối thoại, tập huấn, hội thảo…)", "Communication conferences held"),
            f03("4", "Số người tham dự hội nghị", "Conference attendees"),
            f03("5", "Trong đó: số hội nghị khách hàng (BHXH tự nguyện, BHYT hộ gia đình)", "Of which customer conferences"),
            f03("6", "Số người tham dự hội nghị khách hàng", "Customer conference attendees"),
            f03("7", "Số cuộc truyền thông nhóm nhỏ, gặp trực tiếp", "Small-group and face-to-face sessions"),
            f03("8", "Số lượt người được truyền thông nhóm nhỏ", "People reached in small groups"),
            // II.4: mass media (columns 9 and 16).
            f03("9", "Số tin, bài, phóng sự trên báo, đài", "News items, articles and reports in press and broadcast media"),
            // II.6: Internet and social media (columns 10–14).
            f03("10", "Số trang mạng xã hội của đơn vị (Fanpage, Zalo OA, YouTube…)", "Social pages of the unit"),
            f03("11", "Số hội nghị trực tuyến (livestream, Zoom, điểm cầu…)", "Online events (livestream, video conference)"),
            f03("12", "Số lượt đăng tải, chia sẻ trên Fanpage, Zalo OA của đơn vị", "Posts and shares on the unit's Fanpage and Zalo OA"),
            f03("13", "Số lượt đăng tải, chia sẻ trên YouTube của đơn vị", "Posts and shares on the unit's YouTube channel"),
            f03("14", "Số lượt đăng tải, chia sẻ trên mạng xã hội của công chức, viên chức", "Posts and shares by the unit's staff"),
            // II.7: products (column 15).
            f03("15", "Số sản phẩm truyền thông đã phát hành (theo loại, thời điểm)", "Communication products issued"),
            f03("16", "Số lượt phát thanh trên đài truyền thanh cơ sở", "Broadcasts on commune loudspeakers"),
            f03("16a", "Trong đó: số lượt phát thanh về BHXH tự nguyện", "Of which on voluntary social insurance"),
            // II.5: the provincial portal (columns 17–20).
            f03("17", "Số tin, bài đăng trên Cổng thông tin điện tử", "News items and articles on the portal"),
            f03("18", "Số video, infographic đăng trên Cổng thông tin điện tử", "Videos and infographics on the portal"),
            f03("19", "Số cuộc giao lưu trực tuyến trên Cổng thông tin điện tử", "Online exchanges on the portal"),
            f03("20", "Số lượt người theo dõi, truy cập", "Followers and visitors"),
            // II.8, II.10, II.12 (form 04).
            f04("1", "Số nhân vật thực tế tham gia truyền thông", "Real-life testimonials"),
            f04("2", "Số đợt, phong trào thiện nguyện tặng sổ BHXH, thẻ BHYT", "Charity drives (social insurance books, health insurance cards)"),
            f04("3", "Số cộng tác viên tuyên truyền", "Communication collaborators"),
            f04("4", "Số văn bản chỉ đạo, hướng dẫn đã ban hành", "Guidance documents issued"),
            f04("5", "Số cuộc kiểm tra, hướng dẫn", "Inspections and guidance visits"),
            f04("6", "Số BHXH quận, huyện được kiểm tra, hướng dẫn", "District offices inspected"),
            f04("7", "Số người tham gia BHXH bắt buộc tăng thêm", "Growth in compulsory social insurance participants"),
            f04("8", "Số người tham gia BHXH tự nguyện tăng thêm", "Growth in voluntary social insurance participants"),
            f04("9", "Số người tham gia BHYT tăng thêm", "Growth in health insurance participants"),
            // The monthly narrative.
            text("highlights", "Hoạt động truyền thông nổi bật; cách làm hay, sáng tạo, hiệu quả", "Highlights and good practice", MONTHLY),
            text("difficulties", "Khó khăn, vướng mắc", "Difficulties", ALL),
            text("proposals", "Đề xuất, kiến nghị", "Proposals", ALL),
            // The half-year/year outline (I, II.1–2, II.12, III, IV, V).
            text("situation", "Tình hình chung (đặc điểm, thuận lợi, khó khăn)", "General situation", LONG),
            text("leadership", "Công tác báo cáo, tham mưu cấp ủy, chính quyền", "Advice to local leadership", LONG),
            text("results", "Đánh giá chung: kết quả đạt được", "Overall assessment: results", LONG),
            text("goodPractice", "Các cách làm hay, hình thức truyền thông hiệu quả", "Good practice", LONG),
            text("nextPlan", "Kế hoạch truyền thông 6 tháng/năm tiếp theo", "Plan for the next half-year/year", LONG),
            text("solutions", "Giải pháp đẩy mạnh công tác truyền thông", "Solutions", LONG));

    private static final Map<String, ReportField> BY_KEY = index();

    private ReportDataSets() {
    }

    public static Optional<ReportField> field(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    public static List<ReportField> fields(PeriodType type) {
        return FIELDS.stream().filter(f -> f.in(type)).toList();
    }

    public static List<ReportField> numeric(PeriodType type) {
        return FIELDS.stream().filter(f -> f.numeric() && f.in(type)).toList();
    }

    public static List<ReportField> numericOf(ReportForm form) {
        return FIELDS.stream().filter(f -> f.numeric() && f.form() == form).toList();
    }

    public static String key(ReportForm form, String column) {
        return (form == ReportForm.FORM_03 ? "f03c" : "f04c") + column;
    }

    private static ReportField f03(String column, String vi, String en) {
        return new ReportField(key(ReportForm.FORM_03, column), ReportForm.FORM_03, column, vi, en, true, ALL);
    }

    private static ReportField f04(String column, String vi, String en) {
        return new ReportField(key(ReportForm.FORM_04, column), ReportForm.FORM_04, column, vi, en, true, LONG);
    }

    private static ReportField text(String key, String vi, String en, Set<PeriodType> periods) {
        return new ReportField(key, ReportForm.NARRATIVE, "", vi, en, false, periods);
    }

    private static Map<String, ReportField> index() {
        Map<String, ReportField> byKey = new LinkedHashMap<>();
        new ArrayList<>(FIELDS).forEach(f -> byKey.put(f.key(), f));
        return Map.copyOf(byKey);
    }
}

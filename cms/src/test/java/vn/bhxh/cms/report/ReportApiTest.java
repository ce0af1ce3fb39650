package vn.bhxh.cms.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.publisher.connector.facebook.FacebookChannel;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.PublishJob;

/** A province's month of reporting over real HTTP: communes, broadcasts, prefill, bad input, workflow, the centre's view. */
@CmsIntegrationTest
class ReportApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    JobStore jobs;

    ApiClient admin;
    ApiClient centre;

    @BeforeEach
    void users() {
        Await.until(indices::isReady, Duration.ofSeconds(120), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        centre = TestUsers.ensure(port, admin, "bc-trung-tam", "[\"APPROVER\"]", "{}");
    }

    @Test
    void aMonthIsLoggedPrefilledSubmittedReturnedFixedAndAccepted() {
        ApiClient staff = TestUsers.ensure(port, admin, "bc-ha-noi", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"HN\"}");
        ApiClient signer = TestUsers.ensure(port, admin, "bc-ha-noi-duyet", "[\"REPORT_APPROVER\"]", "{\"province\":\"HN\"}");
        ApiClient otherProvince = TestUsers.ensure(port, admin, "bc-cao-bang", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"CB\"}");

        // Communes from CSV; a bad row is named and nothing is saved.
        HttpResponse<String> bad = csv(staff, "/api/v1/reports/org-units/HN/communes/import", "code,name\nX1,Xã Một\n,Không mã\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("hàng 3, cột 1").contains("Mã xã phải có");
        assertThat(staff.get("/api/v1/reports/org-units/HN/communes").body()).doesNotContain("X1");
        HttpResponse<String> imported = csv(staff, "/api/v1/reports/org-units/HN/communes/import",
                "code,name\nHN-BD,Phường Ba Đình\nHN-HK,\"Phường Hoàn Kiếm\"\nHN-SS,Xã Sóc Sơn\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Json.parse(imported.body())).hasSize(3);
        assertThat(csv(otherProvince, "/api/v1/reports/org-units/HN/communes/import", "code,name\nA,B\n").statusCode()).isEqualTo(403);

        // Broadcasts of two radio files of the catalogue (one on voluntary social insurance) today.
        String voluntary = radioFile(staff, "VOLUNTARY_SI", "File phát thanh BHXH tự nguyện");
        String compulsory = radioFile(staff, "COMPULSORY_SI", "File phát thanh BHXH bắt buộc");
        String today = LocalDate.now(ReportPeriod.VIETNAM).toString();
        HttpResponse<String> logged = staff.post("/api/v1/reports/broadcasts/HN", "[" + broadcast("HN-BD", today, voluntary, 2) + ","
                + broadcast("HN-BD", today, compulsory, 3) + "," + broadcast("HN-HK", today, compulsory, 5) + "]");
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        HttpResponse<String> badLog = staff.post("/api/v1/reports/broadcasts/HN", "[" + broadcast("KHONG-CO", today, voluntary, 0) + "]");
        assertThat(badLog.statusCode()).isEqualTo(400);
        assertThat(badLog.body()).contains("entries[0].commune").contains("entries[0].times");
        String week = BroadcastWeek.code(LocalDate.now(ReportPeriod.VIETNAM));
        JsonNode weekView = Json.parse(staff.get("/api/v1/reports/broadcasts/HN/weeks/" + week).body());
        assertThat(weekView.get("communes")).hasSize(3);
        List<String> below = new ArrayList<>();
        weekView.get("belowTarget").forEach(c -> below.add(c.get("code").asString()));
        // Ba Đình: 5 with 2 on voluntary SI; Hoàn Kiếm: 5 but none on voluntary SI; Sóc Sơn: none.
        assertThat(below).containsExactly("HN-HK", "HN-SS");

        // The voluntary-SI file is approved this month: a product issued by the province (column 15).
        approve(voluntary, staff);

        // The month's report starts with what the system knows (the log, the catalogue), each value marked with its source.
        String month = currentMonth();
        HttpResponse<String> created = staff.post("/api/v1/reports", "{\"province\":\"HN\",\"period\":\"" + month + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode report = Json.parse(created.body());
        assertThat(report.get("values").get("f03c16").asLong()).isEqualTo(10);
        assertThat(report.get("values").get("f03c16a").asLong()).isEqualTo(2);
        assertThat(report.get("sources").get("f03c16").asString()).contains("Nhật ký phát thanh");
        assertThat(report.get("values").get("f03c15").asLong()).isEqualTo(1);
        assertThat(report.get("sources").get("f03c15").asString()).contains("(1 file phát thanh)").doesNotContain("RADIO_FILE");
        String path = "/api/v1/reports/HN/" + month;

        // Bad input: a second report, a future period, negative numbers and text in number cells, no or an old If-Match.
        HttpResponse<String> twice = staff.post("/api/v1/reports", "{\"province\":\"HN\",\"period\":\"" + month + "\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("Hà Nội đã có báo cáo kỳ " + month);
        LocalDate next = LocalDate.now(ReportPeriod.VIETNAM).plusMonths(1);
        HttpResponse<String> future = staff.post("/api/v1/reports",
                "{\"province\":\"HN\",\"period\":\"" + ReportPeriod.month(next.getYear(), next.getMonthValue()).code() + "\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("chưa bắt đầu");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> invalid = put(staff, path, etag, "{\"values\":{\"f03c3\":-1,\"f03c9\":\"mười hai\",\"f03c4\":\"120\"}}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(invalid.body()).contains("values.f03c3").contains("Mẫu 03, cột 3").contains("không được là số âm")
                .contains("values.f03c9").contains("phải là số nguyên");
        assertThat(Json.parse(staff.get(path).body()).get("values").has("f03c4")).isFalse();
        assertThat(put(staff, path, null, "{\"values\":{\"f03c3\":1}}").statusCode()).isEqualTo(428);

        HttpResponse<String> edited = put(staff, path, etag,
                "{\"values\":{\"f03c3\":4,\"f03c4\":\"350\",\"f03c9\":12,\"f03c16\":11},\"texts\":{\"highlights\":\"Hội nghị khách hàng tại Sóc Sơn\"}}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        JsonNode saved = Json.parse(edited.body());
        assertThat(saved.get("values").get("f03c4").asLong()).isEqualTo(350);
        // A changed prefilled value is the person's own now.
        assertThat(saved.get("sources").has("f03c16")).isFalse();
        assertThat(saved.get("sources").has("f03c16a")).isTrue();
        HttpResponse<String> stale = put(staff, path, etag, "{\"values\":{\"f03c3\":5}}");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(otherProvince.get(path).statusCode()).isEqualTo(403);

        // Only the province's report approver submits; the centre returns with a reason, the province fixes and resubmits.
        etag = edited.headers().firstValue("ETag").orElseThrow();
        assertThat(step(staff, path, etag, "SUBMIT", null).statusCode()).isEqualTo(403);
        HttpResponse<String> submitted = step(signer, path, etag, "SUBMIT", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(put(staff, path, submitted.headers().firstValue("ETag").orElseThrow(), "{\"values\":{\"f03c3\":5}}").statusCode())
                .isEqualTo(409);
        etag = submitted.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> noReason = step(centre, path, etag, "RETURN", " ");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("cần ghi rõ lý do");
        HttpResponse<String> returned = step(centre, path, etag, "RETURN", "Cột 9 thiếu tin bài trên báo địa phương");
        assertThat(Json.parse(returned.body()).get("state").asString()).isEqualTo("RETURNED");
        assertThat(Json.parse(returned.body()).get("returnComment").asString()).contains("Cột 9");
        HttpResponse<String> fixed = put(staff, path, returned.headers().firstValue("ETag").orElseThrow(), "{\"values\":{\"f03c9\":15}}");
        assertThat(fixed.statusCode()).isEqualTo(200);
        HttpResponse<String> resubmitted = step(signer, path, fixed.headers().firstValue("ETag").orElseThrow(), "SUBMIT", null);
        assertThat(resubmitted.statusCode()).isEqualTo(200);
        assertThat(step(signer, path, resubmitted.headers().firstValue("ETag").orElseThrow(), "ACCEPT", null).statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = step(centre, path, resubmitted.headers().firstValue("ETag").orElseThrow(), "ACCEPT", null);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(Json.parse(accepted.body()).get("state").asString()).isEqualTo("ACCEPTED");

        // Every step is in the report's audit trail.
        List<String> actions = new ArrayList<>();
        Json.parse(centre.get(path + "/audit").body()).forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("REPORT_CREATED", "REPORT_EDITED", "REPORT_SUBMIT", "REPORT_RETURN", "REPORT_ACCEPT");

        // The centre sees who reported, on time or not, and the national totals; a province may not.
        boolean beforeDeadline = LocalDate.now(ReportPeriod.VIETNAM).getDayOfMonth() < 28;
        JsonNode overview = Json.parse(centre.get("/api/v1/reports/overview?period=" + month).body());
        JsonNode hanoi = null;
        for (JsonNode row : overview.get("rows")) {
            if (row.get("province").asString().equals("HN")) {
                hanoi = row;
            }
        }
        assertThat(hanoi.get("status").asString()).isEqualTo(beforeDeadline ? "ON_TIME" : "LATE");
        assertThat(hanoi.get("name").asString()).isEqualTo("Hà Nội");
        assertThat(overview.get("provinces").asInt()).isEqualTo(34);
        assertThat(overview.get("submitted").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(overview.get("totals").get("f03c9").asLong()).isGreaterThanOrEqualTo(15);
        assertThat(staff.get("/api/v1/reports/overview?period=" + month).statusCode()).isEqualTo(403);

        // The API is described in the OpenAPI document.
        assertThat(admin.getAnonymously("/v3/api-docs").body()).contains("/api/v1/reports/{province}/{period}/transitions")
                .contains("/api/v1/reports/broadcasts/{province}/weeks/{week}").contains("/api/v1/reports/overview")
                .contains("/api/v1/reports/{province}/{period}/report.pdf").contains("/api/v1/reports/summary.pdf")
                .contains("/api/v1/reports/org-units/{province}/contacts");
    }

    @Test
    void halfYearStartsWithTheSumOfItsMonthsAndUnusualValuesAreFlagged() {
        ApiClient staff = TestUsers.ensure(port, admin, "bc-da-nang", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"DNG\"}");
        int year = LocalDate.now(ReportPeriod.VIETNAM).getYear() - 1;
        for (int month = 1; month <= 4; month++) {
            String period = ReportPeriod.month(year, month).code();
            HttpResponse<String> created = staff.post("/api/v1/reports", "{\"province\":\"DNG\",\"period\":\"" + period + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> edited = put(staff, "/api/v1/reports/DNG/" + period, created.headers().firstValue("ETag").orElseThrow(),
                    "{\"values\":{\"f03c3\":" + (month == 4 ? 900 : 10 + month) + "}}");
            assertThat(edited.statusCode()).isEqualTo(200);
            JsonNode warnings = Json.parse(edited.body()).get("warnings");
            if (month == 4) {
                // 900 conferences after 11, 12 and 13: a warning, and the value is kept.
                assertThat(warnings).hasSize(1);
                assertThat(warnings.get(0).get("field").asString()).isEqualTo("values.f03c3");
                assertThat(warnings.get(0).get("message").asString()).contains("khác xa các tháng trước");
                assertThat(Json.parse(edited.body()).get("values").get("f03c3").asLong()).isEqualTo(900);
            } else {
                assertThat(warnings).isEmpty();
            }
        }
        HttpResponse<String> half = staff.post("/api/v1/reports", "{\"province\":\"DNG\",\"period\":\"" + year + "-H1\"}");
        assertThat(half.statusCode()).isEqualTo(201);
        JsonNode report = Json.parse(half.body());
        assertThat(report.get("values").get("f03c3").asLong()).isEqualTo(11 + 12 + 13 + 900);
        assertThat(report.get("sources").get("f03c3").asString()).contains("Cộng 4 báo cáo tháng");
        assertThat(report.get("deadline").asString()).isEqualTo(year + "-06-19T17:00:00Z");
        // The half-year sum stays editable, and form 04 belongs to it.
        HttpResponse<String> edited = put(staff, "/api/v1/reports/DNG/" + year + "-H1", half.headers().firstValue("ETag").orElseThrow(),
                "{\"values\":{\"f03c3\":50,\"f04c8\":1200}}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        String january = "/api/v1/reports/DNG/" + ReportPeriod.month(year, 1).code();
        HttpResponse<String> notMonthly = put(staff, january, staff.get(january).headers().firstValue("ETag").orElseThrow(),
                "{\"values\":{\"f04c8\":1}}");
        assertThat(notMonthly.statusCode()).isEqualTo(400);
        assertThat(notMonthly.body()).contains("không có trường \\\"f04c8\\\"");
    }

    @Test
    void postsToTheProvincesChannelsAreCountedAndTheYearsTargetsIncludeInfographicsAndCampaignWaves() {
        ApiClient staff = TestUsers.ensure(port, admin, "bc-quang-ninh", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"QNH\"}");
        String article = product(staff, "LEAFLET", "VOLUNTARY_SI", "QNH", "Tờ gấp BHXH tự nguyện Quảng Ninh");
        String infographic = product(staff, "INFOGRAPHIC", "VOLUNTARY_SI", "QNH", "Infographic BHXH tự nguyện Quảng Ninh");
        for (String target : List.of("{\"id\":\"bc-qnh-fanpage\",\"channel\":\"FACEBOOK\",\"account\":\"1\",\"credentials\":"
                + "{\"page_access_token\":\"t\"}", "{\"id\":\"bc-qnh-cong\",\"channel\":\"WEBHOOK\",\"credentials\":{\"secret\":\"k\"}",
                "{\"id\":\"bc-hn-fanpage\",\"channel\":\"FACEBOOK\",\"account\":\"2\",\"credentials\":{\"page_access_token\":\"t\"}")) {
            String province = target.contains("qnh") ? "QNH" : "HN";
            HttpResponse<String> created = admin.post("/api/v1/targets", target + ",\"name\":\"Kênh " + province
                    + "\",\"endpoint\":\"http://127.0.0.1:9/nhan\",\"province\":\"" + province + "\"}");
            assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        }
        // March 2019: three posts to the Fanpage, an article and an infographic on the portal; not counted: a failed post,
        // a post to another province's Fanpage, a post of April.
        LocalDate march = LocalDate.of(2019, 3, 10);
        jobs.createAll(List.of(
                post("fb1", "DOT-1", article, "bc-qnh-fanpage", FacebookChannel.CHANNEL, march, JobState.DELIVERED),
                post("fb2", "DOT-1", infographic, "bc-qnh-fanpage", FacebookChannel.CHANNEL, march, JobState.DELIVERED),
                post("fb3", "DOT-2", article, "bc-qnh-fanpage", FacebookChannel.CHANNEL, march.withDayOfMonth(31), JobState.DELIVERED),
                post("portal1", "DOT-2", article, "bc-qnh-cong", WebhookChannel.CHANNEL, march, JobState.DELIVERED),
                post("portal2", "DOT-2", infographic, "bc-qnh-cong", WebhookChannel.CHANNEL, march, JobState.DELIVERED),
                post("failed", "DOT-3", article, "bc-qnh-fanpage", FacebookChannel.CHANNEL, march, JobState.FAILED),
                post("other", "DOT-4", article, "bc-hn-fanpage", FacebookChannel.CHANNEL, march, JobState.DELIVERED),
                post("april", "DOT-1", article, "bc-qnh-fanpage", FacebookChannel.CHANNEL, march.plusMonths(1), JobState.DELIVERED)));
        jobs.refresh();

        HttpResponse<String> created = staff.post("/api/v1/reports", "{\"province\":\"QNH\",\"period\":\"2019-03\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode values = Json.parse(created.body()).get("values");
        assertThat(values.get("f03c12").asLong()).isEqualTo(3);
        assertThat(values.get("f03c17").asLong()).isEqualTo(1);
        assertThat(values.get("f03c18").asLong()).isEqualTo(1);
        assertThat(values.has("f03c13")).isFalse();
        assertThat(Json.parse(created.body()).get("sources").get("f03c12").asString()).contains("kênh của tỉnh");

        // The year's targets: campaign waves with delivered posts (DOT-1, DOT-2, DOT-4 in 2019; DOT-3 only failed).
        JsonNode targets2019 = Json.parse(centre.get("/api/v1/reports/targets?year=2019").body());
        JsonNode waves = target(targets2019, "campaign-waves");
        assertThat(waves.get("target").asLong()).isEqualTo(6);
        assertThat(waves.get("actual").asLong()).isEqualTo(3);
        assertThat(waves.get("met").asBoolean()).isFalse();
        assertThat(waves.get("labelVi").asString()).contains("Đợt truyền thông");
        // Infographics approved this year: one more once the province's infographic is approved.
        int year = LocalDate.now(ReportPeriod.VIETNAM).getYear();
        JsonNode before = target(Json.parse(centre.get("/api/v1/reports/targets?year=" + year).body()), "infographics");
        assertThat(before.get("target").asLong()).isEqualTo(5);
        approve(infographic, staff);
        JsonNode after = target(Json.parse(centre.get("/api/v1/reports/targets?year=" + year).body()), "infographics");
        assertThat(after.get("actual").asLong()).isEqualTo(before.get("actual").asLong() + 1);
        assertThat(staff.get("/api/v1/reports/targets?year=2019").statusCode()).isEqualTo(403);
    }

    @Test
    void aReportGoesOutAsXlsxLaidOutLikeTheFormAndComesBackFilledIn() throws Exception {
        ApiClient staff = TestUsers.ensure(port, admin, "bc-can-tho", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"CT\"}");
        String month = ReportPeriod.month(LocalDate.now(ReportPeriod.VIETNAM).getYear() - 1, 3).code();
        HttpResponse<String> created = staff.post("/api/v1/reports", "{\"province\":\"CT\",\"period\":\"" + month + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String path = "/api/v1/reports/CT/" + month;
        HttpResponse<byte[]> exported = bytes(staff.request(path + "/export.xlsx").GET());
        assertThat(exported.statusCode()).isEqualTo(200);
        byte[] filled;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(exported.body()))) {
            Sheet form = workbook.getSheet("Mẫu 03");
            List<String> numbers = new ArrayList<>();
            form.getRow(ReportWorkbook.NUMBER_ROW).forEach(c -> numbers.add(c.getStringCellValue()));
            assertThat(numbers).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
                    "16a", "17", "18", "19", "20");
            assertThat(form.getRow(ReportWorkbook.HEADER_ROW).getCell(2).getStringCellValue()).startsWith("Số hội nghị truyền thông");
            assertThat(form.getRow(ReportWorkbook.FIRST_DATA_ROW).getCell(0).getStringCellValue()).isEqualTo("Cần Thơ");
            assertThat(workbook.getSheet("Mẫu 04")).isNull();
            // Filled in offline: text in column 9, a negative number in column 3.
            Row data = form.getRow(ReportWorkbook.FIRST_DATA_ROW);
            data.createCell(8).setCellValue("nhiều");
            data.createCell(2).setCellValue(-2);
            data.createCell(3).setCellValue(480);
            workbook.getSheet(ReportWorkbook.NARRATIVE_SHEET).getRow(ReportWorkbook.NUMBER_ROW).createCell(2).setCellValue("Tổ chức 3 hội nghị");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> refused = staff.send(staff.request(path + "/import.xlsx").header("If-Match", etag)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(filled)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Mẫu 03, ô I5 (hàng 5, cột số 9)").contains("phải là số nguyên")
                .contains("Mẫu 03, ô C5 (hàng 5, cột số 3)").contains("không được là số âm");
        assertThat(Json.parse(staff.get(path).body()).get("values").has("f03c4")).isFalse();

        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(filled))) {
            Row data = workbook.getSheet("Mẫu 03").getRow(ReportWorkbook.FIRST_DATA_ROW);
            data.getCell(8).setCellValue(9);
            data.getCell(2).setCellValue(3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        HttpResponse<String> imported = staff.send(staff.request(path + "/import.xlsx").header("If-Match", etag)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(filled)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = Json.parse(imported.body());
        assertThat(report.get("values").get("f03c9").asLong()).isEqualTo(9);
        assertThat(report.get("values").get("f03c4").asLong()).isEqualTo(480);
        assertThat(report.get("texts").get("highlights").asString()).isEqualTo("Tổ chức 3 hội nghị");

        // The same report as a printable PDF laid out like the form, with Vietnamese text embedded in its fonts.
        HttpResponse<byte[]> pdf = bytes(staff.request(path + "/report.pdf").GET());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("bao-cao-CT-" + month + ".pdf");
        assertThat(pdfText(pdf.body())).contains("BẢO HIỂM XÃ HỘI CẦN THƠ").contains("Mẫu 03 — Bảng số liệu")
                .contains("Số người tham dự hội nghị 480").contains("Tổ chức 3 hội nghị").doesNotContain("Mẫu 04");
        assertThat(bytes(staff.request("/api/v1/reports/HN/" + month + "/report.pdf").GET()).statusCode()).isEqualTo(403);

        HttpResponse<byte[]> summary = bytes(centre.request("/api/v1/reports/summary.xlsx?period=" + month).GET());
        assertThat(summary.statusCode()).isEqualTo(200);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(summary.body()))) {
            Sheet form = workbook.getSheet("Mẫu 03");
            assertThat(form.getRow(ReportWorkbook.FIRST_DATA_ROW).getCell(0).getStringCellValue()).isEqualTo("Tổng cộng");
        }
        HttpResponse<byte[]> summaryPdf = bytes(centre.request("/api/v1/reports/summary.pdf?period=" + month).GET());
        assertThat(summaryPdf.statusCode()).isEqualTo(200);
        String summaryText = pdfText(summaryPdf.body());
        assertThat(summaryText).contains("TỔNG HỢP BÁO CÁO").contains("tháng " + month.substring(5) + "/" + month.substring(0, 4))
                .contains("Cần Thơ").contains("Chưa gửi").contains("Tổng hợp toàn quốc theo cột");
        assertThat(bytes(staff.request("/api/v1/reports/summary.pdf?period=" + month).GET()).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> badPeriod = bytes(centre.request("/api/v1/reports/summary.pdf?period=2026-13").GET());
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(new String(badPeriod.body(), StandardCharsets.UTF_8)).contains("period").contains("không đúng dạng");
    }

    @Test
    void communesComeFromAnExcelFileAndBadRowsAreNamedByRowAndColumn() throws Exception {
        ApiClient staff = TestUsers.ensure(port, admin, "bc-gia-lai", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"GL\"}");
        String path = "/api/v1/reports/org-units/GL/communes";
        HttpResponse<String> refused = xlsx(staff, path + "/import", List.of(List.of("Mã xã", "Tên xã"), List.of("GL-PK", "Phường Pleiku"),
                List.of("GL-AK", ""), List.of("", "Xã Ia Grai")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(refused.body()).contains("hàng 3, cột 2").contains("Tên xã phải có").contains("hàng 4, cột 1").contains("Mã xã phải có");
        assertThat(staff.get(path).body()).doesNotContain("GL-PK");

        HttpResponse<String> imported = xlsx(staff, path + "/import", List.of(List.of("Mã xã", "Tên xã"), List.of("GL-PK", "Phường Pleiku"),
                List.of("", ""), List.of("GL-IG", "Xã Ia Grai")));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(staff.get(path).body()).contains("Phường Pleiku").contains("Xã Ia Grai");
        HttpResponse<String> notAWorkbook = staff.send(staff.request(path + "/import").header("Content-Type", ReportController.XLSX)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'P', 'K', 3, 4, 0, 0})));
        assertThat(notAWorkbook.statusCode()).isEqualTo(400);
        assertThat(notAWorkbook.body()).contains("không có trang tính");
    }

    private String radioFile(ApiClient staff, String topic, String title) {
        return product(staff, "RADIO_FILE", topic, "HN", title);
    }

    private String product(ApiClient staff, String type, String topic, String province, String title) {
        HttpResponse<String> created = staff.post("/api/v1/products", "{\"info\":{\"type\":\"" + type + "\",\"topics\":[\"" + topic
                + "\"],\"audiences\":[\"3.1\"],\"scope\":\"LOCAL\",\"province\":\"" + province + "\"},\"content\":{\"title\":"
                + Json.quote(title) + ",\"summary\":\"Phát trên loa xã\",\"body\":\"<p>Kịch bản</p>\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("productId").asString();
    }

    /** Submitted by its author, reviewed and approved by two other people. */
    private void approve(String product, ApiClient author) {
        ApiClient reviewer = TestUsers.ensure(port, admin, "bc-tham-dinh", "[\"REVIEWER\"]", "{}");
        for (var step : List.of(List.of(author, "SUBMIT"), List.of(reviewer, "REVIEW"), List.of(centre, "APPROVE"))) {
            String variant = "/api/v1/products/" + product + "/variants/vi";
            ApiClient actor = (ApiClient) step.get(0);
            HttpResponse<String> moved = actor.send(actor.request(variant + "/transitions").header("Content-Type", "application/json")
                    .header("If-Match", admin.get(variant).headers().firstValue("ETag").orElseThrow())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + step.get(1) + "\"}")));
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }
    }

    /** A post of a product to a target, as the publisher keeps it, due at noon of the given day in Vietnam. */
    private static PublishJob post(String key, String campaign, String product, String target, Channel channel, LocalDate day,
            JobState state) {
        Instant due = day.atTime(12, 0).atZone(ReportPeriod.VIETNAM).toInstant();
        ChannelPayload payload = new ChannelPayload(channel, target, "vi", null, "Bài " + key, null, null, List.of(), null);
        return PublishJob.pending("bc-job-" + key).release("bc-release-" + key, campaign).variant(product, "vi", "1")
                .payload(payload).due(due, null).createdAt(due).withState(state, due, null, due);
    }

    private JsonNode target(JsonNode targets, String key) {
        for (JsonNode target : targets) {
            if (target.get("key").asString().equals(key)) {
                return target;
            }
        }
        throw new AssertionError("no target " + key + " in " + targets);
    }

    private static String broadcast(String commune, String date, String product, int times) {
        return "{\"commune\":\"" + commune + "\",\"date\":\"" + date + "\",\"productId\":\"" + product + "\",\"times\":" + times + "}";
    }

    private static HttpResponse<byte[]> bytes(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String currentMonth() {
        LocalDate today = LocalDate.now(ReportPeriod.VIETNAM);
        return ReportPeriod.month(today.getYear(), today.getMonthValue()).code();
    }

    private static HttpResponse<String> xlsx(ApiClient client, String path, List<List<String>> rows) throws Exception {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách xã");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return client.send(client.request(path).header("Content-Type", ReportController.XLSX)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static HttpResponse<String> csv(ApiClient client, String path, String body) {
        return client.send(client.request(path).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> put(ApiClient client, String path, String etag, String json) {
        HttpRequest.Builder request = client.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return client.send(request);
    }

    private static HttpResponse<String> step(ApiClient client, String path, String etag, String action, String comment) {
        return client.send(client.request(path + "/transitions").header("Content-Type", "application/json").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\""
                        + (comment == null ? "" : ",\"comment\":" + Json.quote(comment)) + "}")));
    }
}

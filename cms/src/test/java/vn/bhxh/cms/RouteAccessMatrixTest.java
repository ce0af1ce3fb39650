package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.publicpage.ShortLinks;

/**
 * Issue 12, point 10: every route the application serves (taken from Spring MVC's own handler methods, API and pages) ×
 * every role (provincial staff of one province, anonymous) × every state of a product (draft … archived; national, local
 * of the reader's province and of another province), called over real HTTP by real users. The expected status of each
 * (route, role, state) is the table {@link #EXPECTED}: a route without a row fails, naming the route and the row it
 * would need.
 *
 * <p>Nothing here changes a fixture: writes carry a stale If-Match (allowed callers get 412, which also shows that they
 * reached the resource), or an input that is refused after the access decision (an existing language, an empty file
 * role, no file chosen). A cell is a status, or {@code r<status>}: that status when the caller may read the product in
 * that state (the rules in {@link #mayRead}, written from the README, not from the code), otherwise 404; or
 * {@code p<status>}: that status when the variant is released now, otherwise 404 (what the public may fetch); or
 * {@code w<status>}: 404 when the caller may not read the product, that status when they may change it ({@link #mayChange}),
 * otherwise 403.
 *
 * <p>Callers whose answers cannot depend on the province (administrators, editors, reviewers, approvers, translators on
 * the Vietnamese source, connectors, anonymous callers) call the product routes once per state, each state on another scope
 * (national, local of Cao Bằng, local of Cà Mau); those whose answers depend on state and province (provincial staff and
 * report approvers of Cao Bằng) call them on every fixture.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessMatrixTest {

    /** The table's columns. Provincial staff and the report approver are scoped to Cao Bằng (CB). */
    enum Caller { ADMIN, EDITOR, REVIEWER, APPROVER, TRANSLATOR, PROVINCIAL_STAFF, REPORT_APPROVER, CONNECTOR, ANONYMOUS }

    private static final String OWN_PROVINCE = "CB";
    private static final String OTHER_PROVINCE = "CM";
    /** An ETag no document has: a write that reaches the resource is refused with 412 and changes nothing. */
    private static final String STALE = "\"999999-99\"";

    /**
     * Route (method and pattern, as Spring MVC maps it) → one cell per {@link Caller}, in the order above.
     * Legitimate differences are written as they are: 400 where the route needs a body or parameter the probe leaves
     * out on purpose, 412 where the probe's stale If-Match stops an allowed write, 302 where a page answers with a
     * redirect (to the sign-in page for anonymous callers).
     */
    static final String EXPECTED = """
            # method route                                                                   ADM  EDI  REV  APP  TRA  PRO  RAP  CON  ANO
            # GET /error is Spring Boot's error page: called directly it has no error to show and answers 500 (its 500 page).
            # Unknown ids (jobs, releases, uploads, tokens) answer 404 to whoever may ask; pages answer a refused form with
            # a redirect (302) and a flash message; page POSTs without their fields answer 400. Probes that leave out a body
            # or send one that is not a spreadsheet get 400 where the input is read before access is decided.
            GET     /                                                                        200  200  200  200  200  200  200  200  302
            GET     /admin/audit                                                             200  403  403  403  403  403  403  403  302
            GET     /admin/targets                                                           200  403  403  403  403  403  403  403  302
            GET     /admin/targets/new                                                       200  403  403  403  403  403  403  403  302
            POST    /admin/targets/new                                                       200  403  403  403  403  403  403  403  302
            GET     /admin/targets/{id}                                                      200  403  403  403  403  403  403  403  302
            POST    /admin/targets/{id}                                                      200  403  403  403  403  403  403  403  302
            POST    /admin/targets/{id}/resume                                               302  403  403  403  403  403  403  403  302
            POST    /admin/targets/{id}/test                                                 302  403  403  403  403  403  403  403  302
            GET     /admin/templates                                                         200  403  403  403  403  403  403  403  302
            GET     /admin/templates/{language}/{channel}/{slot}                             200  403  403  403  403  403  403  403  302
            POST    /admin/templates/{language}/{channel}/{slot}                             400  403  403  403  403  403  403  403  302
            GET     /admin/users                                                             200  403  403  403  403  403  403  403  302
            GET     /admin/users/new                                                         200  403  403  403  403  403  403  403  302
            POST    /admin/users/new                                                         200  403  403  403  403  403  403  403  302
            GET     /admin/users/{username}                                                  200  403  403  403  403  403  403  403  302
            POST    /admin/users/{username}                                                  200  403  403  403  403  403  403  403  302
            POST    /api/v1/assets                                                           400  400  400  400  400  400  400  400  401
            POST    /api/v1/assets/bundles                                                   400  400  400  400  400  400  400  400  401
            GET     /api/v1/assets/{id}                                                      200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/assets/{id}/content                                              200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/assets/{id}/renditions/{name}                                    200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/assets/{id}/thumbnails/{size}                                    200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/audit                                                            200  403  403  403  403  403  403  403  401
            GET     /api/v1/audit/verification                                               200  403  403  403  403  403  403  403  401
            GET     /api/v1/calendar                                                         200  200  200  200  200  200  200  200  401
            GET     /api/v1/media/{id}/{fileName}                                            p200 p200 p200 p200 p200 p200 p200 p200 p200
            GET     /api/v1/notices                                                          200  200  200  200  200  200  200  200  401
            GET     /api/v1/products                                                         200  200  200  200  200  200  200  200  401
            POST    /api/v1/products                                                         400  400  400  400  400  400  400  400  401
            GET     /api/v1/products/{id}                                                    200  200  200  200  200  r200 404  r200 401
            PUT     /api/v1/products/{id}                                                    412  412  403  403  403  w412 404  r403 401
            GET     /api/v1/products/{id}/audit                                              200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/products/{id}/publications                                       200  200  200  200  200  r200 404  r200 401
            POST    /api/v1/products/{id}/variants                                           409  409  403  403  403  w409 404  r403 401
            GET     /api/v1/products/{id}/variants/{language}                                200  200  200  200  200  r200 404  r200 401
            PUT     /api/v1/products/{id}/variants/{language}                                412  412  412  412  412  r412 404  r412 401
            POST    /api/v1/products/{id}/variants/{language}/confirm-source                 412  412  412  412  412  r412 404  r412 401
            GET     /api/v1/products/{id}/variants/{language}/diff                           200  200  200  200  200  r200 404  r200 401
            POST    /api/v1/products/{id}/variants/{language}/files                          412  412  412  412  412  r412 404  r412 401
            GET     /api/v1/products/{id}/variants/{language}/previews                       200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/products/{id}/variants/{language}/previews/print/pdf             200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/products/{id}/variants/{language}/previews/{channel}             200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/products/{id}/variants/{language}/source-changes                 200  200  200  200  200  r200 404  r200 401
            POST    /api/v1/products/{id}/variants/{language}/transitions                    412  412  412  412  412  r412 404  r412 401
            GET     /api/v1/products/{id}/variants/{language}/translation                    200  200  200  200  200  r200 404  r200 401
            PUT     /api/v1/products/{id}/variants/{language}/translation                    400  400  400  400  400  400  400  400  401
            GET     /api/v1/products/{id}/variants/{language}/versions                       200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/products/{id}/variants/{language}/versions/{revision}            200  200  200  200  200  r200 404  r200 401
            POST    /api/v1/products/{id}/variants/{language}/versions/{revision}/restore    412  412  412  412  412  r412 404  r412 401
            GET     /api/v1/products/{id}/visits                                             200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/reference/{kind}                                                 200  200  200  200  200  200  200  200  401
            GET     /api/v1/reference/{kind}/{code}                                          200  200  200  200  200  200  200  200  401
            PUT     /api/v1/reference/{kind}/{code}                                          400  400  400  400  400  400  400  400  401
            GET     /api/v1/releases/{releaseId}                                             404  404  404  404  404  404  404  404  401
            GET     /api/v1/reports                                                          200  200  200  200  200  200  200  200  401
            POST    /api/v1/reports                                                          400  400  400  400  400  400  400  400  401
            GET     /api/v1/reports/broadcasts/{province}                                    200  200  200  200  403  200  200  403  401
            POST    /api/v1/reports/broadcasts/{province}                                    400  400  400  400  400  400  400  400  401
            POST    /api/v1/reports/broadcasts/{province}/import                             415  415  415  415  415  415  415  415  401
            GET     /api/v1/reports/broadcasts/{province}/weeks/{week}                       200  200  200  200  403  200  200  403  401
            GET     /api/v1/reports/data-sets                                                200  200  200  200  200  200  200  200  401
            GET     /api/v1/reports/months                                                   200  200  200  200  403  403  403  403  401
            GET     /api/v1/reports/org-units                                                200  200  200  200  200  200  200  200  401
            GET     /api/v1/reports/org-units/{province}/communes                            200  200  200  200  403  200  200  403  401
            POST    /api/v1/reports/org-units/{province}/communes                            400  400  400  400  400  400  400  400  401
            POST    /api/v1/reports/org-units/{province}/communes/import                     415  415  415  415  415  415  415  415  401
            GET     /api/v1/reports/org-units/{province}/contacts                            200  200  200  200  403  200  200  403  401
            PUT     /api/v1/reports/org-units/{province}/contacts                            400  403  403  403  403  400  400  403  401
            GET     /api/v1/reports/overview                                                 200  200  200  200  403  403  403  403  401
            GET     /api/v1/reports/periods/{period}                                         200  200  200  200  200  200  200  200  401
            GET     /api/v1/reports/summary.pdf                                              200  200  200  200  403  403  403  403  401
            GET     /api/v1/reports/summary.xlsx                                             200  200  200  200  403  403  403  403  401
            GET     /api/v1/reports/targets                                                  200  200  200  200  403  403  403  403  401
            GET     /api/v1/reports/{province}/{period}                                      200  200  200  200  403  200  200  403  401
            PUT     /api/v1/reports/{province}/{period}                                      412  412  412  412  403  412  412  403  401
            GET     /api/v1/reports/{province}/{period}/audit                                200  200  200  200  403  200  200  403  401
            GET     /api/v1/reports/{province}/{period}/export.xlsx                          200  200  200  200  403  200  200  403  401
            PUT     /api/v1/reports/{province}/{period}/import.xlsx                          400  400  400  400  403  400  400  403  401
            POST    /api/v1/reports/{province}/{period}/prefill                              412  412  412  412  403  412  412  403  401
            GET     /api/v1/reports/{province}/{period}/report.pdf                           200  200  200  200  403  200  200  403  401
            POST    /api/v1/reports/{province}/{period}/transitions                          400  400  400  400  400  400  400  400  401
            POST    /api/v1/schedules                                                        400  400  403  400  403  403  403  403  401
            GET     /api/v1/schedules/failed                                                 200  200  403  200  403  403  403  403  401
            GET     /api/v1/schedules/{jobId}                                                404  404  404  404  404  404  404  404  401
            POST    /api/v1/schedules/{jobId}/cancel                                         404  404  403  404  403  403  403  403  401
            POST    /api/v1/schedules/{jobId}/retry                                          404  404  403  404  403  403  403  403  401
            GET     /api/v1/search                                                           200  200  200  200  200  200  200  200  401
            GET     /api/v1/targets                                                          200  200  403  200  403  403  403  403  401
            POST    /api/v1/targets                                                          400  403  403  403  403  403  403  403  401
            GET     /api/v1/targets/{id}                                                     200  403  403  403  403  403  403  403  401
            PUT     /api/v1/targets/{id}                                                     412  403  403  403  403  403  403  403  401
            POST    /api/v1/targets/{id}/resume                                              200  403  403  403  403  403  403  403  401
            POST    /api/v1/targets/{id}/test                                                200  403  403  403  403  403  403  403  401
            GET     /api/v1/templates                                                        200  403  403  403  403  403  403  403  401
            DELETE  /api/v1/templates/{language}/{channel}/{slot}                            428  403  403  403  403  403  403  403  401
            GET     /api/v1/templates/{language}/{channel}/{slot}                            200  403  403  403  403  403  403  403  401
            PUT     /api/v1/templates/{language}/{channel}/{slot}                            400  403  403  403  403  403  403  403  401
            POST    /api/v1/templates/{language}/{channel}/{slot}/versions/{version}/restore 428  403  403  403  403  403  403  403  401
            OPTIONS /api/v1/uploads                                                          204  204  204  204  204  204  204  204  401
            POST    /api/v1/uploads                                                          400  400  400  400  400  400  400  400  401
            DELETE  /api/v1/uploads/{id}                                                     404  404  404  404  404  404  404  404  401
            HEAD    /api/v1/uploads/{id}                                                     404  404  404  404  404  404  404  404  401
            PATCH   /api/v1/uploads/{id}                                                     400  400  400  400  400  400  400  400  401
            GET     /api/v1/users                                                            200  403  403  403  403  403  403  403  401
            POST    /api/v1/users                                                            400  403  403  403  403  403  403  403  401
            GET     /api/v1/users/{username}                                                 200  403  403  403  403  403  403  403  401
            PUT     /api/v1/users/{username}                                                 400  403  403  403  403  403  403  403  401
            GET     /api/v1/users/{username}/tokens                                          200  403  403  403  403  403  403  403  401
            POST    /api/v1/users/{username}/tokens                                          400  403  403  403  403  403  403  403  401
            DELETE  /api/v1/users/{username}/tokens/{id}                                     404  403  403  403  403  403  403  403  401
            GET     /catalogue                                                               200  200  200  200  200  200  200  200  302
            GET     /catalogue/{id}/{language}                                               200  200  200  200  200  r200 404  r200 302
            POST    /catalogue/{id}/{language}/bundle                                        400  400  400  400  400  r400 404  r400 302
            GET     /downloads                                                               200  200  200  200  200  200  200  200  302
            GET     /error                                                                   500  500  500  500  500  500  500  500  500
            GET     /files/{assetId}                                                         200  200  200  200  200  r200 404  r200 302
            GET     /files/{assetId}/thumbnails/{size}                                       200  200  200  200  200  r200 404  r200 302
            GET     /login                                                                   200  200  200  200  200  200  200  200  200
            GET     /p/fonts/{script}.ttf                                                    200  200  200  200  200  200  200  200  200
            GET     /p/{code}                                                                p200 p200 p200 p200 p200 p200 p200 p200 p200
            GET     /products                                                                200  200  200  200  200  403  403  403  302
            GET     /products/new                                                            200  200  200  200  200  403  403  403  302
            POST    /products/new                                                            200  200  200  200  200  403  403  403  302
            POST    /products/{id}/variants                                                  302  302  302  302  302  403  403  403  302
            GET     /products/{id}/variants/{language}                                       200  200  200  200  200  403  403  403  302
            POST    /products/{id}/variants/{language}/assets                                400  400  400  400  400  403  403  403  302
            GET     /products/{id}/variants/{language}/compare                               200  200  200  200  200  403  403  403  302
            POST    /products/{id}/variants/{language}/confirm-source                        302  302  302  302  302  403  403  403  302
            GET     /products/{id}/variants/{language}/diff                                  200  200  200  200  200  403  403  403  302
            GET     /products/{id}/variants/{language}/edit                                  200  200  200  200  200  403  403  403  302
            POST    /products/{id}/variants/{language}/edit                                  200  200  200  200  200  403  403  403  302
            GET     /products/{id}/variants/{language}/previews                              200  200  200  200  200  403  403  403  302
            GET     /products/{id}/variants/{language}/previews/print.pdf                    200  200  200  200  200  403  403  403  302
            GET     /products/{id}/variants/{language}/schedule                              200  200  403  200  403  403  403  403  302
            POST    /products/{id}/variants/{language}/schedule                              200  200  403  200  403  403  403  403  302
            POST    /products/{id}/variants/{language}/transition                            302  302  302  302  302  403  403  403  302
            GET     /publishing/calendar                                                     200  200  200  200  403  403  403  403  302
            GET     /publishing/jobs/{jobId}                                                 404  404  404  404  403  403  403  403  302
            POST    /publishing/jobs/{jobId}/cancel                                          302  302  302  302  302  302  302  302  302
            POST    /publishing/jobs/{jobId}/retry                                           302  302  302  302  302  302  302  302  302
            GET     /reports                                                                 200  200  200  200  200  200  200  200  302
            POST    /reports                                                                 400  400  400  400  400  400  400  400  302
            GET     /reports/broadcasts                                                      200  200  200  200  200  200  200  200  302
            POST    /reports/broadcasts                                                      400  400  400  400  400  400  400  400  302
            POST    /reports/broadcasts/import                                               400  400  400  400  400  400  400  400  302
            GET     /reports/communes                                                        200  200  200  200  200  200  200  200  302
            POST    /reports/communes/contacts                                               400  400  400  400  400  400  400  400  302
            POST    /reports/communes/import                                                 400  400  400  400  400  400  400  400  302
            GET     /reports/overview                                                        200  200  200  200  403  403  403  403  302
            GET     /reports/summary.pdf                                                     200  200  200  200  403  403  403  403  302
            GET     /reports/summary.xlsx                                                    200  200  200  200  403  403  403  403  302
            GET     /reports/{province}/{period}                                             200  200  200  200  403  200  200  403  302
            POST    /reports/{province}/{period}                                             400  400  400  400  400  400  400  400  302
            GET     /reports/{province}/{period}/export.xlsx                                 200  200  200  200  403  200  200  403  302
            POST    /reports/{province}/{period}/import                                      400  400  400  400  400  400  400  400  302
            POST    /reports/{province}/{period}/prefill                                     400  400  400  400  400  400  400  400  302
            GET     /reports/{province}/{period}/print                                       200  200  200  200  403  200  200  403  302
            GET     /reports/{province}/{period}/report.pdf                                  200  200  200  200  403  200  200  403  302
            POST    /reports/{province}/{period}/step                                        400  400  400  400  400  400  400  400  302
            GET     /review                                                                  200  403  200  200  200  403  403  403  302
            GET     /review/{id}/{language}                                                  200  403  200  200  200  403  403  403  302
            GET     /translate                                                               200  403  403  403  200  403  403  403  302
            GET     /translate/{id}/{language}                                               200  403  403  403  200  403  403  403  302
            POST    /translate/{id}/{language}                                               200  403  403  403  200  403  403  403  302
            GET     /translate/{id}/{language}/export                                        200  403  403  403  200  403  403  403  302
            POST    /translate/{id}/{language}/import                                        302  403  403  403  302  403  403  403  302
            GET     /v3/api-docs                                                             200  200  200  200  200  200  200  200  200
            GET     /v3/api-docs.yaml                                                        200  200  200  200  200  200  200  200  200
            # Added with the workbench, notifications, history, backups and Swagger UI. The segments routes are probed on the
            # Vietnamese source (not a translation: 409 to whoever may read it); the glossary on "vi", outside a Tày
            # translator's languages (403); the probes leave out the glossary's term and the notification settings (400).
            DELETE  /api/v1/glossary/{language}/terms                                        400  400  400  400  400  400  400  400  401
            GET     /api/v1/backups                                                          200  403  403  403  403  403  403  403  401
            GET     /api/v1/backups/{name}                                                   404  403  403  403  403  403  403  403  401
            GET     /api/v1/glossary/{language}                                              200  200  200  200  403  403  403  403  401
            GET     /api/v1/me/notifications                                                 200  200  200  200  200  200  200  200  401
            GET     /api/v1/products/{id}/variants/{language}/history                        200  200  200  200  200  r200 404  r200 401
            GET     /api/v1/products/{id}/variants/{language}/segments                       409  409  409  409  409  r409 404  r409 401
            GET     /api/v1/products/{id}/variants/{language}/segments/{segment}/suggestions 409  409  409  409  409  r409 404  r409 401
            GET     /products/{id}/publications                                              200  200  200  200  200  403  403  403  302
            GET     /profile                                                                 200  200  200  200  200  200  200  200  302
            GET     /swagger-ui.html                                                         302  302  302  302  302  302  302  302  302
            GET     /translate/glossary/{language}                                           200  200  200  200  403  403  403  403  302
            GET     /translate/{id}/{language}/segments                                      409  409  409  409  409  403  403  403  302
            GET     /v3/api-docs/swagger-config                                              200  200  200  200  200  200  200  200  200
            POST    /api/v1/backups                                                          201  403  403  403  403  403  403  403  401
            POST    /api/v1/products/{id}/variants/{language}/segments/{segment}/review      409  409  409  409  409  r409 404  r409 401
            POST    /profile/notifications                                                   302  302  302  302  302  302  302  302  302
            POST    /translate/glossary/{language}                                           400  400  400  400  400  403  403  403  302
            POST    /translate/glossary/{language}/delete                                    400  400  400  400  400  403  403  403  302
            POST    /translate/{id}/{language}/segments                                      302  302  302  302  302  403  403  403  302
            POST    /translate/{id}/{language}/segments/{segment}/review                     400  400  400  400  400  403  403  403  302
            PUT     /api/v1/glossary/{language}/terms                                        400  403  403  403  403  403  403  403  401
            PUT     /api/v1/me/notifications                                                 400  400  400  400  400  400  400  400  401
            PUT     /api/v1/products/{id}/variants/{language}/segments                       409  409  409  409  409  r409 404  r409 401
            """;

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ShortLinks shortLinks;

    final Map<Caller, Client> clients = new LinkedHashMap<>();
    final List<Fixture> fixtures = new ArrayList<>();
    /** Each state once, the scope rotating: national, local of the reader's province, local of another. */
    final List<Fixture> everyStateOnce = new ArrayList<>();
    String target;

    /** One product in one state, with its image; {@code mine}: written by the provincial staff member themselves. */
    record Fixture(String name, String productId, String imageId, String code, String state, String province, boolean mine) {

        boolean released() {
            return state.equals("APPROVED") || state.equals("PUBLISHED");
        }
    }

    @BeforeAll
    void usersAndProducts() {
        Await.until(indices::isReady, Duration.ofSeconds(120), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        Map<Caller, String> users = new LinkedHashMap<>();
        users.put(Caller.EDITOR, user(admin, "rm-bien-tap", "EDITOR", "{}"));
        users.put(Caller.REVIEWER, user(admin, "rm-tham-dinh", "REVIEWER", "{}"));
        users.put(Caller.APPROVER, user(admin, "rm-lanh-dao", "APPROVER", "{}"));
        users.put(Caller.TRANSLATOR, user(admin, "rm-dich-gia", "TRANSLATOR", "{\"languages\":[\"km\"]}"));
        users.put(Caller.PROVINCIAL_STAFF, user(admin, "rm-tinh", "PROVINCIAL_STAFF", "{\"province\":\"" + OWN_PROVINCE + "\"}"));
        users.put(Caller.REPORT_APPROVER, user(admin, "rm-duyet-bao-cao", "REPORT_APPROVER",
                "{\"province\":\"" + OWN_PROVINCE + "\"}"));
        users.put(Caller.CONNECTOR, user(admin, "rm-ket-noi", "CONNECTOR", "{\"channels\":[\"facebook\"]}"));
        clients.put(Caller.ADMIN, new Client(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD));
        users.forEach((caller, username) -> clients.put(caller, new Client(port, username, TestUsers.PASSWORD)));
        clients.put(Caller.ANONYMOUS, new Client(port, null, null));

        target = "rm-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/v1/targets", "{\"id\":\"" + target + "\",\"channel\":\"APP_FEED\",\"name\":\"Bảng tin\"}")
                .statusCode()).isEqualTo(201);

        ApiClient editor = new ApiClient(port, "rm-bien-tap", TestUsers.PASSWORD);
        ApiClient reviewer = new ApiClient(port, "rm-tham-dinh", TestUsers.PASSWORD);
        ApiClient approver = new ApiClient(port, "rm-lanh-dao", TestUsers.PASSWORD);
        Map<String, List<String>> states = new LinkedHashMap<>();
        states.put("DRAFT", List.of());
        states.put("IN_REVIEW", List.of("SUBMIT"));
        states.put("REVIEWED", List.of("SUBMIT", "REVIEW"));
        states.put("APPROVED", List.of("SUBMIT", "REVIEW", "APPROVE"));
        states.put("PUBLISHED", List.of("SUBMIT", "REVIEW", "APPROVE", "PUBLISH"));
        states.put("WITHDRAWN", List.of("SUBMIT", "REVIEW", "APPROVE", "WITHDRAW"));
        states.put("ARCHIVED", List.of("ARCHIVE"));
        for (String province : new String[] {null, OWN_PROVINCE, OTHER_PROVINCE}) {
            states.forEach((state, steps) -> fixtures.add(fixture(admin, editor, reviewer, approver, editor, state, steps, province,
                    false)));
        }
        ApiClient staff = new ApiClient(port, "rm-tinh", TestUsers.PASSWORD);
        fixtures.add(fixture(admin, staff, reviewer, approver, editor, "DRAFT", List.of(), OWN_PROVINCE, true));
        for (int i = 0; i < states.size(); i++) {
            everyStateOnce.add(fixtures.get((i % 3) * states.size() + i));
        }
        // The province's report of May 2026 (other classes may have made it already).
        HttpResponse<String> report = admin.post("/api/v1/reports", "{\"province\":\"" + OWN_PROVINCE + "\",\"period\":\"2026-05\"}");
        assertThat(report.statusCode()).as(report.body()).isIn(201, 409);
    }

    @Test
    void everyRouteAnswersEveryCallerInEveryStateAsTheTableSays() {
        Map<String, Route> routes = routes();
        Map<String, List<String>> table = parse(EXPECTED);
        List<String> failures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String stale : table.keySet()) {
            if (!routes.containsKey(stale)) {
                failures.add("the table has a row for " + stale + ", which the application no longer serves");
            }
        }
        // Routes are independent of one another: four at a time keep both cores busy while calls wait on Elasticsearch.
        Map<String, Long> millis = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<RouteOutcome>> outcomes = new ArrayList<>();
        for (Route route : routes.values()) {
            outcomes.add(pool.submit(() -> probe(route, table.get(route.key()), calls, millis)));
        }
        pool.shutdown();
        for (Future<RouteOutcome> outcome : outcomes) {
            try {
                RouteOutcome done = outcome.get();
                failures.addAll(done.failures());
                if (done.missingRow() != null) {
                    missing.add(done.missingRow());
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        // Where the time goes (measured, never asserted): the slowest routes.
        millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.println("  " + e.getValue() + " ms  " + e.getKey()));
        System.out.println("Route access matrix: " + routes.size() + " routes, " + table.size() + " rows, " + fixtures.size()
                + " product states, " + Caller.values().length + " callers, " + calls.get() + " calls");
        if (!missing.isEmpty()) {
            failures.add("routes without a row in RouteAccessMatrixTest.EXPECTED (add the row with the statuses each caller must "
                    + "get; these lines show what they get now):\n" + String.join("\n", missing));
        }
        assertThat(failures).isEmpty();
    }

    /** What one route's calls found: the mismatches, and the row it would need when the table has none. */
    record RouteOutcome(List<String> failures, String missingRow) {
    }

    private RouteOutcome probe(Route route, List<String> row, AtomicInteger calls,
            Map<String, Long> millis) {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        Map<Caller, List<Integer>> actual = new LinkedHashMap<>();
        for (Caller caller : Caller.values()) {
            List<Integer> statuses = new ArrayList<>();
            for (Fixture fixture : fixturesFor(route, caller)) {
                Answer answer = call(route, caller, fixture);
                calls.incrementAndGet();
                statuses.add(answer.status());
                if (row != null) {
                    int expected = expected(row.get(caller.ordinal()), caller, fixture);
                    if (answer.status() != expected) {
                        failures.add(route.key() + " as " + caller + (route.perProduct() ? " on " + fixture.name() : "")
                                + ": expected " + expected + ", got " + answer.status() + " (" + clients.get(caller).sessionNote()
                                + ") " + answer.excerpt());
                    }
                }
            }
            actual.put(caller, statuses);
        }
        millis.put(route.key(), (System.nanoTime() - started) / 1_000_000);
        return new RouteOutcome(failures, row == null ? suggestedRow(route, actual) : null);
    }

    // ---------------------------------------------------------------- the routes

    /** A route as Spring MVC maps it: one method and one path pattern. */
    record Route(String method, String pattern) {

        String key() {
            return method + " " + pattern;
        }

        /** Routes that reach a product or one of its files: called once per fixture. */
        boolean perProduct() {
            return PRODUCT_ROUTE.matcher(pattern).find();
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean write() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }
    }

    private static final Pattern PRODUCT_ROUTE = Pattern.compile(
            "^(/api/v1/products/\\{id}|/products/\\{id}|/translate/\\{id}|/review/\\{id}|/catalogue/\\{id}|/api/v1/assets/\\{id}"
                    + "|/files/\\{assetId}|/api/v1/media/\\{id}|/p/\\{code})");

    private Map<String, Route> routes() {
        Map<String, Route> routes = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<String> verbs = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> verbs.add(m.name()));
            if (verbs.isEmpty()) {
                // Mapped for every method (the error page): GET stands for it.
                verbs.add(RequestMethod.GET.name());
            }
            for (String pattern : info.getPatternValues()) {
                for (String verb : verbs) {
                    Route route = new Route(verb, pattern);
                    routes.put(route.key(), route);
                }
            }
        });
        return routes;
    }

    /** The fixtures a caller is sent to on a route: see the class comment. */
    private List<Fixture> fixturesFor(Route route, Caller caller) {
        if (!route.perProduct()) {
            return List.of(fixtures.getFirst());
        }
        return switch (caller) {
            case ADMIN, EDITOR, REVIEWER, APPROVER, TRANSLATOR, CONNECTOR, ANONYMOUS -> everyStateOnce;
            default -> fixtures;
        };
    }

    // ---------------------------------------------------------------- the expectations

    private static Map<String, List<String>> parse(String table) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : table.strip().split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split("\\s+");
            assertThat(cells).as("row " + trimmed).hasSize(2 + Caller.values().length);
            String key = cells[0] + " " + cells[1];
            assertThat(rows).as("duplicate row " + key).doesNotContainKey(key);
            rows.put(key, List.of(cells).subList(2, cells.length));
        }
        return rows;
    }

    private int expected(String cell, Caller caller, Fixture fixture) {
        if (cell.startsWith("r")) {
            return mayRead(caller, fixture) ? Integer.parseInt(cell.substring(1)) : 404;
        }
        if (cell.startsWith("p")) {
            return fixture.released() ? Integer.parseInt(cell.substring(1)) : 404;
        }
        if (cell.startsWith("w")) {
            return !mayRead(caller, fixture) ? 404 : mayChange(caller, fixture) ? Integer.parseInt(cell.substring(1)) : 403;
        }
        return Integer.parseInt(cell);
    }

    /**
     * Who reads the Vietnamese source of a product (README, "Who reads what"): administrators, editors, reviewers and
     * approvers everything; a translator the Vietnamese sources; connectors what is released now; provincial staff what
     * is released now of national products and of their own province, and their province's drafts they wrote; nobody
     * else anything.
     */
    static boolean mayRead(Caller caller, Fixture fixture) {
        return switch (caller) {
            case ADMIN, EDITOR, REVIEWER, APPROVER, TRANSLATOR -> true;
            case CONNECTOR -> fixture.released();
            case PROVINCIAL_STAFF -> (fixture.released() && (fixture.province() == null || fixture.province().equals(OWN_PROVINCE)))
                    || (fixture.mine() && OWN_PROVINCE.equals(fixture.province()));
            case REPORT_APPROVER, ANONYMOUS -> false;
        };
    }

    /** Who may change a product (README): administrators and editors, provincial staff their own province's local ones. */
    static boolean mayChange(Caller caller, Fixture fixture) {
        return switch (caller) {
            case ADMIN, EDITOR -> true;
            case PROVINCIAL_STAFF -> OWN_PROVINCE.equals(fixture.province());
            default -> false;
        };
    }

    /** The row a route would need, from what each caller gets now: to be checked against the rules before it is added. */
    private String suggestedRow(Route route, Map<Caller, List<Integer>> actual) {
        StringBuilder row = new StringBuilder(String.format("%-7s %-62s", route.method(), route.pattern()));
        for (Caller caller : Caller.values()) {
            List<Integer> statuses = actual.get(caller);
            row.append(' ').append(String.format("%-4s", cell(caller, route, statuses)));
        }
        return row.toString();
    }

    private String cell(Caller caller, Route route, List<Integer> statuses) {
        if (statuses.stream().distinct().count() == 1) {
            return String.valueOf(statuses.getFirst());
        }
        List<Fixture> called = fixturesFor(route, caller);
        for (String prefix : List.of("r", "p")) {
            Integer allowed = null;
            boolean fits = true;
            for (int i = 0; i < statuses.size() && fits; i++) {
                int status = statuses.get(i);
                int ifDenied = 404;
                boolean open = prefix.equals("r") ? mayRead(caller, called.get(i)) : called.get(i).released();
                if (open) {
                    fits = allowed == null || allowed == status;
                    allowed = status;
                } else {
                    fits = status == ifDenied;
                }
            }
            if (fits && allowed != null) {
                return prefix + allowed;
            }
        }
        return "?" + statuses;
    }

    // ---------------------------------------------------------------- the calls

    /** A concrete request for a route: path variables filled in from the fixture, with the probe's query and body. */
    private Answer call(Route route, Caller caller, Fixture fixture) {
        String path = fill(route.pattern(), fixture);
        Probe probe = PROBES.getOrDefault(route.key(), Probe.DEFAULT);
        if (!probe.query().isEmpty()) {
            path += "?" + probe.query().replace("{fileName}", "anh.png");
        }
        Client client = clients.get(caller);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (route.api()) {
            client.authorize(request);
            request.header("Accept", "application/json, application/problem+json, */*");
        } else {
            request.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (route.write()) {
            if (route.api()) {
                request.header("If-Match", STALE);
                request.header("Content-Type", probe.contentType() == null ? "application/json" : probe.contentType());
                body = HttpRequest.BodyPublishers.ofString(probe.body() == null ? "{}" : probe.body());
            } else if (probe.multipart()) {
                String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                body = HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, client.csrf(), probe.body()));
            } else {
                request.header("Content-Type", "application/x-www-form-urlencoded");
                String form = "_csrf=" + URLEncoder.encode(client.csrf(), StandardCharsets.UTF_8)
                        + (probe.body() == null ? "" : "&" + probe.body());
                body = HttpRequest.BodyPublishers.ofString(form);
            }
        }
        request.method(route.method(), body);
        return client.send(request);
    }

    private String fill(String pattern, Fixture fixture) {
        String path = pattern;
        if (pattern.startsWith("/api/v1/assets/{id}") || pattern.startsWith("/files/{assetId}") || pattern.startsWith("/api/v1/media/{id}")) {
            path = path.replace("{id}", fixture.imageId()).replace("{assetId}", fixture.imageId());
        } else if (pattern.startsWith("/api/v1/targets/{id}") || pattern.startsWith("/admin/targets/{id}")) {
            path = path.replace("{id}", target);
        } else if (pattern.startsWith("/api/v1/users/{username}/tokens/{id}")) {
            path = path.replace("{id}", "khong-co-ma");
        } else if (pattern.startsWith("/api/v1/uploads/{id}")) {
            path = path.replace("{id}", "khong-co-tai-len");
        } else {
            path = path.replace("{id}", fixture.productId());
        }
        if (pattern.startsWith("/api/v1/reference/")) {
            path = path.replace("{kind}", "topics").replace("{code}", "VOLUNTARY_SI");
        }
        if (pattern.startsWith("/api/v1/templates/") || pattern.startsWith("/admin/templates/")) {
            path = path.replace("{language}", "vi").replace("{channel}", "facebook").replace("{slot}", "message");
        }
        return path.replace("{code}", fixture.code()).replace("{language}", "vi").replace("{revision}", "1")
                .replace("{size}", "small").replace("{name}", "square").replace("{fileName}", "anh.png")
                .replace("{channel}", "sms").replace("{kind}", "topics").replace("{username}", "rm-bien-tap")
                .replace("{jobId}", "khong-co-viec").replace("{releaseId}", "khong-co-dot").replace("{province}", OWN_PROVINCE)
                .replace("{period}", "2026-05").replace("{week}", "2026-W20").replace("{script}", "latin")
                .replace("{version}", "1").replace("{assetId}", fixture.imageId())
                // Any other variable (a segment, a backup): a value that names nothing, so the route answers for it.
                .replaceAll("\\{([a-zA-Z]+)}", "khong-co-$1");
    }

    /** What a route is sent beyond its path: query, body (JSON for the API, form fields for pages), content type. */
    record Probe(String query, String body, String contentType, boolean multipart) {

        static final Probe DEFAULT = new Probe("", null, null, false);

        static Probe query(String query) {
            return new Probe(query, null, null, false);
        }

        static Probe json(String body) {
            return new Probe("", body, null, false);
        }

        static Probe form(String fields) {
            return new Probe("", fields, null, false);
        }
    }

    /**
     * Probes that reach the access decision without changing anything: valid input with a stale If-Match, or input that
     * is refused only after the caller was let in.
     */
    static final Map<String, Probe> PROBES = Map.ofEntries(
            // Local to the reader's province: provincial staff may make that change to their province's products.
            Map.entry("PUT /api/v1/products/{id}", Probe.json("{\"type\":\"LEAFLET\",\"topics\":[\"VOLUNTARY_SI\"],"
                    + "\"scope\":\"LOCAL\",\"province\":\"" + OWN_PROVINCE + "\"}")),
            Map.entry("PUT /api/v1/reports/org-units/{province}/contacts", Probe.json("{\"emails\":[\"khong-phai-dia-chi\"]}")),
            Map.entry("GET /api/v1/reports/broadcasts/{province}", Probe.query("from=2026-05-01&to=2026-05-31")),
            Map.entry("GET /api/v1/reports/months", Probe.query("year=2026")),
            Map.entry("PUT /api/v1/reports/{province}/{period}/import.xlsx", new Probe("", "x", "application/octet-stream", false)),
            Map.entry("GET /api/v1/reports/targets", Probe.query("year=2026")),
            Map.entry("GET /api/v1/reports/overview", Probe.query("period=2026-05")),
            Map.entry("GET /api/v1/reports/summary.pdf", Probe.query("period=2026-05")),
            Map.entry("GET /api/v1/reports/summary.xlsx", Probe.query("period=2026-05")),
            Map.entry("GET /reports/summary.pdf", Probe.query("period=2026-05")),
            Map.entry("GET /reports/summary.xlsx", Probe.query("period=2026-05")),
            Map.entry("POST /api/v1/products/{id}/variants", Probe.json("{\"language\":\"vi\"}")),
            Map.entry("PUT /api/v1/products/{id}/variants/{language}", Probe.json("{\"title\":\"Không lưu\"}")),
            Map.entry("POST /api/v1/products/{id}/variants/{language}/transitions", Probe.json("{\"action\":\"SUBMIT\"}")),
            Map.entry("POST /api/v1/products/{id}/variants/{language}/files",
                    new Probe("productType=INFOGRAPHIC&fileName={fileName}&role=image", "x", "image/png", false)),
            Map.entry("PUT /api/v1/products/{id}/variants/{language}/translation", Probe.json("{}")),
            Map.entry("GET /api/v1/products/{id}/variants/{language}/diff", Probe.query("from=1&to=1")),
            Map.entry("GET /api/v1/products/{id}/visits", Probe.query("from=2026-05-01&to=2026-05-31")),
            Map.entry("GET /api/v1/calendar", Probe.query("from=2026-05-01&to=2026-05-31")),
            Map.entry("POST /products/{id}/variants", Probe.form("language=vi")),
            Map.entry("POST /products/{id}/variants/{language}/transition", Probe.form("action=SUBMIT&version=" + STALE)),
            Map.entry("POST /products/{id}/variants/{language}/confirm-source", Probe.form("version=" + STALE)),
            Map.entry("POST /products/{id}/variants/{language}/edit", Probe.form("type=LEAFLET&title=Kh%C3%B4ng+l%C6%B0u&version="
                    + STALE)),
            Map.entry("POST /products/{id}/variants/{language}/assets",
                    new Probe("productType=INFOGRAPHIC&fileName={fileName}&role=", null, null, false)),
            Map.entry("POST /translate/{id}/{language}", Probe.form("title=Kh%C3%B4ng+l%C6%B0u&version=" + STALE)),
            Map.entry("POST /translate/{id}/{language}/import", new Probe("", "", null, true)),
            Map.entry("GET /products/{id}/variants/{language}/diff", Probe.query("from=1&to=1")));

    private static byte[] multipart(String boundary, String csrf, String file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tep.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + (file == null ? "" : file) + "\r\n--" + boundary + "--\r\n";
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    record Answer(int status, byte[] body) {

        String excerpt() {
            String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }

    /** One caller: HTTP Basic on the API, a signed-in session (with its CSRF token) on the pages. */
    static final class Client {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

        private final int port;
        private final String authorization;
        private final HttpClient http;
        private final CookieManager cookies = new CookieManager();
        private String csrf;
        private String sessionAtSignIn;
        private final String username;

        Client(int port, String username, String password) {
            this.port = port;
            this.username = username;
            this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            if (username != null) {
                String token = csrfOf("/login");
                HttpResponse<Void> login = sendForHeaders(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                                + URLEncoder.encode(token, StandardCharsets.UTF_8))));
                assertThat(login.headers().firstValue("Location").orElse("error")).as(username + " signs in").doesNotContain("error");
                // The form token now, from the page the sign-in leads to, before any probe runs: how a page answers
                // later is what the table checks, not a precondition of probing.
                csrf();
                sessionAtSignIn = session();
            }
        }

        /** The session cookie the client holds now. */
        private String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse("none");
        }

        /** For a failure's message: whether the server replaced the session the client signed in with. */
        String sessionNote() {
            String now = session();
            return sessionAtSignIn == null ? "no sign-in" : now.equals(sessionAtSignIn) ? "same session cookie as at sign-in"
                    : "session cookie changed since sign-in: " + sessionAtSignIn.substring(0, Math.min(8, sessionAtSignIn.length()))
                    + "… → " + now.substring(0, Math.min(8, now.length())) + "…";
        }

        void authorize(HttpRequest.Builder request) {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
        }

        /** The session's CSRF token, as a page form carries it (the sign-in page's for anonymous callers). */
        synchronized String csrf() {
            if (csrf == null) {
                csrf = csrfOf(authorization == null ? "/login" : "/");
            }
            return csrf;
        }

        private String csrfOf(String page) {
            Answer answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page)).header("Accept", "text/html").GET());
            Matcher matcher = CSRF.matcher(new String(answer.body(), StandardCharsets.UTF_8));
            assertThat(matcher.find()).as("CSRF token on %s for %s (answer %s: %s)", page, username, answer.status(), answer.excerpt())
                    .isTrue();
            return matcher.group(1);
        }

        private HttpResponse<Void> sendForHeaders(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new IllegalStateException("request failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Answer send(HttpRequest.Builder request) {
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException("request failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------- the fixtures

    private String user(ApiClient admin, String username, String role, String scopes) {
        TestUsers.ensure(port, admin, username, "[\"" + role + "\"]", scopes);
        return username;
    }

    private Fixture fixture(ApiClient admin, ApiClient author, ApiClient reviewer, ApiClient approver, ApiClient publisher, String state,
            List<String> steps, String province, boolean mine) {
        String image = upload(author);
        String scope = province == null ? "\"scope\":\"NATIONAL\"" : "\"scope\":\"LOCAL\",\"province\":\"" + province + "\"";
        String title = "Ma trận quyền " + state + " " + (province == null ? "toàn quốc" : province) + " " + UUID.randomUUID();
        HttpResponse<String> created = author.post("/api/v1/products", "{\"info\":{\"type\":\"INFOGRAPHIC\",\"topics\":[\"VOLUNTARY_SI\"],"
                + scope + "},\"content\":{\"title\":" + Json.quote(title) + ",\"summary\":\"Tóm tắt\",\"body\":\"<p>Nội dung</p>\","
                + "\"assets\":[{\"assetId\":\"" + image + "\",\"role\":\"image\"}]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Json.parse(created.body()).get("productId").asString();
        String vi = "/api/v1/products/" + id + "/variants/vi";
        for (String step : steps) {
            ApiClient actor = switch (step) {
                case "REVIEW" -> reviewer;
                case "APPROVE", "WITHDRAW" -> approver;
                case "PUBLISH" -> publisher;
                default -> author;
            };
            String etag = admin.get(vi).headers().firstValue("ETag").orElseThrow();
            String body = "{\"action\":\"" + step + "\"" + (step.equals("WITHDRAW") ? ",\"comment\":\"Thu hồi\"" : "") + "}";
            HttpResponse<String> moved = actor.send(actor.request(vi + "/transitions").header("If-Match", etag)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(moved.statusCode()).as(state + " " + step + ": " + moved.body()).isEqualTo(200);
        }
        String code = shortLinks.url(id, "vi").replaceAll(".*/p/", "");
        String name = state + (province == null ? " national" : OWN_PROVINCE.equals(province) ? " local own" : " local other")
                + (mine ? " (written by the reader)" : "");
        return new Fixture(name, id, image, code, state, province, mine);
    }

    private static String upload(ApiClient client) {
        HttpResponse<String> response = client.send(client.request("/api/v1/assets?productType=INFOGRAPHIC&fileName=anh.png")
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(64, 48))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.parse(response.body()).get("id").asString();
    }
}

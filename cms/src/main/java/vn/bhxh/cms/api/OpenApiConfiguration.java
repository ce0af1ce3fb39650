package vn.bhxh.cms.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): the two ways to sign in,
 * the public routes marked as such, the app feed (a servlet filter, which springdoc cannot see), and the answers every
 * operation can really give besides its success: 400 (a field named, RFC 9457), 401/403/429 where signing in is needed,
 * 404 for a resource named in the path, 412/428 where {@code If-Match} is required, 503 while Elasticsearch is away.
 * Success codes come from the controllers ({@code @ResponseStatus(CREATED)} where a call answers 201).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String TOKEN = "apiToken";
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "Problem";
    /** Reachable without signing in: what was published (feeds, media), the public pages and their fonts. */
    private static final List<String> PUBLIC = List.of("/api/v1/feeds/", "/api/v1/media/", "/p/");
    static final String FEEDS = "/api/v1/feeds/{language}.";

    @Bean
    OpenAPI bhxhOpenApi() {
        return new OpenAPI()
                .info(new Info().title("BHXH CMS API").version("v1")
                        .description("Nội dung truyền thông BHXH Việt Nam: sản phẩm, bản ngôn ngữ, tệp, lịch phát hành, báo cáo. "
                                + "Lỗi: RFC 9457 application/problem+json, tiếng Việt (tiếng Anh với Accept-Language: en). "
                                + "Mỗi lần ghi mang If-Match với ETag đã đọc."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Tên đăng nhập và mật khẩu / user name and password"))
                        .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("bhxh_…")
                                .description("Mã API do quản trị viên cấp, chỉ hiện một lần / an API token issued by an administrator")))
                // Either one: two requirement objects are alternatives.
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }

    @Bean
    OpenApiCustomizer realAnswers() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, new ObjectSchema()
                    .description("RFC 9457; detail names the field and what is expected")
                    .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema())
                    .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                            .addProperty("field", new StringSchema()).addProperty("message", new StringSchema()))));
            addFeeds(openApi);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                operation.setResponses(responses);
                boolean open = PUBLIC.stream().anyMatch(path::startsWith);
                if (open) {
                    operation.setSecurity(List.of());
                } else {
                    problem(responses, "401", "Chưa đăng nhập hoặc sai thông tin đăng nhập / not signed in");
                    problem(responses, "403", "Không có quyền / not allowed for this user's roles or scopes");
                    problem(responses, "429", "Đăng nhập đang bị chặn tạm thời (Retry-After) / sign-in blocked for a while");
                }
                boolean hasInput = operation.getRequestBody() != null
                        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
                if (hasInput) {
                    problem(responses, "400", "Dữ liệu không hợp lệ, nêu tên trường / bad input, naming the field");
                }
                if (path.contains("{")) {
                    problem(responses, "404", "Không có hoặc không được xem / not found (or not visible to this user)");
                }
                if (operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()))) {
                    problem(responses, "412", "Người khác đã lưu trước: GET để xem ETag mới / someone else saved first");
                    problem(responses, "428", "Thiếu If-Match / If-Match is required");
                }
                problem(responses, "503", "Elasticsearch không trả lời; thử lại sau Retry-After / the store is unavailable");
            }));
        };
    }

    /** The app feed is a servlet filter in front of MVC (see distribution/FeedEndpoint): described here by hand. */
    private static void addFeeds(OpenAPI openApi) {
        for (String extension : List.of("json", "atom")) {
            String type = "json".equals(extension) ? "application/feed+json" : "application/atom+xml";
            ApiResponses responses = new ApiResponses()
                    .addApiResponse("200", new ApiResponse().description("Nguồn tin / the feed ("
                                    + ("json".equals(extension) ? "JSON Feed 1.1" : "Atom") + "), with ETag, Last-Modified and Cache-Control")
                            .content(new Content().addMediaType(type, new MediaType().schema(new StringSchema())))
                            .headers(Map.of("ETag", new Header().schema(new StringSchema()),
                                    "Cache-Control", new Header().schema(new StringSchema()))))
                    .addApiResponse("304", new ApiResponse().description("Không đổi từ ETag/ngày đã có / not modified"));
            problem(responses, "400", "audience hoặc since không hợp lệ / a bad audience or since");
            problem(responses, "404", "Không có nguồn tin này / no such feed");
            problem(responses, "405", "Chỉ GET và HEAD / only GET and HEAD");
            Operation get = new Operation().operationId("feed_" + extension).addTagsItem("feeds")
                    .summary("Nguồn tin ứng dụng VssID / the VssID app feed (" + extension + ")")
                    .addParametersItem(new Parameter().in("path").name("language").required(true)
                            .description("Mã ngôn ngữ BCP 47, ví dụ vi, tyz / language code").schema(new StringSchema()))
                    .addParametersItem(new Parameter().in("query").name("audience").required(false)
                            .description("Nhóm đối tượng, ví dụ 3.1 / audience group").schema(new StringSchema()))
                    .addParametersItem(new Parameter().in("query").name("since").required(false)
                            .description("date_modified của mục mới nhất đã có (ISO-8601) / newest item held").schema(new StringSchema()))
                    .addParametersItem(new Parameter().in("header").name("If-None-Match").required(false).schema(new StringSchema()))
                    .security(List.of())
                    .responses(responses);
            openApi.path(FEEDS + extension, new PathItem().get(get));
        }
    }

    private static void problem(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
        }
    }
}

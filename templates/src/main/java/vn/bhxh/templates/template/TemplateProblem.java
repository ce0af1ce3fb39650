package vn.bhxh.templates.template;

/** Why a template was refused, in Vietnamese first and English second. */
public record TemplateProblem(String code, String vietnamese, String english) {

    static TemplateProblem unknownField(String name) {
        return new TemplateProblem("unknown-field",
                "Trường không tồn tại: {{" + name + "}}",
                "Unknown field: {{" + name + "}}");
    }

    static TemplateProblem rawOutsideHtml(String name) {
        return new TemplateProblem("unescaped-field",
                "Chỉ mẫu HTML mới được chèn nội dung HTML {{{body}}}; trường {{" + name + "}} không được chèn nguyên dạng ở đây",
                "Only HTML templates may insert the HTML body unescaped; {{" + name + "}} may not be inserted raw here");
    }

    static TemplateProblem bodyInText() {
        return new TemplateProblem("html-in-text",
                "Mẫu văn bản thuần không được dùng {{body}} (HTML); hãy dùng {{bodyText}}",
                "Plain-text templates may not use {{body}} (HTML); use {{bodyText}}");
    }

    static TemplateProblem unsupportedTag(String what) {
        return new TemplateProblem("unsupported-tag",
                "Không hỗ trợ " + what + " trong mẫu",
                what + " is not supported in templates");
    }

    static TemplateProblem unquotedAttribute() {
        return new TemplateProblem("unquoted-attribute",
                "Giá trị thuộc tính HTML phải nằm trong dấu ngoặc kép: href=\"{{link}}\"",
                "HTML attribute values must be quoted: href=\"{{link}}\"");
    }

    static TemplateProblem syntax(String detail) {
        return new TemplateProblem("syntax",
                "Mẫu sai cú pháp: " + detail,
                "Template syntax error: " + detail);
    }

    static TemplateProblem empty() {
        return new TemplateProblem("empty", "Mẫu trống", "The template is empty");
    }
}

package vn.bhxh.templates.channel;

/** What a template produces, which decides how field values are escaped into it. */
public enum TemplateFormat {
    /** Plain text (SMS, social messages, titles): nothing escaped; JSON/XML wrapping is done by serializers. */
    TEXT,
    /** An HTML fragment: every {{field}} is HTML-escaped; only the sanitized body may be inserted raw. */
    HTML
}

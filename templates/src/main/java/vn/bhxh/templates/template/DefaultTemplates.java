package vn.bhxh.templates.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The shipped templates, under {@code vn/bhxh/templates/defaults/{language}/{channel}/{slot}.mustache} on
 * the classpath. Vietnamese is complete; other languages ship only what someone who writes them provided.
 */
public final class DefaultTemplates {

    static final String ROOT = "vn/bhxh/templates/defaults/";

    public Optional<String> find(TemplateKey key) {
        String resource = ROOT + key.languageTag() + "/" + key.slot().path() + ".mustache";
        try (InputStream in = DefaultTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read default template " + resource, e);
        }
    }
}

package vn.bhxh.templates.print;

/** The texts of a print product, already rendered from the print templates. */
public record PrintContent(String languageTag, String headline, String text, String footer, String qrUrl, PrintFormat format) {
}

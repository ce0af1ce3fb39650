package vn.bhxh.templates.render;

/**
 * Choices the editor makes in the preview.
 *
 * @param unaccentedSms also produce the unaccented GSM-7 SMS version (never made unless asked)
 */
public record PreviewOptions(boolean unaccentedSms) {

    public static final PreviewOptions DEFAULT = new PreviewOptions(false);
}

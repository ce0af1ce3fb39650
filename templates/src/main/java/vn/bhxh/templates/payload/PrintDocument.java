package vn.bhxh.templates.payload;

import vn.bhxh.templates.channel.TemplateChannel;

/**
 * A print-ready PDF (leaflet or poster) with a QR code to the product's public page.
 *
 * @param qrUrl    the exact URL the QR code encodes (tracked with utm_source=qr)
 * @param headline the rendered texts laid out in the PDF, for showing beside it in the preview
 */
public record PrintDocument(byte[] pdf, String qrUrl, String pageSize, int pages, String headline, String text, String footer)
        implements ChannelPayload {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.PRINT;
    }
}

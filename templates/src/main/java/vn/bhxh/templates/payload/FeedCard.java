package vn.bhxh.templates.payload;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.templates.channel.TemplateChannel;

/**
 * A card in the VssID app feed, offered as a JSON Feed 1.1 item and as an Atom (RFC 4287) entry.
 *
 * @param id a stable id per product and language, e.g. "bhxh:product:{id}:{lang}"
 */
public record FeedCard(String id, String url, String title, String summary, String imageUrl, String languageTag)
        implements ChannelPayload {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.VSSID_FEED;
    }

    /** One item of a JSON Feed 1.1 ("items" member). */
    public String toJsonFeedItem() {
        ObjectNode item = Json.object();
        item.put("id", id);
        item.put("url", url);
        item.put("title", title);
        item.put("content_text", summary);
        item.put("summary", summary);
        if (!imageUrl.isEmpty()) {
            item.put("image", imageUrl);
        }
        item.put("language", languageTag);
        return Json.write(item);
    }

    /** An Atom entry element (namespaced, so it can stand alone or inside a feed). */
    public String toAtomEntry(Instant updated) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartElement("entry");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", languageTag);
            element(xml, "id", id);
            element(xml, "title", title);
            element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            xml.writeEmptyElement("link");
            xml.writeAttribute("rel", "alternate");
            xml.writeAttribute("href", Xml.legal(url));
            element(xml, "summary", summary);
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write Atom entry", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(Xml.legal(text));
        xml.writeEndElement();
    }
}

package vn.bhxh.cms.translation;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * XLIFF 2.0 (OASIS) for {@link TranslationFile}: one {@code <unit>} per field, the source revision in a note.
 * HTML in the body is carried as text inside source and target.
 */
public final class Xliff {

    public static final String MEDIA_TYPE = "application/xliff+xml";
    static final String NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0";
    private static final String REVISION_NOTE = "bhxh:sourceRevision";

    private Xliff() {
    }

    public static String write(TranslationFile file) {
        try {
            Document doc = builder().newDocument();
            Element xliff = doc.createElementNS(NAMESPACE, "xliff");
            xliff.setAttribute("version", "2.0");
            xliff.setAttribute("srcLang", file.sourceLanguage());
            xliff.setAttribute("trgLang", file.targetLanguage());
            doc.appendChild(xliff);
            Element fileElement = child(doc, xliff, "file");
            fileElement.setAttribute("id", file.productId());
            Element note = child(doc, child(doc, fileElement, "notes"), "note");
            note.setAttribute("category", REVISION_NOTE);
            note.setTextContent(Integer.toString(file.sourceRevision()));
            for (TranslationFile.Unit unit : file.units()) {
                Element unitElement = child(doc, fileElement, "unit");
                unitElement.setAttribute("id", unit.id());
                Element segment = child(doc, unitElement, "segment");
                child(doc, segment, "source").setTextContent(unit.source() == null ? "" : unit.source());
                if (unit.target() != null) {
                    child(doc, segment, "target").setTextContent(unit.target());
                }
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("could not write XLIFF", e);
        }
    }

    /** Reads an XLIFF 2.0 file; DTDs and external entities are refused (no XXE). */
    public static TranslationFile read(byte[] xml) {
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new InvalidTranslationFileException("not a readable XLIFF 2.0 document", e);
        }
        Element root = doc.getDocumentElement();
        if (!"xliff".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw new InvalidTranslationFileException("the root element must be <xliff> in " + NAMESPACE);
        }
        Element file = first(root, "file");
        if (file == null) {
            throw new InvalidTranslationFileException("no <file> element");
        }
        int revision = -1;
        NodeList notes = file.getElementsByTagNameNS(NAMESPACE, "note");
        for (int i = 0; i < notes.getLength(); i++) {
            Element note = (Element) notes.item(i);
            if (REVISION_NOTE.equals(note.getAttribute("category"))) {
                revision = Integer.parseInt(note.getTextContent().strip());
            }
        }
        if (revision < 0) {
            throw new InvalidTranslationFileException("the note " + REVISION_NOTE + " (the source revision) is missing");
        }
        List<TranslationFile.Unit> units = new ArrayList<>();
        NodeList unitElements = file.getElementsByTagNameNS(NAMESPACE, "unit");
        for (int i = 0; i < unitElements.getLength(); i++) {
            Element unit = (Element) unitElements.item(i);
            Element source = first(unit, "source");
            Element target = first(unit, "target");
            units.add(new TranslationFile.Unit(unit.getAttribute("id"), source == null ? null : source.getTextContent(),
                    target == null ? null : target.getTextContent()));
        }
        return new TranslationFile(file.getAttribute("id"), root.getAttribute("srcLang"), root.getAttribute("trgLang"),
                revision, units);
    }

    private static Element child(Document doc, Element parent, String name) {
        Element element = doc.createElementNS(NAMESPACE, name);
        parent.appendChild(element);
        return element;
    }

    private static Element first(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(NAMESPACE, name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // The default handler prints parse errors to stderr; the caller reports them instead.
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return builder;
    }

}

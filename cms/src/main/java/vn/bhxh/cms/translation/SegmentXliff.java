package vn.bhxh.cms.translation;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XLIFF 2.0 (OASIS core) of a translation's segments, as CAT tools such as OmegaT read it: one {@code <unit>} per block
 * (the title, the summary, each heading, paragraph, list item…), one {@code <segment>} per segment with the segment's id,
 * inline markup as {@code <pc>} (pairs) and {@code <ph>} (standalone) whose original HTML is in the unit's
 * {@code <originalData>}, marked {@code canDelete="no"}. The segment's {@code state}: {@code initial} untranslated or
 * outdated, {@code translated}, {@code reviewed} (accepted by a second speaker), {@code final} (approved).
 */
public final class SegmentXliff {

    static final String NAMESPACE = Xliff.NAMESPACE;
    private static final String REVISION_NOTE = "bhxh:sourceRevision";

    private SegmentXliff() {
    }

    /** A segment read from a file: its id, its target with codes as marks (null: no target), its state and any problem. */
    public record Read(String id, String target, String state, String problem) {
    }

    public record ReadFile(String productId, String sourceLanguage, String targetLanguage, int sourceRevision, List<Read> segments) {
    }

    public static String write(Workbench workbench, String sourceLanguage) {
        try {
            Document doc = builder().newDocument();
            Element xliff = doc.createElementNS(NAMESPACE, "xliff");
            xliff.setAttribute("version", "2.0");
            xliff.setAttribute("srcLang", sourceLanguage);
            xliff.setAttribute("trgLang", workbench.language());
            doc.appendChild(xliff);
            Element file = child(doc, xliff, "file");
            file.setAttribute("id", "f-" + workbench.productId());
            file.setAttribute("original", "products/" + workbench.productId());
            Element notes = child(doc, file, "notes");
            note(doc, notes, REVISION_NOTE, Integer.toString(workbench.sourceRevision()));
            note(doc, notes, "bhxh:product", workbench.productId());
            Map<Integer, List<Workbench.Segment>> blocks = new LinkedHashMap<>();
            workbench.segments().forEach(s -> blocks.computeIfAbsent(s.block(), b -> new ArrayList<>()).add(s));
            for (Map.Entry<Integer, List<Workbench.Segment>> block : blocks.entrySet()) {
                Element unit = child(doc, file, "unit");
                unit.setAttribute("id", "u" + block.getKey());
                unit.setAttribute("name", block.getValue().get(0).kind());
                List<InlineCode> codes = block.getValue().stream().flatMap(s -> s.codes().stream()).toList();
                if (!codes.isEmpty()) {
                    Element data = child(doc, unit, "originalData");
                    for (InlineCode code : codes) {
                        if (code.type() == InlineCode.Type.PC) {
                            child(doc, data, "data").setAttribute("id", "d" + code.id() + "s");
                            ((Element) data.getLastChild()).setTextContent(code.start());
                            child(doc, data, "data").setAttribute("id", "d" + code.id() + "e");
                            ((Element) data.getLastChild()).setTextContent(code.end());
                        } else {
                            child(doc, data, "data").setAttribute("id", "d" + code.id());
                            ((Element) data.getLastChild()).setTextContent(code.start());
                        }
                    }
                }
                boolean first = true;
                for (Workbench.Segment segment : block.getValue()) {
                    if (!first) {
                        child(doc, child(doc, unit, "ignorable"), "source").setTextContent(" ");
                    }
                    first = false;
                    Element seg = child(doc, unit, "segment");
                    seg.setAttribute("id", segment.id());
                    seg.setAttribute("state", state(segment.status()));
                    marks(doc, child(doc, seg, "source"), segment.source(), segment.codes());
                    if (segment.target() != null && !segment.target().isEmpty()) {
                        marks(doc, child(doc, seg, "target"), segment.target(), segment.codes());
                    }
                }
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("could not write XLIFF", e);
        }
    }

    private static String state(SegmentStatus status) {
        return switch (status) {
            case NEW, OUTDATED -> "initial";
            case TRANSLATED -> "translated";
            case ACCEPTED -> "reviewed";
            case APPROVED -> "final";
        };
    }

    private static void note(Document doc, Element notes, String category, String text) {
        Element note = child(doc, notes, "note");
        note.setAttribute("category", category);
        note.setTextContent(text);
    }

    /** Writes a text with marks as XLIFF inline content: pairs as {@code <pc>}, standalone codes as {@code <ph>}. */
    private static void marks(Document doc, Element into, String text, List<InlineCode> codes) {
        Map<String, InlineCode> byId = new LinkedHashMap<>();
        codes.forEach(c -> byId.put(c.id(), c));
        Deque<Element> parents = new ArrayDeque<>();
        parents.push(into);
        for (Placeholders.Token token : Placeholders.tokens(text)) {
            switch (token.kind()) {
                case TEXT -> parents.peek().appendChild(doc.createTextNode(token.text()));
                case START -> {
                    Element pc = doc.createElementNS(NAMESPACE, "pc");
                    pc.setAttribute("id", token.id());
                    pc.setAttribute("dataRefStart", "d" + token.id() + "s");
                    pc.setAttribute("dataRefEnd", "d" + token.id() + "e");
                    pc.setAttribute("canDelete", "no");
                    pc.setAttribute("canCopy", "no");
                    InlineCode code = byId.get(token.id());
                    if (code != null) {
                        pc.setAttribute("dispStart", code.label());
                    }
                    parents.peek().appendChild(pc);
                    parents.push(pc);
                }
                case END -> {
                    if (parents.size() > 1) {
                        parents.pop();
                    }
                }
                case STANDALONE -> {
                    Element ph = doc.createElementNS(NAMESPACE, "ph");
                    ph.setAttribute("id", token.id());
                    ph.setAttribute("dataRef", "d" + token.id());
                    ph.setAttribute("canDelete", "no");
                    ph.setAttribute("canCopy", "no");
                    InlineCode code = byId.get(token.id());
                    if (code != null) {
                        ph.setAttribute("disp", code.label());
                    }
                    parents.peek().appendChild(ph);
                }
            }
        }
    }

    /** Reads a segmented XLIFF 2.0 file; DTDs and external entities are refused (no XXE). */
    public static ReadFile read(byte[] xml) {
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
        NodeList files = root.getElementsByTagNameNS(NAMESPACE, "file");
        if (files.getLength() != 1) {
            throw new InvalidTranslationFileException("the document must hold exactly one <file>");
        }
        Element file = (Element) files.item(0);
        int revision = -1;
        String product = null;
        NodeList notes = file.getElementsByTagNameNS(NAMESPACE, "note");
        for (int i = 0; i < notes.getLength(); i++) {
            Element note = (Element) notes.item(i);
            if (REVISION_NOTE.equals(note.getAttribute("category"))) {
                try {
                    revision = Integer.parseInt(note.getTextContent().strip());
                } catch (NumberFormatException e) {
                    throw new InvalidTranslationFileException("the note " + REVISION_NOTE + " is not a number");
                }
            } else if ("bhxh:product".equals(note.getAttribute("category"))) {
                product = note.getTextContent().strip();
            }
        }
        if (revision < 0 || product == null) {
            throw new InvalidTranslationFileException("the notes " + REVISION_NOTE + " and bhxh:product are missing");
        }
        List<Read> segments = new ArrayList<>();
        NodeList elements = file.getElementsByTagNameNS(NAMESPACE, "segment");
        for (int i = 0; i < elements.getLength(); i++) {
            Element segment = (Element) elements.item(i);
            Element target = first(segment, "target");
            String problem = null;
            String text = null;
            if (target != null) {
                StringBuilder out = new StringBuilder();
                problem = inline(target, out);
                text = out.toString();
            }
            segments.add(new Read(segment.getAttribute("id"), text, segment.getAttribute("state"), problem));
        }
        return new ReadFile(product, root.getAttribute("srcLang"), root.getAttribute("trgLang"), revision, segments);
    }

    /** Appends an XLIFF inline content as text with marks; answers the first thing it cannot carry, or null. */
    private static String inline(Element element, StringBuilder out) {
        String problem = null;
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(node.getNodeValue());
            } else if (node instanceof Element child && NAMESPACE.equals(child.getNamespaceURI())) {
                String id = child.getAttribute("id");
                switch (child.getLocalName()) {
                    case "pc" -> {
                        out.append(Placeholders.OPEN).append(id).append(Placeholders.CLOSE);
                        String inner = inline(child, out);
                        problem = problem == null ? inner : problem;
                        out.append(Placeholders.OPEN).append('/').append(id).append(Placeholders.CLOSE);
                    }
                    case "ph" -> out.append(Placeholders.OPEN).append(id).append('/').append(Placeholders.CLOSE);
                    case "mrk" -> {
                        String inner = inline(child, out);
                        problem = problem == null ? inner : problem;
                    }
                    default -> problem = problem == null ? "<" + child.getLocalName() + ">" : problem;
                }
            }
        }
        return problem;
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
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return builder;
    }
}

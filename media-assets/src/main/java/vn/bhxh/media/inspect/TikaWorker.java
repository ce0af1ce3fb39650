package vn.bhxh.media.inspect;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Runs in a child JVM started by {@link ForkedTikaParser}: parses one file and writes what it found
 * as a properties file to standard output. A hostile file that makes Tika loop, eat memory or crash
 * takes this short-lived process down, never the application.
 */
public final class TikaWorker {

    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String TEXT = "text";
    static final String TEXT_TRUNCATED = "text.truncated";
    static final String METADATA_PREFIX = "meta.";
    /** Joins multi-valued metadata; a control character no metadata value should contain. */
    static final String VALUE_SEPARATOR = "\u001f";

    private TikaWorker() {
    }

    public static void main(String[] args) throws Exception {
        // Parsers and logging may print; only our properties may reach the parent on stdout.
        PrintStream protocol = System.out;
        System.setOut(System.err);
        Properties result = new Properties();
        try {
            parse(Path.of(args[0]), Integer.parseInt(args[1]), result);
            result.setProperty(OUTCOME, "parsed");
        } catch (Exception | StackOverflowError e) {
            result.clear();
            result.setProperty(OUTCOME, "failed");
            result.setProperty(REASON, describe(e));
        }
        try (OutputStream out = protocol) {
            result.store(out, null);
        }
        System.exit(0);
    }

    private static void parse(Path file, int textLimit, Properties result) throws Exception {
        Metadata metadata = new Metadata();
        BodyContentHandler text = new BodyContentHandler(textLimit);
        boolean truncated = false;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            new AutoDetectParser(Tika.config()).parse(in, text, metadata, new ParseContext());
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            truncated = true;
        }
        for (String name : metadata.names()) {
            result.setProperty(METADATA_PREFIX + name, String.join(VALUE_SEPARATOR, metadata.getValues(name)));
        }
        result.setProperty(TEXT, text.toString());
        result.setProperty(TEXT_TRUNCATED, Boolean.toString(truncated));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return (root.getClass().getSimpleName() + message).lines().findFirst().orElse("");
    }
}

package vn.bhxh.media.inspect;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.TikaException;
import org.xml.sax.SAXException;

/** The one Tika configuration of the module (see tika-config.xml for why it differs from the default). */
final class Tika {

    private static volatile TikaConfig config;

    private Tika() {
    }

    static TikaConfig config() {
        TikaConfig current = config;
        if (current == null) {
            synchronized (Tika.class) {
                current = config;
                if (current == null) {
                    try (InputStream xml = Tika.class.getResourceAsStream("/vn/bhxh/media/tika-config.xml")) {
                        current = new TikaConfig(xml);
                    } catch (IOException | TikaException | SAXException e) {
                        throw new IllegalStateException("The bundled Tika configuration cannot be read", e);
                    }
                    config = current;
                }
            }
        }
        return current;
    }
}

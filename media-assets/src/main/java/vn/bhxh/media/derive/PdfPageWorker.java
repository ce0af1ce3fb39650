package vn.bhxh.media.derive;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Runs in a child JVM started by {@link ForkedPdfFirstPage}: renders the first page of one PDF to a
 * PNG file. Exit 0 on success; otherwise the reason is the last line on standard output.
 */
public final class PdfPageWorker {

    static final int FAILED_EXIT = 2;

    private PdfPageWorker() {
    }

    public static void main(String[] args) {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        try {
            var image = new InProcessPdfFirstPage().render(Path.of(args[0]), Integer.parseInt(args[1]));
            if (!ImageIO.write(image, "png", Path.of(args[2]).toFile())) {
                throw new IllegalStateException("no PNG writer");
            }
            System.exit(0);
        } catch (Exception | StackOverflowError e) {
            String message = e instanceof DerivationFailure failure ? failure.reason().text(Locale.ENGLISH) : String.valueOf(e);
            protocol.println(message.lines().findFirst().orElse(""));
            protocol.flush();
            System.exit(FAILED_EXIT);
        }
    }
}

package vn.bhxh.templates.print;

import java.io.IOException;
import java.lang.Character.UnicodeScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Noto fonts embedded in print PDFs, from Debian's fonts-noto-core (installed by bin/setup-machine),
 * and which one draws each character: the script's own font first, so Khmer, Cham and Tai Viet letters
 * never fall back to a font that lacks them.
 */
public final class FontCatalog {

    public static final Path DEBIAN_NOTO = Path.of("/usr/share/fonts/truetype/noto");

    private static volatile FontCatalog debianNoto;

    private final FontFace latin;
    private final FontFace khmer;
    private final FontFace cham;
    private final FontFace taiViet;
    private final List<FontFace> all;

    public FontCatalog(Path directory) {
        latin = face(directory, "NotoSans-Regular.ttf", false);
        khmer = face(directory, "NotoSansKhmer-Regular.ttf", true);
        cham = face(directory, "NotoSansCham-Regular.ttf", true);
        // Tai Viet is written in visual order with simple marks: no reordering needed.
        taiViet = face(directory, "NotoSansTaiViet-Regular.ttf", false);
        all = List.of(latin, khmer, cham, taiViet);
    }

    /**
     * The system's Noto fonts, read on first use and then shared: an instance that never prints or serves a font
     * never reads them, and one that does reads them once. Two first uses at once may both read; either result serves.
     */
    public static FontCatalog debianNoto() {
        FontCatalog loaded = debianNoto;
        if (loaded == null) {
            loaded = new FontCatalog(DEBIAN_NOTO);
            debianNoto = loaded;
        }
        return loaded;
    }

    /**
     * The face for a character. Spaces, digits, punctuation and combining marks (Unicode "common" and
     * "inherited") stay in the current face when it has them, so a run is not split at every space.
     */
    public Optional<FontFace> faceFor(int codePoint, FontFace current) {
        UnicodeScript script = UnicodeScript.of(codePoint);
        FontFace preferred = switch (script) {
            case KHMER -> khmer;
            case CHAM -> cham;
            case TAI_VIET -> taiViet;
            case COMMON, INHERITED -> current != null && current.covers(codePoint) ? current : latin;
            default -> latin;
        };
        if (preferred.covers(codePoint)) {
            return Optional.of(preferred);
        }
        return all.stream().filter(face -> face.covers(codePoint)).findFirst();
    }

    public FontFace latin() {
        return latin;
    }

    private static FontFace face(Path directory, String fileName, boolean needsShaping) {
        Path file = locate(directory, fileName);
        return new FontFace(fileName.replace("-Regular.ttf", ""), file, needsShaping);
    }

    /**
     * The named file, or else another build of the same family in the folder (a newer Debian may ship
     * "NotoSansKhmer[wdth,wght].ttf"), so a font package update does not break printing.
     */
    private static Path locate(Path directory, String fileName) {
        Path file = directory.resolve(fileName);
        if (Files.isReadable(file)) {
            return file;
        }
        String family = fileName.substring(0, fileName.indexOf('-'));
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(candidate -> {
                        String name = candidate.getFileName().toString();
                        return name.endsWith(".ttf") && (name.startsWith(family + "-") || name.startsWith(family + "["));
                    })
                    .min(Comparator.comparing((Path candidate) -> !candidate.getFileName().toString().contains("Regular"))
                            .thenComparing(candidate -> candidate.getFileName().toString().contains("Italic")))
                    .orElseThrow(() -> missing(file));
        } catch (IOException e) {
            throw missing(file);
        }
    }

    private static IllegalStateException missing(Path file) {
        return new IllegalStateException("Thiếu phông chữ " + file + " (cài gói Debian fonts-noto-core, xem bin/debian-packages)"
                + " / missing font " + file + " (install the Debian package fonts-noto-core)");
    }
}

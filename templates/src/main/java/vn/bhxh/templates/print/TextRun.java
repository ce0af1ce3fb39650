package vn.bhxh.templates.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A stretch of text drawn with one font. */
record TextRun(FontFace face, String text) {

    /**
     * Splits text into runs by the face each character needs. Characters no font has are left out and
     * added to {@code missing}, so the PDF never shows a missing-glyph box and the caller can report them.
     */
    static List<TextRun> split(String text, FontCatalog fonts, Set<Integer> missing) {
        List<TextRun> runs = new ArrayList<>();
        FontFace current = null;
        StringBuilder buffer = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            var face = fonts.faceFor(codePoint, current);
            if (face.isEmpty()) {
                missing.add(codePoint);
                continue;
            }
            if (face.get() != current && !buffer.isEmpty()) {
                runs.add(new TextRun(current, buffer.toString()));
                buffer.setLength(0);
            }
            current = face.get();
            buffer.appendCodePoint(codePoint);
        }
        if (!buffer.isEmpty()) {
            runs.add(new TextRun(current, buffer.toString()));
        }
        return runs;
    }
}

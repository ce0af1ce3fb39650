package vn.bhxh.media.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What a worker is asked to do with one file: the file (by path: parent and worker share the disk)
 * and one bound on the result (characters of text to keep, pixels on a page's longest side).
 */
public record FileRequest(Path file, int bound) {

    public byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(file.toAbsolutePath().toString());
            out.writeInt(bound);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static FileRequest of(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        return new FileRequest(Path.of(in.readUTF()), in.readInt());
    }
}

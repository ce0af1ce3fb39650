package vn.bhxh.media.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The main loop of a warm worker JVM (see {@link WorkerPool}): after its warm-up it answers one
 * request after another on standard input and output, each a length-prefixed frame, until its
 * standard input ends (the parent closed it, or died). Standard output carries only frames: whatever
 * a parser prints goes to standard error.
 */
public final class WorkerLoop {

    /** What a worker does with one request; it runs in the worker JVM only. */
    public interface Job {

        /** Loads and exercises the code the requests need, so that the first request is as quick as the next. */
        void warmUp() throws Exception;

        byte[] run(byte[] request) throws Exception;

        /** The one line the parent receives when a request fails: the root cause, without a stack trace. */
        default String describe(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? "" : ": " + root.getMessage();
            return (root.getClass().getSimpleName() + message).lines().findFirst().orElse("");
        }
    }

    static final byte READY = 'R';
    static final byte DONE = 'D';
    static final byte FAILED = 'F';

    private WorkerLoop() {
    }

    /** Given to a worker that will serve more than one request: only then does its warm-up pay off. */
    static final String WARM_UP = "--warm-up";

    public static void serve(Job job, String[] args) throws Exception {
        DataOutputStream protocol = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        // A worker busy with a hostile file does not read its input; should the application die, end anyway.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        if (List.of(args).contains(WARM_UP)) {
            job.warmUp();
        }
        write(protocol, READY, new byte[0]);
        while (true) {
            byte[] request;
            try {
                request = read(requests, Integer.MAX_VALUE);
            } catch (EOFException parentClosedInput) {
                System.exit(0);
                return;
            }
            try {
                byte[] answer = job.run(request);
                write(protocol, DONE, answer);
            } catch (Exception | StackOverflowError e) {
                write(protocol, FAILED, job.describe(e).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** A frame: its length, then its bytes; a response starts with its status byte. */
    static void write(DataOutputStream out, byte status, byte[] payload) throws IOException {
        out.writeInt(payload.length + 1);
        out.writeByte(status);
        out.write(payload);
        out.flush();
    }

    static void writeRequest(DataOutputStream out, byte[] request) throws IOException {
        out.writeInt(request.length);
        out.write(request);
        out.flush();
    }

    static byte[] read(DataInputStream in, int maxBytes) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > maxBytes) {
            throw new IOException("A worker frame of " + length + " bytes exceeds " + maxBytes + " bytes");
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return frame;
    }
}

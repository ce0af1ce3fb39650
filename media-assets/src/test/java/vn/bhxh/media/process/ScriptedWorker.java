package vn.bhxh.media.process;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker for the pool's own tests: each request names what the worker does, so that a hang, a crash and a heap
 * exhausted are real behaviours of a real child JVM, without relying on a particular hostile file. Every answer starts
 * with the worker's process id, which shows which worker served the request.
 */
public final class ScriptedWorker implements WorkerLoop.Job {

    public static void main(String[] args) throws Exception {
        WorkerLoop.serve(new ScriptedWorker(), args);
    }

    @Override
    public void warmUp() {
        // nothing to load
    }

    @Override
    public byte[] run(byte[] request) throws Exception {
        String command = new String(request, StandardCharsets.UTF_8);
        String argument = command.contains(":") ? command.substring(command.indexOf(':') + 1) : "";
        switch (command.contains(":") ? command.substring(0, command.indexOf(':')) : command) {
            case "hang" -> {
                while (true) {
                    Thread.onSpinWait();
                }
            }
            case "crash" -> {
                System.err.println("crashed on purpose");
                System.err.flush();
                Runtime.getRuntime().halt(7);
            }
            case "exhaust-heap" -> {
                List<long[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new long[1 << 20]);
                }
            }
            case "fail" -> throw new IllegalStateException(argument);
            case "meet" -> meet(Path.of(argument));
            default -> {
                // answer who served the request
            }
        }
        return (ProcessHandle.current().pid() + " " + command).getBytes(StandardCharsets.UTF_8);
    }

    /** Leaves a mark in the directory and waits until another worker has left one too: only two requests running at once meet. */
    private static void meet(Path directory) throws Exception {
        Files.writeString(directory.resolve(Long.toString(ProcessHandle.current().pid())), "");
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try (var marks = Files.list(directory)) {
                if (marks.count() >= 2) {
                    return;
                }
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("no other worker came");
            }
            Thread.sleep(10);
        }
    }
}

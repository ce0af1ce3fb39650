package vn.bhxh.media.process;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What tests need to know about worker processes by their id. */
public final class WorkerProcesses {

    private WorkerProcesses() {
    }

    /** Whether the process is still running, after giving a process that was just killed a moment to end. */
    public static boolean running(long pid) throws Exception {
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent() && handle.get().isAlive()) {
            try {
                handle.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                return true;
            }
        }
        return false;
    }

    /** Kills the process as {@code kill -9} would. */
    public static void killFromOutside(long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + pid + " failed");
        }
        ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
    }

    /** This JVM's child processes that are still running. */
    public static List<Long> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }
}

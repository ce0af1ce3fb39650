package vn.bhxh.media.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a child JVM that has this module on its class path: the way hostile files are parsed
 * and rendered with a hard heap limit and a deadline.
 */
public record WorkerLaunch(String javaExecutable, String classPath) {

    /** This JVM's own executable and class path: right for tests and for an application run from a plain class path. */
    public static WorkerLaunch ofCurrentJvm() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new WorkerLaunch(java, System.getProperty("java.class.path"));
    }

    /** The command line of a worker: small, quick-starting JVM that exits on the first OutOfMemoryError. */
    public List<String> command(int heapMegabytes, Class<?> mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaExecutable,
                "-Xmx" + heapMegabytes + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss4m",
                "-Djava.awt.headless=true",
                "-cp", classPath,
                mainClass.getName()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The exit code of a worker that ran out of heap (-XX:+ExitOnOutOfMemoryError). */
    public static final int OUT_OF_MEMORY_EXIT = 3;
}

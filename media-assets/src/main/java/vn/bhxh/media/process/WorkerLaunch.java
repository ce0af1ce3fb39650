package vn.bhxh.media.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * How to start a child JVM that has this module on its class path: the way hostile files are parsed
 * and rendered with a hard heap limit and a deadline.
 */
public record WorkerLaunch(String javaExecutable, String classPath, boolean springBootJar) {

    /** Spring Boot's launcher, which can start any main class inside an executable jar (nested jars). */
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    public WorkerLaunch(String javaExecutable, String classPath) {
        this(javaExecutable, classPath, isSpringBootJar(classPath));
    }

    /**
     * This JVM's own executable and class path: right for tests, for {@code spring-boot:run} and for
     * {@code java -jar cms.jar} alike (there the worker starts through Spring Boot's launcher).
     */
    public static WorkerLaunch ofCurrentJvm() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new WorkerLaunch(java, System.getProperty("java.class.path"));
    }

    private static boolean isSpringBootJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            Manifest manifest = jar.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return main != null && main.startsWith("org.springframework.boot.loader.");
        } catch (IOException e) {
            return false;
        }
    }

    /** The command line of a worker: small, quick-starting JVM that exits on the first OutOfMemoryError. */
    public List<String> command(int heapMegabytes, Class<?> mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaExecutable,
                "-Xmx" + heapMegabytes + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss4m",
                "-Djava.awt.headless=true"));
        if (springBootJar) {
            command.addAll(List.of("-Dloader.main=" + mainClass.getName(), "-cp", classPath, BOOT_LAUNCHER));
        } else {
            command.addAll(List.of("-cp", classPath, mainClass.getName()));
        }
        command.addAll(List.of(arguments));
        return command;
    }

    /** The exit code of a worker that ran out of heap (-XX:+ExitOnOutOfMemoryError). */
    public static final int OUT_OF_MEMORY_EXIT = 3;
}

package vn.bhxh.media.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import vn.bhxh.media.MediaMessage;
import vn.bhxh.media.process.ExternalProcess;
import vn.bhxh.media.process.WorkerLaunch;

/**
 * Parses with Tika in a child JVM with its own heap limit and a deadline: the only way to give a
 * parse a hard memory limit, and to stop a parser stuck in a loop (a thread cannot be killed).
 */
public final class ForkedTikaParser {

    private final ParseLimits limits;
    private final WorkerLaunch launch;

    public ForkedTikaParser(ParseLimits limits, WorkerLaunch launch) {
        this.limits = limits;
        this.launch = launch;
    }

    public ParsedContent parse(Path file) throws InspectionFailure, InterruptedException {
        List<String> command = launch.command(limits.heapMegabytes(), TikaWorker.class,
                file.toAbsolutePath().toString(), Integer.toString(limits.maxTextCharacters()));
        ExternalProcess.Result result;
        try {
            // Text is at most 6 bytes a character once escaped; metadata adds little.
            result = ExternalProcess.run(command, limits.timeout(), 6L * limits.maxTextCharacters() + 16 * 1024 * 1024);
        } catch (ExternalProcess.TimedOut e) {
            throw new InspectionFailure(MediaMessage.of("inspection.timeout", limits.timeout().toMillis() / 1000.0));
        } catch (IOException e) {
            throw new InspectionFailure(MediaMessage.of("inspection.worker-error", e.getMessage()));
        }
        if (result.exitCode() == WorkerLaunch.OUT_OF_MEMORY_EXIT) {
            throw new InspectionFailure(MediaMessage.of("inspection.out-of-memory", limits.heapMegabytes()));
        }
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(result.stdout()));
        } catch (IOException | IllegalArgumentException e) {
            throw new InspectionFailure(MediaMessage.of("inspection.worker-error", e.getMessage()));
        }
        String outcome = properties.getProperty(TikaWorker.OUTCOME);
        if ("failed".equals(outcome)) {
            throw new InspectionFailure(MediaMessage.of("inspection.unreadable", properties.getProperty(TikaWorker.REASON, "")));
        }
        if (!"parsed".equals(outcome) || result.exitCode() != 0) {
            String last = result.stderr().strip().lines().reduce((a, b) -> b).orElse("exit code " + result.exitCode());
            throw new InspectionFailure(MediaMessage.of("inspection.worker-error", last));
        }
        Map<String, String> metadata = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(TikaWorker.METADATA_PREFIX)) {
                metadata.put(name.substring(TikaWorker.METADATA_PREFIX.length()), properties.getProperty(name));
            }
        }
        return new ParsedContent(metadata, properties.getProperty(TikaWorker.TEXT, ""),
                Boolean.parseBoolean(properties.getProperty(TikaWorker.TEXT_TRUNCATED)));
    }
}

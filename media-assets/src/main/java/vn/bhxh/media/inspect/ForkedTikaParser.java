package vn.bhxh.media.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import vn.bhxh.media.MediaMessage;
import vn.bhxh.media.process.FileRequest;
import vn.bhxh.media.process.WorkerFailure;
import vn.bhxh.media.process.WorkerLaunch;
import vn.bhxh.media.process.WorkerPool;

/**
 * Parses with Tika in a child JVM with its own heap limit and a deadline: the only way to give a
 * parse a hard memory limit, and to stop a parser stuck in a loop (a thread cannot be killed). The
 * child JVMs are kept warm in a {@link WorkerPool}, so a small file costs milliseconds, not a JVM start.
 */
public final class ForkedTikaParser implements AutoCloseable {

    private final ParseLimits limits;
    private final WorkerPool workers;

    public ForkedTikaParser(ParseLimits limits, WorkerLaunch launch) {
        this(limits, launch, WorkerPool.Settings.defaults());
    }

    public ForkedTikaParser(ParseLimits limits, WorkerLaunch launch, WorkerPool.Settings pool) {
        this.limits = limits;
        this.workers = new WorkerPool(launch, TikaWorker.class, limits.heapMegabytes(), pool);
    }

    public ParsedContent parse(Path file) throws InspectionFailure, InterruptedException {
        // Text is at most 6 bytes a character once escaped; metadata adds little.
        int maxAnswer = (int) Math.min(Integer.MAX_VALUE - 16, 6L * limits.maxTextCharacters() + 16 * 1024 * 1024);
        byte[] answer;
        try {
            answer = workers.call(new FileRequest(file, limits.maxTextCharacters()).bytes(), limits.timeout(), maxAnswer);
        } catch (WorkerFailure failure) {
            throw new InspectionFailure(switch (failure.kind()) {
                case JOB_FAILED -> MediaMessage.of("inspection.unreadable", failure.detail());
                case TIMED_OUT -> MediaMessage.of("inspection.timeout", limits.timeout().toMillis() / 1000.0);
                case OUT_OF_MEMORY -> MediaMessage.of("inspection.out-of-memory", limits.heapMegabytes());
                case CRASHED -> MediaMessage.of("inspection.worker-error", failure.detail());
            });
        }
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(answer));
        } catch (IOException | IllegalArgumentException e) {
            throw new InspectionFailure(MediaMessage.of("inspection.worker-error", e.getMessage()));
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

    /** The pool's workers, for tests that check reuse and replacement. */
    WorkerPool workers() {
        return workers;
    }

    @Override
    public void close() {
        workers.close();
    }
}

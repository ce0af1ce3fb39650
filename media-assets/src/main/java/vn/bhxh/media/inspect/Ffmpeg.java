package vn.bhxh.media.inspect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bhxh.media.MediaMessage;
import vn.bhxh.media.process.ExternalProcess;

/**
 * ffprobe and ffmpeg from Debian (bin/debian-packages), for what Tika cannot do: EBU R128 loudness,
 * and stream facts of formats Tika has no parser for (WebM) or reports partly (WAV).
 */
public final class Ffmpeg {

    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+|-inf)\\s+LUFS");
    private static final Pattern TRUE_PEAK = Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf)\\s+dBFS");

    private final String ffmpeg;
    private final String ffprobe;
    private final Duration timeout;

    public Ffmpeg(String ffmpeg, String ffprobe, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.timeout = timeout;
    }

    /** The programs on the PATH, two minutes each (a 5-minute radio file takes about a second to measure). */
    public static Ffmpeg onPath() {
        return new Ffmpeg("ffmpeg", "ffprobe", Duration.ofMinutes(2));
    }

    public AudioFacts probe(Path file) throws InspectionFailure, InterruptedException {
        String out = new String(run(List.of(ffprobe, "-v", "error",
                "-show_entries", "format=duration:stream=codec_type,channels,sample_rate",
                "-of", "default=noprint_wrappers=1", file.toAbsolutePath().toString())).stdout(), StandardCharsets.UTF_8);
        Map<String, String> audio = new HashMap<>();
        Optional<Duration> duration = Optional.empty();
        boolean inAudio = false;
        for (String line : out.lines().toList()) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "codec_type" -> inAudio = value.equals("audio") && audio.isEmpty();
                case "channels", "sample_rate" -> {
                    if (inAudio) {
                        audio.put(key, value);
                    }
                }
                case "duration" -> duration = seconds(value);
                default -> { }
            }
        }
        return new AudioFacts(duration, integer(audio.get("channels")), integer(audio.get("sample_rate")));
    }

    public Loudness loudness(Path file) throws InspectionFailure, InterruptedException {
        String log = run(List.of(ffmpeg, "-hide_banner", "-nostats", "-nostdin", "-i", file.toAbsolutePath().toString(),
                "-vn", "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-")).stderr();
        int summary = log.lastIndexOf("Summary:");
        if (summary < 0) {
            throw new InspectionFailure(MediaMessage.of("inspection.loudness-unreadable"));
        }
        String tail = log.substring(summary);
        return new Loudness(decibels(INTEGRATED.matcher(tail)), decibels(TRUE_PEAK.matcher(tail)));
    }

    private ExternalProcess.Result run(List<String> command) throws InspectionFailure, InterruptedException {
        ExternalProcess.Result result;
        try {
            result = ExternalProcess.run(command, timeout, 1024 * 1024);
        } catch (ExternalProcess.TimedOut e) {
            throw new InspectionFailure(MediaMessage.of("inspection.timeout", timeout.toMillis() / 1000.0));
        } catch (IOException e) {
            throw new InspectionFailure(MediaMessage.of("inspection.tool-missing", command.getFirst(), e.getMessage()));
        }
        if (result.exitCode() != 0) {
            String last = result.stderr().strip().lines().reduce((a, b) -> b).orElse("exit code " + result.exitCode());
            throw new InspectionFailure(MediaMessage.of("inspection.unreadable", last));
        }
        return result;
    }

    private static double decibels(Matcher matcher) throws InspectionFailure {
        if (!matcher.find()) {
            throw new InspectionFailure(MediaMessage.of("inspection.loudness-unreadable"));
        }
        String value = matcher.group(1);
        return value.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(value);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            double seconds = Double.parseDouble(value);
            return seconds >= 0 ? Optional.of(Duration.ofNanos(Math.round(seconds * 1e9))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> integer(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

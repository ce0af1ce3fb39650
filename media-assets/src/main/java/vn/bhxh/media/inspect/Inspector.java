package vn.bhxh.media.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaKind;
import vn.bhxh.media.MediaMessage;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.RefusalCode;

/**
 * Reads a file whose type is already established (see {@link TypeGate}) and reports its metadata and
 * the policy warnings reviewers see. A file that cannot be read ends as a FAILED inspection with the
 * reason, never as an exception; only a hard limit (length) refuses the file.
 */
public final class Inspector {

    private static final String TOOL_MISSING = "inspection.tool-missing";

    private final ForkedTikaParser tika;
    private final Ffmpeg ffmpeg;
    private final MediaPolicy policy;

    public Inspector(ForkedTikaParser tika, Ffmpeg ffmpeg, MediaPolicy policy) {
        this.tika = tika;
        this.ffmpeg = ffmpeg;
        this.policy = policy;
    }

    public MediaPolicy policy() {
        return policy;
    }

    public Inspection inspect(Path file, FileFormat format, MediaProfile product) throws MediaRefusal, InterruptedException {
        ParsedContent parsed;
        try {
            parsed = tika.parse(file);
        } catch (InspectionFailure failure) {
            return Inspection.failed(failure.reason());
        }
        List<MediaMessage> warnings = new ArrayList<>();
        try {
            return switch (format.kind()) {
                case IMAGE -> Inspection.of(imageMetadata(file), warnings);
                case DOCUMENT -> Inspection.of(documentMetadata(parsed), warnings);
                case AUDIO, VIDEO -> Inspection.of(timedMetadata(file, format, product, parsed, warnings), warnings);
            };
        } catch (InspectionFailure failure) {
            return Inspection.failed(failure.reason());
        }
    }

    private MediaMetadata imageMetadata(Path file) throws InspectionFailure {
        try {
            ImageHeader header = ImageHeader.read(file);
            return new MediaMetadata(Optional.empty(), Optional.of(header.width()), Optional.of(header.height()),
                    Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
        } catch (IOException | RuntimeException e) {
            throw new InspectionFailure(MediaMessage.of("inspection.unreadable", String.valueOf(e.getMessage())));
        }
    }

    private static MediaMetadata documentMetadata(ParsedContent parsed) {
        Optional<Integer> pages = parsed.number("xmpTPg:NPages").map(Double::intValue);
        String text = parsed.text().strip();
        return new MediaMetadata(Optional.empty(), Optional.empty(), Optional.empty(), pages,
                text.isEmpty() ? Optional.empty() : Optional.of(text), parsed.textTruncated(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private MediaMetadata timedMetadata(Path file, FileFormat format, MediaProfile product, ParsedContent parsed,
                                        List<MediaMessage> warnings) throws InspectionFailure, MediaRefusal, InterruptedException {
        // Tika's parsers report xmpDM:duration in seconds (MP3, MP4, M4A, Ogg); WAV and WebM need ffprobe.
        Optional<Duration> duration = parsed.number("xmpDM:duration").filter(s -> s > 0)
                .map(s -> Duration.ofNanos(Math.round(s * 1e9)));
        AudioFacts facts = new AudioFacts(Optional.empty(), Optional.empty(), Optional.empty());
        try {
            facts = ffmpeg.probe(file);
        } catch (InspectionFailure failure) {
            if (!failure.reason().key().equals(TOOL_MISSING)) {
                throw failure;
            }
            warnings.add(failure.reason());
        }
        if (duration.isEmpty()) {
            duration = facts.duration();
        }
        if (product.isTimed()) {
            checkDuration(duration, warnings);
        }
        Optional<Loudness> loudness = Optional.empty();
        if (product == MediaProfile.RADIO && format.kind() == MediaKind.AUDIO) {
            loudness = measureLoudness(file, warnings);
        }
        return new MediaMetadata(duration, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                facts.channels(), facts.sampleRateHz(), loudness);
    }

    private void checkDuration(Optional<Duration> measured, List<MediaMessage> warnings) throws MediaRefusal {
        if (measured.isEmpty()) {
            warnings.add(MediaMessage.of("warning.duration-unknown"));
            return;
        }
        Duration duration = measured.get();
        if (duration.compareTo(policy.maxDuration()) > 0) {
            throw new MediaRefusal(RefusalCode.TOO_LONG, clock(duration), clock(policy.maxDuration()));
        }
        if (duration.compareTo(policy.recommendedMinDuration()) < 0 || duration.compareTo(policy.recommendedMaxDuration()) > 0) {
            warnings.add(MediaMessage.of("warning.duration-outside", clock(duration),
                    clock(policy.recommendedMinDuration()), clock(policy.recommendedMaxDuration())));
        }
    }

    private Optional<Loudness> measureLoudness(Path file, List<MediaMessage> warnings) throws InspectionFailure, InterruptedException {
        Loudness loudness;
        try {
            loudness = ffmpeg.loudness(file);
        } catch (InspectionFailure failure) {
            if (!failure.reason().key().equals(TOOL_MISSING)) {
                throw failure;
            }
            warnings.add(failure.reason());
            return Optional.empty();
        }
        double lufs = loudness.integratedLufs();
        if (lufs < policy.minLoudnessLufs() || lufs > policy.maxLoudnessLufs()) {
            warnings.add(MediaMessage.of("warning.loudness-outside", decibels(lufs),
                    decibels(policy.minLoudnessLufs()), decibels(policy.maxLoudnessLufs())));
        }
        if (loudness.truePeakDbtp() > policy.maxTruePeakDbtp()) {
            warnings.add(MediaMessage.of("warning.true-peak-above", decibels(loudness.truePeakDbtp()),
                    decibels(policy.maxTruePeakDbtp())));
        }
        return Optional.of(loudness);
    }

    /** 3:05, as people say lengths. */
    static String clock(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    private static String decibels(double value) {
        return Double.isInfinite(value) ? "-∞" : String.format(Locale.ROOT, "%.1f", value);
    }
}

package vn.bhxh.media.inspect;

import java.time.Duration;
import java.util.Optional;

/** What ffprobe reports of a file's first audio stream and its length. */
public record AudioFacts(Optional<Duration> duration, Optional<Integer> channels, Optional<Integer> sampleRateHz) {
}

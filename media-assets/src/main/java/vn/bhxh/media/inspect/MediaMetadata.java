package vn.bhxh.media.inspect;

import java.time.Duration;
import java.util.Optional;

/**
 * What inspection learned about a file. Fields that do not apply to its kind are empty: duration for
 * audio and video, dimensions for images, pages and text for PDFs, the audio fields and loudness for
 * radio files.
 */
public record MediaMetadata(Optional<Duration> duration, Optional<Integer> width, Optional<Integer> height,
                            Optional<Integer> pageCount, Optional<String> text, boolean textTruncated,
                            Optional<Integer> channels, Optional<Integer> sampleRateHz, Optional<Loudness> loudness) {

    public static MediaMetadata none() {
        return new MediaMetadata(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), Optional.empty(), Optional.empty());
    }
}

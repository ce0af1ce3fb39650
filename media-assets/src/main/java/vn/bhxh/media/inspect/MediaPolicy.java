package vn.bhxh.media.inspect;

import java.time.Duration;

/**
 * What reviewers are warned about, and the hard limits past which a file is refused.
 *
 * @param recommendedMinDuration radio files and videos shorter than this get a warning
 * @param recommendedMaxDuration radio files and videos longer than this get a warning
 * @param maxDuration            radio files and videos longer than this are refused
 * @param minLoudnessLufs        radio files quieter than this (EBU R128 integrated) get a warning
 * @param maxLoudnessLufs        radio files louder than this get a warning
 * @param maxTruePeakDbtp        radio files whose true peak is above this get a warning (clipping on loudspeakers)
 * @param maxImagePixels         images (and rendered PDF pages) with more pixels are refused before decoding
 */
public record MediaPolicy(Duration recommendedMinDuration, Duration recommendedMaxDuration, Duration maxDuration,
                          double minLoudnessLufs, double maxLoudnessLufs, double maxTruePeakDbtp, long maxImagePixels) {

    public MediaPolicy {
        if (recommendedMinDuration.compareTo(recommendedMaxDuration) > 0 || recommendedMaxDuration.compareTo(maxDuration) > 0) {
            throw new IllegalArgumentException("Durations must satisfy min <= recommended max <= hard max");
        }
        if (minLoudnessLufs > maxLoudnessLufs) {
            throw new IllegalArgumentException("The loudness range is empty");
        }
        if (maxImagePixels <= 0) {
            throw new IllegalArgumentException("The pixel limit must be positive");
        }
    }

    /**
     * 3–5 minutes, from the communication plans; refused over 15 minutes. −23 LUFS is the EBU R128
     * target; −24 to −16 LUFS leaves room for speech on outdoor loudspeakers. 100 megapixels is eight
     * times a 12 MP camera picture and decodes into 400 MB.
     */
    public static MediaPolicy defaults() {
        return new MediaPolicy(Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofMinutes(15),
                -24.0, -16.0, -1.0, 100_000_000L);
    }
}

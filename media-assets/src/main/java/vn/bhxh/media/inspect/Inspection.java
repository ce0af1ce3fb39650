package vn.bhxh.media.inspect;

import java.util.List;
import java.util.Optional;
import vn.bhxh.media.MediaMessage;

/** The outcome of inspecting one file: status, metadata, warnings for reviewers, and the failure reason if any. */
public record Inspection(InspectionStatus status, MediaMetadata metadata, List<MediaMessage> warnings,
                         Optional<MediaMessage> failure) {

    public Inspection {
        warnings = List.copyOf(warnings);
    }

    static Inspection of(MediaMetadata metadata, List<MediaMessage> warnings) {
        return new Inspection(warnings.isEmpty() ? InspectionStatus.PASSED : InspectionStatus.PASSED_WITH_WARNINGS,
                metadata, warnings, Optional.empty());
    }

    static Inspection failed(MediaMessage reason) {
        return new Inspection(InspectionStatus.FAILED, MediaMetadata.none(), List.of(), Optional.of(reason));
    }

    public boolean hasWarning(String messageKey) {
        return warnings.stream().anyMatch(w -> w.key().equals(messageKey));
    }
}

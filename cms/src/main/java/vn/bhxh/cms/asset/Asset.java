package vn.bhxh.cms.asset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaKind;
import vn.bhxh.media.inspect.InspectionStatus;

/**
 * A stored file as reviewers and provinces see it: what it is, what inspection found, its previews,
 * who uploaded it. The bytes live in the blob store under {@code sha256}; several assets may share them.
 *
 * @param warnings      policy warnings for reviewers, in Vietnamese
 * @param failureReason why inspection failed, in Vietnamese; null when it did not
 * @param thumbnails    preview size name to the blob id of the JPEG
 */
@Document(indexName = "assets", createIndex = false)
public record Asset(
        @Id String id,
        @Field(type = FieldType.Keyword) String sha256,
        @Field(type = FieldType.Long) long size,
        @Field(type = FieldType.Keyword) String format,
        @Field(type = FieldType.Keyword) String mediaType,
        @Field(type = FieldType.Keyword) String productType,
        @Field(type = FieldType.Keyword) String fileName,
        @Field(type = FieldType.Keyword) String inspectionStatus,
        @Field(type = FieldType.Keyword) List<String> warnings,
        @Field(type = FieldType.Keyword) String failureReason,
        @Field(type = FieldType.Double) Double durationSeconds,
        @Field(type = FieldType.Integer) Integer width,
        @Field(type = FieldType.Integer) Integer height,
        @Field(type = FieldType.Integer) Integer pageCount,
        @Field(type = FieldType.Text) String text,
        @Field(type = FieldType.Integer) Integer channels,
        @Field(type = FieldType.Integer) Integer sampleRateHz,
        @Field(type = FieldType.Double) Double loudnessLufs,
        @Field(type = FieldType.Double) Double truePeakDbtp,
        @Field(type = FieldType.Object, enabled = false) Map<String, String> thumbnails,
        @Field(type = FieldType.Keyword) List<String> usedByProducts,
        @Field(type = FieldType.Keyword) String uploadedBy,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant uploadedAt) {

    /** Inspection could not read the file: it may stay attached for the editor to replace, never go further. */
    public boolean inspectionFailed() {
        return InspectionStatus.FAILED.name().equals(inspectionStatus);
    }

    /** An image, audio or video: shown or played by the browser itself, never run. */
    public boolean playsInBrowser() {
        return FileFormat.ofMediaType(mediaType).map(f -> f.kind() != MediaKind.DOCUMENT).orElse(false);
    }

    /** The same asset, used by these products. */
    public Asset usedBy(List<String> products) {
        return new Asset(id, sha256, size, format, mediaType, productType, fileName, inspectionStatus, warnings, failureReason,
                durationSeconds, width, height, pageCount, text, channels, sampleRateHz, loudnessLufs, truePeakDbtp, thumbnails,
                products, uploadedBy, uploadedAt);
    }
}

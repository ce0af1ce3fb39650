package vn.bhxh.media.store;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns the SDK's unchecked failures into the IOExceptions our callers already handle for files. */
final class S3Calls {

    interface Call<T> {
        T run() throws IOException;
    }

    private S3Calls() {
    }

    static <T> T call(String key, Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            throw new IOException("S3 request for " + key + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 request for " + key + " failed: " + e.getMessage(), e);
        }
    }
}

package vn.bhxh.publisher.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feeds the VssID app backend polls, answered from memory. Items are reloaded from their source every
 * few seconds ({@link #refresh()}), never per request; for each language, audience and format the service
 * keeps a snapshot whose strong ETag and Last-Modified are computed from the selected items' ids and times
 * alone, so a conditional request is answered 304 without rendering anything, and a full answer renders the
 * body once per change. The cms maps {@link FeedResponse} onto its HTTP response.
 */
public final class FeedService implements AutoCloseable {

    /** Bump when the writers change their output, so clients holding old ETags get the new bytes. */
    private static final String RENDERER_VERSION = "1";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String VARY = "Accept-Encoding";

    private final FeedItemSource source;
    private final FeedSettings settings;
    private final Clock clock;
    private final String cacheControl;
    private final Map<SnapshotKey, Snapshot> snapshots = new ConcurrentHashMap<>();
    private volatile Catalog catalog;
    private volatile Thread refresher;

    public FeedService(FeedItemSource source, FeedSettings settings, Clock clock) {
        this.source = source;
        this.settings = settings;
        this.clock = clock;
        this.cacheControl = "public, max-age=" + settings.maxAge().toSeconds() + ", stale-while-revalidate="
                + settings.staleWhileRevalidate().toSeconds();
        this.catalog = new Catalog(List.of(), "", clock.instant());
    }

    /** Reloads items; returns whether anything changed (then the cached snapshots are dropped). */
    public boolean refresh() {
        List<FeedItem> items = source.publishedItems().stream()
                .sorted(Comparator.comparing(FeedItem::updated).reversed().thenComparing(FeedItem::id)).toList();
        String fingerprint = fingerprint(items);
        if (fingerprint.equals(catalog.fingerprint())) {
            return false;
        }
        catalog = new Catalog(items, fingerprint, clock.instant());
        snapshots.clear();
        return true;
    }

    /** Refreshes every {@code interval} in a background thread until {@link #close()}. */
    public synchronized void start(Duration interval) {
        refresh();
        if (refresher == null) {
            refresher = Thread.ofPlatform().name("feed-refresher").daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(interval);
                        refresh();
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        // Source unavailable: keep serving the last good catalog.
                    }
                }
            });
        }
    }

    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.interrupt();
            refresher = null;
        }
    }

    public FeedResponse answer(FeedRequest request) {
        SnapshotKey key = new SnapshotKey(request.language(), request.audience(), request.format(), request.since());
        // A "since" cursor is per client: computed each time rather than filling the cache with one-off entries.
        Snapshot snapshot = request.since() == null
                ? snapshots.computeIfAbsent(key, this::snapshot)
                : snapshot(key);
        if (notModified(snapshot, request)) {
            return new FeedResponse(304, null, request.format().contentType(), snapshot.etag, snapshot.lastModifiedHeader,
                    cacheControl, VARY);
        }
        return new FeedResponse(200, snapshot.body(), request.format().contentType(), snapshot.etag,
                snapshot.lastModifiedHeader, cacheControl, VARY);
    }

    private Snapshot snapshot(SnapshotKey key) {
        Catalog current = catalog;
        List<FeedItem> items = current.items().stream()
                .filter(i -> i.language().equals(key.language()))
                .filter(i -> i.visibleTo(key.audience()))
                .filter(i -> key.since() == null || i.updated().isAfter(key.since()))
                .limit(settings.maxItems())
                .toList();
        Instant lastModified = items.stream().map(FeedItem::updated).max(Instant::compareTo).orElse(current.loadedAt())
                .truncatedTo(ChronoUnit.SECONDS);
        String etag = "\"" + digest(RENDERER_VERSION + "|" + key + "|" + fingerprint(items)) + "\"";
        String audience = key.audience();
        String feedUrl = settings.baseUrl() + "/" + key.language() + (key.format() == FeedFormat.ATOM ? ".atom" : ".json")
                + (audience == null ? "" : "?audience=" + audience);
        FeedChannel channel = new FeedChannel(key.language(), audience, title(key.language(), audience),
                "Bảo hiểm xã hội Việt Nam", settings.homePageUrl(), feedUrl);
        return new Snapshot(channel, key.format(), items, etag, lastModified, HTTP_DATE.format(lastModified));
    }

    private static boolean notModified(Snapshot snapshot, FeedRequest request) {
        if (request.ifNoneMatch() != null) {
            // RFC 9110 §13.1.2: weak comparison, and If-Modified-Since is ignored when If-None-Match is present.
            for (String tag : request.ifNoneMatch().split(",")) {
                String candidate = tag.trim();
                if (candidate.equals("*") || stripWeak(candidate).equals(snapshot.etag)) {
                    return true;
                }
            }
            return false;
        }
        if (request.ifModifiedSince() != null) {
            try {
                Instant since = Instant.from(HTTP_DATE.parse(request.ifModifiedSince().trim()));
                return !snapshot.lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String title(String language, String audience) {
        return "BHXH Việt Nam — tin cho ứng dụng VssID (" + language + (audience == null ? "" : ", nhóm " + audience) + ")";
    }

    private static String fingerprint(List<FeedItem> items) {
        StringBuilder all = new StringBuilder(items.size() * 64);
        for (FeedItem item : items) {
            all.append(item.id()).append('@').append(item.updated()).append('#').append(item.audiences().hashCode()).append('\n');
        }
        return digest(all.toString());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Catalog(List<FeedItem> items, String fingerprint, Instant loadedAt) {
    }

    private record SnapshotKey(String language, String audience, FeedFormat format, Instant since) {
        SnapshotKey {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(format, "format");
        }
    }

    /** One feed's items and validators; the body is rendered on the first full answer and kept. */
    private static final class Snapshot {
        private final FeedChannel channel;
        private final FeedFormat format;
        private final List<FeedItem> items;
        private final String etag;
        private final Instant lastModified;
        private final String lastModifiedHeader;
        private volatile byte[] body;

        Snapshot(FeedChannel channel, FeedFormat format, List<FeedItem> items, String etag, Instant lastModified,
                 String lastModifiedHeader) {
            this.channel = channel;
            this.format = format;
            this.items = items;
            this.etag = etag;
            this.lastModified = lastModified;
            this.lastModifiedHeader = lastModifiedHeader;
        }

        byte[] body() {
            byte[] rendered = body;
            if (rendered == null) {
                rendered = format == FeedFormat.ATOM ? AtomWriter.write(channel, items, lastModified)
                        : JsonFeedWriter.write(channel, items);
                body = rendered;
            }
            return rendered;
        }
    }
}

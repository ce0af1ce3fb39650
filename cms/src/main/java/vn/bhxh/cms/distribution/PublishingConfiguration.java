package vn.bhxh.cms.distribution;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.elasticsearch.core.convert.ElasticsearchCustomConversions;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.asset.VariantMedia;
import vn.bhxh.cms.elasticsearch.IndexDefinition;
import vn.bhxh.cms.elasticsearch.IndexProperties;
import vn.bhxh.cms.elasticsearch.IndexedDocument;
import vn.bhxh.cms.elasticsearch.RetentionProperties;
import vn.bhxh.cms.elasticsearch.RetentionRule;
import vn.bhxh.cms.preview.PublicSiteProperties;
import vn.bhxh.publisher.channels.Channels;
import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.delivery.ChannelDescriptor.ConnectorContext;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.MediaFetcher;
import vn.bhxh.publisher.feed.FeedService;
import vn.bhxh.publisher.feed.FeedSettings;
import vn.bhxh.publisher.feed.PublishedJobsFeedSource;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.PublisherElasticsearch;
import vn.bhxh.publisher.schedule.MissedSchedules;
import vn.bhxh.publisher.schedule.PublishSchedule;
import vn.bhxh.publisher.schedule.Withdrawal;

/** The publisher module, built from the application's Elasticsearch connection and configuration. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    /** Items the app feed keeps in memory: far more than a feed page, few enough to reload every few seconds. */
    static final int FEED_ITEMS = 500;

    @Bean
    IndexedDocument targetIndex() {
        return new IndexedDocument(ChannelTarget.class);
    }

    /**
     * A target's channel is stored as its id, a keyword, as the publisher stores a job's: the registry's plug-ins
     * decide which ids exist, so the store keeps the plain id and never an object.
     */
    @Bean
    ElasticsearchCustomConversions elasticsearchCustomConversions() {
        return new ElasticsearchCustomConversions(List.of(ChannelConverters.Writing.INSTANCE, ChannelConverters.Reading.INSTANCE));
    }

    @Bean
    IndexedDocument targetPaceIndex() {
        return new IndexedDocument(TargetPace.class);
    }

    @Bean
    RetentionRule noticeRetention(RetentionProperties retention) {
        return new RetentionRule("notices", "createdAt", retention.notices());
    }

    @Bean
    IndexedDocument noticeIndex() {
        return new IndexedDocument(Notice.class);
    }

    /** The publisher's job index, created and migrated behind its alias like every other index of the application. */
    @Bean
    IndexDefinition jobIndex() {
        return new IndexDefinition(JobStore.INDEX, JobStore.MAPPING_VERSION, JobStore.settings(), JobStore.mappings());
    }

    /** The same connection pool as the rest of the application, with the publisher's own JSON mapping of its jobs. */
    @Bean
    JobStore publishJobs(Rest5Client elasticsearch, IndexProperties indices) {
        return new JobStore(PublisherElasticsearch.client(elasticsearch), JobStore.INDEX, indices.replicaSettings());
    }

    @Bean
    CredentialCipher credentialCipher(PublishingProperties properties) throws IOException {
        return CredentialKeys.cipher(properties);
    }

    @Bean
    PublishSchedule publishSchedule(JobStore jobs, Clock clock) {
        return new PublishSchedule(jobs, clock);
    }

    /** Every channel's connector, made by its plug-in's descriptor: no channel is named here. */
    @Bean
    Connectors connectors(PublishingProperties properties, VariantMedia media, Clock clock) {
        HttpClient http = Http.defaultClient();
        ConnectorContext context = new ConnectorContext(http,
                ownFilesFirst(properties, media, MediaFetcher.http(http)), clock, properties.connectorTimeout());
        return new Connectors(Channels.all().stream().map(channel -> channel.connector().create(context)).toList());
    }

    /** The connectors, as one bean: a plain list would mix with every other list in the context. */
    record Connectors(List<Connector> all) {
    }

    /** Our own public files are read from the blob store, not fetched over HTTP from ourselves. */
    private static MediaFetcher ownFilesFirst(PublishingProperties properties, VariantMedia media, MediaFetcher http) {
        String own = properties.publicUrl(VariantMedia.PUBLIC_PATH);
        return ref -> {
            if (!ref.url().startsWith(own)) {
                return http.fetch(ref);
            }
            String assetId = ref.url().substring(own.length()).split("/", 2)[0];
            Optional<InputStream> in = media.openPublic(assetId);
            if (in.isEmpty()) {
                throw new IOException("Tệp không còn công khai / the file is no longer public: " + ref.url());
            }
            try (InputStream bytes = in.get()) {
                return bytes.readAllBytes();
            }
        };
    }

    @Bean
    Withdrawal withdrawal(JobStore jobs, Connectors connectors, TargetStore targets, CredentialCipher cipher, Clock clock) {
        return new Withdrawal(jobs, connectors.all(), targets, cipher, clock);
    }

    @Bean
    MissedSchedules missedSchedules(PublishSchedule schedule, TargetStore targets, NoticeBoard notices,
            PublishingProperties properties) {
        return new MissedSchedules(schedule, targets, notices, properties.missedAfter());
    }

    @Bean
    ConnectionCheck connectionCheck(PublishingProperties properties, Clock clock) {
        return new ConnectionCheck(Channels.all(), Http.defaultClient(), clock, properties.connectorTimeout());
    }

    /** Ahead of the security chain and MVC: see {@link FeedEndpoint}. */
    @Bean
    FilterRegistrationBean<FeedEndpoint> feedEndpoint(FeedService feeds, MessageSource messages, JsonMapper json) {
        FilterRegistrationBean<FeedEndpoint> registration = new FilterRegistrationBean<>(new FeedEndpoint(feeds, messages, json));
        registration.addUrlPatterns(FeedEndpoint.PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FeedService feedService(JobStore jobs, PublishingProperties properties, PublicSiteProperties site, Clock clock) {
        return new FeedService(new PublishedJobsFeedSource(jobs, FEED_ITEMS),
                new FeedSettings(properties.publicUrl(FeedEndpoint.PATH), site.baseUrl(), properties.feedMaxAge(),
                        Duration.ofMinutes(5), 50), clock);
    }
}

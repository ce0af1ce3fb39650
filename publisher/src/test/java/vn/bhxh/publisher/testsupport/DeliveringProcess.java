package vn.bhxh.publisher.testsupport;

import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.PublisherElasticsearch;
import vn.bhxh.publisher.schedule.Scheduler;

import java.net.URI;
import java.time.Duration;

/**
 * A scheduler instance as its own JVM, for the crash test: it delivers until it is killed.
 * Arguments: Elasticsearch URI, index, portal URI, signing secret, owner id, lease seconds.
 */
public final class DeliveringProcess {

    public static void main(String[] args) throws Exception {
        JobStore store = new JobStore(PublisherElasticsearch.client(URI.create(args[0])), args[1]);
        var target = Fixtures.webhookTarget("cong-quoc-gia", URI.create(args[2]), args[3]);
        Scheduler scheduler = Schedulers.webhook(store, Fixtures.directory(target), args[4],
                Duration.ofSeconds(Long.parseLong(args[5])), new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 5),
                (t, r) -> { });
        System.out.println("started " + args[4]);
        scheduler.start();
        Thread.sleep(Long.MAX_VALUE);
    }
}

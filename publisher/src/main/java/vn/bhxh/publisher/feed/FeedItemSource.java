package vn.bhxh.publisher.feed;

import java.util.List;

/** Where published items come from (the delivered app-feed jobs in Elasticsearch, or memory in tests). */
public interface FeedItemSource {

    /** Every item currently published, any order. */
    List<FeedItem> publishedItems();
}

package vn.bhxh.cms.distribution;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.demo.DemoProperties;
import vn.bhxh.cms.elasticsearch.IndicesReadyEvent;
import vn.bhxh.publisher.feed.AppFeedChannel;

/**
 * With demo data on, an empty directory gets the one target that needs no outside account: the VssID app feed the
 * CMS serves itself, so a demo can schedule a leaflet and read it at {@code /api/v1/feeds/vi.json}. Portals and
 * social pages need real credentials; an administrator adds them.
 */
@Component
class DemoTargets {

    private static final Logger log = LoggerFactory.getLogger(DemoTargets.class);
    static final String APP_FEED_ID = "vssid-bang-tin";

    private final TargetStore targets;
    private final DemoProperties demo;
    private final Clock clock;

    DemoTargets(TargetStore targets, DemoProperties demo, Clock clock) {
        this.targets = targets;
        this.demo = demo;
        this.clock = clock;
    }

    @EventListener(IndicesReadyEvent.class)
    @Order(20)
    void seed() {
        if (!demo.enabled() || !targets.list().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        targets.create(new ChannelTarget(APP_FEED_ID, AppFeedChannel.CHANNEL, "Ứng dụng VssID – bảng tin", null, null, null, List.of(), 0,
                List.of(), null, false, null, null, now, now, null));
        log.info("Added the demo target '{}' (the VssID app feed served by this CMS)", APP_FEED_ID);
    }
}

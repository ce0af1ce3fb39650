package vn.bhxh.cms.elasticsearch;

import org.springframework.context.ApplicationEvent;

/** Every index exists: work that writes at start-up (the first admin, demo data) can run now. */
public class IndicesReadyEvent extends ApplicationEvent {

    public IndicesReadyEvent(Object source) {
        super(source);
    }
}

package vn.bhxh.cms.report;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.bhxh.cms.elasticsearch.IndexedDocument;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    IndexedDocument reportIndex() {
        return new IndexedDocument(Report.class);
    }

    @Bean
    IndexedDocument communeIndex() {
        return new IndexedDocument(Commune.class);
    }

    @Bean
    IndexedDocument contactsIndex() {
        return new IndexedDocument(ProvinceContacts.class);
    }

    @Bean
    IndexedDocument reminderIndex() {
        return new IndexedDocument(SentReminder.class);
    }

    @Bean
    IndexedDocument broadcastIndex() {
        return new IndexedDocument(Broadcast.class);
    }
}

package vn.bhxh.cms.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.bhxh.cms.elasticsearch.IndexedDocument;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    IndexedDocument notificationSettingsIndex() {
        return new IndexedDocument(NotificationSettings.class);
    }

    @Bean
    IndexedDocument mailOutboxIndex() {
        return new IndexedDocument(OutgoingMail.class);
    }
}

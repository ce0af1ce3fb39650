package vn.bhxh.cms.distribution;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.bhxh.cms.asset.PublicMediaUrls;

/** The public address of files comes from publishing's settings; previews and payloads use it alike. */
@Configuration(proxyBeanMethods = false)
class PublicMediaConfiguration {

    @Bean
    PublicMediaUrls publicMediaUrls(PublishingProperties properties) {
        return new PublicMediaUrls(properties.publicBaseUrl());
    }
}

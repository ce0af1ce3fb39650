package vn.bhxh.cms.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo content from the agency's own plans (cms/src/main/resources/demo/products.json).
 *
 * @param enabled load it on the first start with an empty store; turn off for production
 */
@ConfigurationProperties("bhxh.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled) {
}

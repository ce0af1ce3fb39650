package vn.bhxh.cms.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a web session lasts unused: {@code server.servlet.session.timeout}, as the servlet container would read it. */
@ConfigurationProperties("server.servlet.session")
record WebSessionProperties(@DefaultValue("30m") Duration timeout) {
}

package vn.bhxh.cms.preview;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public portal, the home page the app feed names. A product's own public page is the CMS's short address
 * ({@code publicpage.ShortLinks}), which redirects to the portal once the product is posted there.
 *
 * @param baseUrl the public portal, e.g. https://baohiemxahoi.gov.vn
 */
@ConfigurationProperties("bhxh.public-site")
public record PublicSiteProperties(@DefaultValue("https://baohiemxahoi.gov.vn") String baseUrl) {
}

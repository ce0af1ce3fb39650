package vn.bhxh.cms.preview;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where products are published for the public: links in posts, QR codes on print.
 *
 * @param baseUrl the public portal, e.g. https://baohiemxahoi.gov.vn; a product's page is
 *        {@code <baseUrl>/san-pham/<id>/<language>}
 */
@ConfigurationProperties("bhxh.public-site")
public record PublicSiteProperties(@DefaultValue("https://baohiemxahoi.gov.vn") String baseUrl) {

    public String productPage(String productId, String language) {
        return baseUrl.replaceAll("/+$", "") + "/san-pham/" + productId + "/" + language;
    }
}

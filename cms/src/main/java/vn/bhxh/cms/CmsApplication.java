package vn.bhxh.cms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.bhxh.cms.elasticsearch.EmbeddedElasticsearch;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CmsApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CmsApplication.class);
        // Starts the local node before any Elasticsearch client exists, unless spring.elasticsearch.uris names a cluster.
        application.addListeners(new EmbeddedElasticsearch());
        application.run(args);
    }
}

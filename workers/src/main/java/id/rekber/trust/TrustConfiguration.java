package id.rekber.trust;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(TrustProperties.class)
class TrustConfiguration {}

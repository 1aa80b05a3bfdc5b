package id.rekber.payment.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderHttpProperties.class)
class ProviderHttpConfiguration {
  @Bean
  ProviderHttp providerHttp(ProviderHttpProperties properties, ProviderCallLog calls, ObjectMapper json, Clock clock) {
    return new ProviderHttp(properties, calls, json, clock);
  }
}

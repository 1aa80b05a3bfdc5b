package id.rekber.payment.xendit;

import id.rekber.payment.http.ProviderHttp;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@XenditConfigured
@EnableConfigurationProperties(XenditProperties.class)
class XenditConfiguration {
  @Bean
  XenditPaymentProvider xenditPaymentProvider(XenditProperties properties, ProviderHttp http,
      @Value("${rekber.escrow.public-url:http://localhost:8080}") String portalUrl, Clock clock) {
    return new XenditPaymentProvider(properties, http, portalUrl, clock);
  }

  @Bean
  XenditReports xenditReports(XenditPaymentProvider provider) {
    return new XenditReports(provider);
  }
}

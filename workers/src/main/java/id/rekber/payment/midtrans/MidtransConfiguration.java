package id.rekber.payment.midtrans;

import id.rekber.payment.PaymentRepository;
import id.rekber.payment.PayoutRepository;
import id.rekber.payment.http.ProviderHttp;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@MidtransConfigured
@EnableConfigurationProperties(MidtransProperties.class)
class MidtransConfiguration {
  @Bean
  MidtransPaymentProvider midtransPaymentProvider(MidtransProperties properties, ProviderHttp http,
      @Value("${rekber.escrow.public-url:http://localhost:8080}") String portalUrl, Clock clock) {
    return new MidtransPaymentProvider(properties, http, portalUrl, clock);
  }

  @Bean
  MidtransReports midtransReports(MidtransPaymentProvider provider, PaymentRepository payments, PayoutRepository payouts) {
    return new MidtransReports(provider, payments, payouts);
  }
}

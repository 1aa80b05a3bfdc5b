package id.rekber.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {
  @Bean
  AppClock appClock() {
    return new AppClock();
  }
}

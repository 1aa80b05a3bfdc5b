package id.rekber.payment.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Timeouts of every provider call ({@code rekber.payment.http.*}). */
@ConfigurationProperties("rekber.payment.http")
public record ProviderHttpProperties(@DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT20S") Duration readTimeout) {}

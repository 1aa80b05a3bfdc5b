package id.rekber.privacy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data (UU PDP 27/2022). {@code keys} maps a key id to a base64 AES-256 key; new
 * data is encrypted with {@code activeKeyId}, old data stays readable while its key is listed.
 * {@code indexKey} (base64) keys the blind indexes used to find duplicates without decrypting.
 */
@ConfigurationProperties("rekber.pdp")
public record PdpProperties(String activeKeyId, Map<String, String> keys, String indexKey) {}

package id.rekber.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A tiny HTTP client for tests: JSON in and out, as a given demo user with a Keycloak token. */
public class ApiClient {
  public static final String PASSWORD = "rekber-demo";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;
  private final String email;
  private final String authorization;
  private final String language;

  private ApiClient(String baseUrl, String email, String authorization, String language) {
    this.baseUrl = baseUrl;
    this.email = email;
    this.authorization = authorization;
    this.language = language;
  }

  public static ApiClient as(int port, String email) {
    return new ApiClient("http://127.0.0.1:" + port, email, null, null);
  }

  /** Sends this exact Authorization header instead of a fresh token. */
  public static ApiClient withAuthorization(int port, String authorization) {
    return new ApiClient("http://127.0.0.1:" + port, null, authorization, null);
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient("http://127.0.0.1:" + port, null, null, null);
  }

  public ApiClient inLanguage(String languageTag) {
    return new ApiClient(baseUrl, email, authorization, languageTag);
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body);
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  public Response send(String method, String path, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
      if (email != null) {
        request.header("Authorization", "Bearer " + Tokens.of(email));
      } else if (authorization != null) {
        request.header("Authorization", authorization);
      }
      if (language != null) {
        request.header("Accept-Language", language);
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
      }
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Response(int status, String body, String contentType) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}

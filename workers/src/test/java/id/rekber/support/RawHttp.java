package id.rekber.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: a path with a NUL
 * character, raw bytes or broken percent-encoding, header values with control characters, bodies
 * that lie about their type. The body is written on its own thread while the answer is read, so an
 * early answer (413 before the body is read) arrives even when the server stops reading.
 */
public final class RawHttp {
  private RawHttp() {}

  public record Answer(int status, Map<String, String> headers, byte[] body) {
    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      String text = text();
      return status + " " + contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
  }

  /**
   * @param target the request target exactly as sent (bytes, no encoding applied)
   * @param headers sent as given, each value's bytes as ISO-8859-1; Host and Connection: close are added
   * @param body sent after the headers (with a Content-Length unless the headers name one), or null
   */
  public static Answer send(int port, String method, byte[] target, Map<String, String> headers, byte[] body) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes(method.getBytes(StandardCharsets.ISO_8859_1));
    head.write(' ');
    head.writeBytes(target);
    head.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
    boolean lengthGiven = false;
    for (Map.Entry<String, String> h : headers.entrySet()) {
      lengthGiven |= h.getKey().equalsIgnoreCase("Content-Length") || h.getKey().equalsIgnoreCase("Transfer-Encoding");
      head.writeBytes((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    if (body != null && !lengthGiven) {
      head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      Thread writer = Thread.ofVirtual().start(() -> {
        try {
          out.write(head.toByteArray());
          if (body != null) {
            out.write(body);
          }
          out.flush();
        } catch (IOException serverStoppedReading) {
          // The server answered early and closed; the answer is what counts.
        }
      });
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[16384];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received.write(buffer, 0, n);
        }
      } catch (IOException reset) {
        if (received.size() == 0) {
          throw reset;
        }
      }
      writer.join(30_000);
      return parse(received.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + new String(target, StandardCharsets.ISO_8859_1) + ": no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Answer send(int port, String method, String target, Map<String, String> headers, byte[] body) {
    return send(port, method, target.getBytes(StandardCharsets.ISO_8859_1), headers, body);
  }

  private static Answer parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (end < 0) {
      throw new IllegalStateException("no complete HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunk(rest);
    } else if (headers.containsKey("content-length")) {
      rest = java.util.Arrays.copyOf(rest, Math.min(rest.length, Integer.parseInt(headers.get("content-length"))));
    }
    return new Answer(status, headers, rest);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
      at += lineEnd + 2;
      if (size == 0) {
        break;
      }
      body.write(chunked, at, Math.min(size, chunked.length - at));
      at += size + 2;
    }
    return body.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

package id.rekber.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak benchmark: drives deals through their whole life (create, accept, pay at the sandbox, ship,
 * confirm receipt, accept the goods, payout) against a running single-node Rekber and prints the
 * application's RSS, its heap after a full GC and the embedded engine's log size every
 * {@code --step} completed deals. Not a test: {@code scripts/bench-soak.sh} starts the application
 * and runs this with the JDK's single-file launcher (JDK classes only, no Maven class path).
 *
 * <p>Options: {@code --base-url}, {@code --keycloak-url}, {@code --pid} (the application's process,
 * for /proc/&lt;pid&gt;/status and jcmd), {@code --deals} (5000), {@code --step} (1000),
 * {@code --concurrency} (3), {@code --histogram} (top lines of a class histogram at each step),
 * {@code --label}.
 */
public final class SoakBench {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PASSWORD = "rekber-demo";
  private static final String SARI = "sari@rekber.test";
  private static final String BUDI = "budi@rekber.test";
  private static final String ADMIN = "admin@rekber.test";
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  private final String baseUrl;
  private final String tokenUrl;
  private final long pid;
  private final Map<String, Token> tokens = new java.util.HashMap<>();
  private final AtomicInteger retries = new AtomicInteger();

  private SoakBench(String baseUrl, String keycloakUrl, long pid) {
    this.baseUrl = baseUrl;
    this.tokenUrl = keycloakUrl + "/realms/rekber/protocol/openid-connect/token";
    this.pid = pid;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    SoakBench bench =
        new SoakBench(
            options.getOrDefault("base-url", "http://127.0.0.1:8080"),
            options.getOrDefault("keycloak-url", "http://127.0.0.1:8180"),
            Long.parseLong(options.getOrDefault("pid", "0")));
    int total = Integer.parseInt(options.getOrDefault("deals", "5000"));
    int step = Integer.parseInt(options.getOrDefault("step", "1000"));
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "3"));
    boolean histogram = options.containsKey("histogram");
    bench.run(options.getOrDefault("label", "soak"), total, step, concurrency, histogram);
  }

  private void run(String label, int total, int step, int concurrency, boolean histogram) throws Exception {
    System.out.printf("# %s: %d deals, concurrency %d, pid %d, %s, %d cores%n", label, total, concurrency, pid,
        LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), Runtime.getRuntime().availableProcessors());
    // Warm the token cache for every user before measuring.
    for (String user : List.of(SARI, BUDI, ADMIN)) {
      token(user);
    }
    System.out.println("| deals | elapsed s | deals/s | RSS MiB | heap after GC MiB | engine log entries | engine log MiB | engine record copies | rebases |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    Instant start = Instant.now();
    measure(0, start, Duration.ZERO, histogram);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    AtomicInteger done = new AtomicInteger();
    try {
      for (int from = 0; from < total; from += step) {
        int count = Math.min(step, total - from);
        Instant segmentStart = Instant.now();
        List<Future<?>> deals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          int n = from + i;
          deals.add(pool.submit(() -> {
            // Alternate roles so that neither buyer reaches the monthly buying limit.
            if (n % 2 == 0) {
              completeDeal(SARI, BUDI);
            } else {
              completeDeal(BUDI, SARI);
            }
            return done.incrementAndGet();
          }));
        }
        for (Future<?> deal : deals) {
          deal.get();
        }
        measure(done.get(), start, Duration.between(segmentStart, Instant.now()).dividedBy(Math.max(1, count)), histogram);
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    System.out.printf("# done: %d deals in %d s, %d retried requests%n", done.get(), Duration.between(start, Instant.now()).toSeconds(), retries.get());
  }

  /** One deal from creation to SELESAI (the payout confirmed by the sandbox bank). */
  private void completeDeal(String seller, String buyer) throws Exception {
    String body =
        """
        {"myRole":"SELLER","itemName":"Kaos bekas","itemDescription":"Soak benchmark","price":10000,"shippingCost":0,
         "shipWithinDays":3,"inspectionDays":3,"feePayer":"BUYER","counterpartyEmail":"%s"}"""
            .formatted(buyer);
    String created = expect(post(seller, "/api/deals", body), 201);
    String id = field(created, "id");
    expect(post(buyer, "/api/deals/" + id + "/accept", null), 202);
    awaitStatus(buyer, id, "MENUNGGU_PEMBAYARAN");
    String orderId = null;
    Instant until = Instant.now().plus(STEP_TIMEOUT);
    while (orderId == null) {
      Response payment = get(buyer, "/api/deals/" + id + "/payment");
      if (payment.status() == 200) {
        orderId = field(payment.body(), "orderId");
      } else {
        pause(until, "payment of " + id);
      }
    }
    expect(post(null, "/sandbox/api/orders/" + orderId + "/pay", null), 200);
    awaitStatus(buyer, id, "DANA_DITAHAN");
    expect(post(seller, "/api/deals/" + id + "/ship", "{\"courier\":\"JNE\",\"trackingNumber\":\"JNE-1234567890\"}"), 202);
    awaitStatus(buyer, id, "DIKIRIM");
    expect(post(buyer, "/api/deals/" + id + "/confirm-receipt", null), 202);
    until = Instant.now().plus(STEP_TIMEOUT);
    while (!get(buyer, "/api/deals/" + id).body().matches("(?s).*\"inspectionEndsAt\"\\s*:\\s*\"[^\"]+\".*")) {
      pause(until, "inspection of " + id);
    }
    expect(post(buyer, "/api/deals/" + id + "/accept-goods", null), 202);
    awaitStatus(seller, id, "SELESAI");
  }

  private void awaitStatus(String user, String id, String status) throws Exception {
    Instant until = Instant.now().plus(STEP_TIMEOUT);
    String seen;
    while (!status.equals(seen = field(expect(get(user, "/api/deals/" + id), 200), "status"))) {
      if (seen.equals("DIBATALKAN") || seen.equals("DIKEMBALIKAN")) {
        throw new IllegalStateException(id + " ended " + seen + " while waiting for " + status);
      }
      pause(until, id + " to reach " + status + " (is " + seen + ")");
    }
  }

  private static void pause(Instant until, String what) throws InterruptedException {
    if (Instant.now().isAfter(until)) {
      throw new IllegalStateException("timed out waiting for " + what);
    }
    Thread.sleep(100);
  }

  private void measure(int deals, Instant start, Duration perDeal, boolean histogram) throws Exception {
    long rss = rssKiB();
    long heap = heapAfterGcKiB();
    String engine = pid == 0 ? "" : engineStatus();
    double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    double rate = perDeal.isZero() ? 0 : 1000.0 / perDeal.toMillis();
    System.out.printf("| %d | %.0f | %.2f | %s | %s | %s | %s | %s | %s |%n", deals, elapsed, rate,
        mib(rss), mib(heap), number(engine, "logEntries"), bytesMib(number(engine, "logBytes")),
        number(engine, "recordCopies"), number(engine, "rebases"));
    if (histogram) {
      histogram();
    }
  }

  private static String mib(long kib) {
    return kib < 0 ? "-" : String.valueOf(Math.round(kib / 1024.0));
  }

  private static String bytesMib(String bytes) {
    return bytes.equals("-") ? "-" : String.format("%.1f", Long.parseLong(bytes) / 1048576.0);
  }

  private long rssKiB() throws IOException {
    if (pid == 0) {
      return -1;
    }
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** Forces a full GC with jcmd, then reads the heap's used size. */
  private long heapAfterGcKiB() throws Exception {
    if (pid == 0) {
      return -1;
    }
    jcmd("GC.run");
    Matcher used = Pattern.compile("heap .*? used (\\d+)K").matcher(jcmd("GC.heap_info"));
    return used.find() ? Long.parseLong(used.group(1)) : -1;
  }

  private void histogram() throws Exception {
    String[] lines = jcmd("GC.class_histogram").split("\n");
    for (int i = 0; i < Math.min(lines.length, 18); i++) {
      System.out.println("#   " + lines[i]);
    }
  }

  private String jcmd(String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }

  /** The admin view of the engine (log size, rebases); "-" for applications that do not have it. */
  private String engineStatus() {
    try {
      Response r = get(ADMIN, "/api/admin/engine");
      return r.status() == 200 ? r.body() : "";
    } catch (Exception e) {
      return "";
    }
  }

  private static String number(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(-?\\d+)").matcher(json);
    return m.find() ? m.group(1) : "-";
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  private static String expect(Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + response);
    }
    return response.body();
  }

  private Response get(String user, String path) throws Exception {
    return send(user, "GET", path, null);
  }

  private Response post(String user, String path, String json) throws Exception {
    return send(user, "POST", path, json);
  }

  /** Retries what a moment of engine replacement may answer (503) or a refused connection. */
  private Response send(String user, String method, String path, String json) throws Exception {
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
      if (user != null) {
        request.header("Authorization", "Bearer " + token(user));
      }
      if (json == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
      }
      try {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503 && attempt < 10) {
          retries.incrementAndGet();
          Thread.sleep(500L * attempt);
          continue;
        }
        return new Response(response.statusCode(), response.body());
      } catch (IOException e) {
        if (attempt >= 5) {
          throw e;
        }
        retries.incrementAndGet();
        Thread.sleep(500L * attempt);
      }
    }
  }

  /** One token request at a time: Keycloak's brute-force detection locks a user out on concurrent logins. */
  private synchronized String token(String user) throws Exception {
    Token token = tokens.get(user);
    if (token == null || token.expiresAt().isBefore(Instant.now().plusSeconds(60))) {
      String form = "grant_type=password&client_id=rekber-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + PASSWORD
          + (id.rekber.support.StaffOtp.isStaff(user) ? "&totp=" + id.rekber.support.StaffOtp.code(id.rekber.support.StaffOtp.keycloakOf(tokenUrl), user) : "");
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(tokenUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
      }
      token = new Token(field(response.body(), "access_token"), Instant.now().plusSeconds(Long.parseLong(number(response.body(), "expires_in"))));
      tokens.put(user, token);
    }
    return token.value();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String name = args[i].substring(2);
      if (name.contains("=")) {
        options.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        options.put(name, args[++i]);
      } else {
        options.put(name, "true");
      }
    }
    return options;
  }

  private record Token(String value, Instant expiresAt) {}

  private record Response(int status, String body) {
    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}

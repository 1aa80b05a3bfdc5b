package id.rekber.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drives deals through the HTTP API the way a buyer and a seller would. */
public class Deals {
  private final int port;

  public Deals(int port) {
    this.port = port;
  }

  public ApiClient as(String email) {
    return ApiClient.as(port, email);
  }

  public static Map<String, Object> terms(String myRole, long price, String counterparty) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("myRole", myRole);
    body.put("itemName", "Sepatu lari bekas ukuran 42");
    body.put("itemDescription", "Kondisi 90%, tanpa kotak");
    body.put("price", price);
    body.put("shippingCost", 20_000);
    body.put("shipWithinDays", 3);
    body.put("inspectionDays", 3);
    body.put("feePayer", "BUYER");
    body.put("counterpartyEmail", counterparty);
    return body;
  }

  /** Seller creates a deal for the buyer; returns its id. */
  public String create(String seller, String buyer, long price) {
    ApiClient.Response created = as(seller).post("/api/deals", terms("SELLER", price, buyer));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  public JsonNode get(String user, String dealId) {
    ApiClient.Response r = as(user).get("/api/deals/" + dealId);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  public JsonNode awaitStatus(String user, String dealId, String status) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(get(user, dealId).get("status").asText()).isEqualTo(status));
    return get(user, dealId);
  }

  public void act(String user, String dealId, String action) {
    ApiClient.Response r = as(user).post("/api/deals/" + dealId + "/" + action, null);
    assertThat(r.status()).as(action + ": " + r).isEqualTo(202);
  }

  /** The buyer pays through the sandbox provider's checkout, as they would in its app. */
  public void pay(String buyer, String dealId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> as(buyer).get("/api/deals/" + dealId + "/payment").status() == 200);
    String orderId = as(buyer).get("/api/deals/" + dealId + "/payment").json().get("orderId").asText();
    ApiClient.Response paid = ApiClient.anonymous(port).post("/sandbox/api/orders/" + orderId + "/pay", null);
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
  }

  public void ship(String seller, String dealId) {
    ApiClient.Response r =
        as(seller).post("/api/deals/" + dealId + "/ship", Map.of("courier", "JNE", "trackingNumber", "JNE-1234567890"));
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
  }

  /** Accepted and paid: the funds are held and the seller must ship. */
  public String fundedDeal(String seller, String buyer, long price) {
    String id = create(seller, buyer, price);
    acceptAndPay(buyer, id);
    return id;
  }

  /**
   * A service deal (decision 43) the seller created for the buyer, accepted and paid: two milestones
   * of Rp 100.000 and Rp 200.000, both due on {@code due}; the funds are held.
   */
  public String fundedServiceDeal(String seller, String buyer, String item, String first, String second, LocalDate due) {
    Map<String, Object> body = terms("SELLER", 300_000, buyer);
    body.put("itemName", item);
    body.put("shippingCost", 0);
    body.put("milestones", List.of(
        Map.of("description", first, "amount", 100_000, "dueDate", due.toString()),
        Map.of("description", second, "amount", 200_000, "dueDate", due.toString())));
    ApiClient.Response created = as(seller).post("/api/deals", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    acceptAndPay(buyer, id);
    return id;
  }

  private void acceptAndPay(String buyer, String id) {
    act(buyer, id, "accept");
    awaitStatus(buyer, id, "MENUNGGU_PEMBAYARAN");
    pay(buyer, id);
    awaitStatus(buyer, id, "DANA_DITAHAN");
  }
}

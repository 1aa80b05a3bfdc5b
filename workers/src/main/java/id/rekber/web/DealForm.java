package id.rekber.web;

import id.rekber.escrow.FeePayer;
import id.rekber.escrow.PartyRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The create-deal form as typed. Amounts stay text so "1.250.000" or "Rp 1.250.000" is accepted
 * (read with {@link id.rekber.platform.Rupiah#parse}) and, when wrong, shown again exactly as typed.
 */
public class DealForm {
  @NotNull(message = "{deal.myRole.required}")
  private PartyRole myRole = PartyRole.SELLER;

  @NotBlank(message = "{deal.itemName.required}")
  @Size(max = 120, message = "{deal.itemName.size}")
  private String itemName;

  @Size(max = 2000, message = "{deal.itemDescription.size}")
  private String itemDescription;

  @NotBlank(message = "{deal.price.required}")
  private String price;

  private String shippingCost = "0";

  @NotNull(message = "{deal.shipWithinDays.range}")
  @Min(value = 1, message = "{deal.shipWithinDays.range}")
  @Max(value = 7, message = "{deal.shipWithinDays.range}")
  private Integer shipWithinDays = 3;

  @NotNull(message = "{deal.inspectionDays.range}")
  @Min(value = 1, message = "{deal.inspectionDays.range}")
  @Max(value = 14, message = "{deal.inspectionDays.range}")
  private Integer inspectionDays = 3;

  @NotNull(message = "{deal.feePayer.required}")
  private FeePayer feePayer = FeePayer.BUYER;

  @NotBlank(message = "{deal.counterparty.required}")
  @Size(max = 254, message = "{deal.counterparty.invalid}")
  private String counterparty;
  /** Service deals (decision 43): 0–10 milestone rows, added and removed without script. */
  private java.util.List<MilestoneRow> milestones = new java.util.ArrayList<>();

  /** How a service deal is funded (decision 46); ignored for goods. */
  private id.rekber.escrow.MilestoneFunding milestoneFunding = id.rekber.escrow.MilestoneFunding.UP_FRONT;

  public id.rekber.escrow.MilestoneFunding getMilestoneFunding() { return milestoneFunding; }
  public void setMilestoneFunding(id.rekber.escrow.MilestoneFunding milestoneFunding) { this.milestoneFunding = milestoneFunding; }
  public java.util.List<MilestoneRow> getMilestones() { return milestones; }
  public void setMilestones(java.util.List<MilestoneRow> milestones) { this.milestones = milestones; }

  /** One milestone as typed: amount and date stay text so they are shown again as typed. */
  public static class MilestoneRow {
    private String description;
    private String amount;
    private String dueDate;

    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getDueDate() { return dueDate; }
    public void setDueDate(String dueDate) { this.dueDate = dueDate; }
  }

  public PartyRole getMyRole() { return myRole; }
  public void setMyRole(PartyRole myRole) { this.myRole = myRole; }
  public String getItemName() { return itemName; }
  public void setItemName(String itemName) { this.itemName = itemName; }
  public String getItemDescription() { return itemDescription; }
  public void setItemDescription(String itemDescription) { this.itemDescription = itemDescription; }
  public String getPrice() { return price; }
  public void setPrice(String price) { this.price = price; }
  public String getShippingCost() { return shippingCost; }
  public void setShippingCost(String shippingCost) { this.shippingCost = shippingCost; }
  public Integer getShipWithinDays() { return shipWithinDays; }
  public void setShipWithinDays(Integer shipWithinDays) { this.shipWithinDays = shipWithinDays; }
  public Integer getInspectionDays() { return inspectionDays; }
  public void setInspectionDays(Integer inspectionDays) { this.inspectionDays = inspectionDays; }
  public FeePayer getFeePayer() { return feePayer; }
  public void setFeePayer(FeePayer feePayer) { this.feePayer = feePayer; }
  public String getCounterparty() { return counterparty; }
  public void setCounterparty(String counterparty) { this.counterparty = counterparty; }
}

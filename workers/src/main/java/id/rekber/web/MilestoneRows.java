package id.rekber.web;

import id.rekber.escrow.MilestoneTerms;
import id.rekber.platform.Rupiah;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.BindingResult;

/** The create form's milestone rows, read into terms; every wrong cell gets its own message. */
final class MilestoneRows {
  private MilestoneRows() {}

  static List<MilestoneTerms> read(List<DealForm.MilestoneRow> rows, BindingResult errors) {
    List<MilestoneTerms> terms = new ArrayList<>();
    if (rows.size() > 10) {
      errors.rejectValue("milestones", "deal.milestones.size");
      return terms;
    }
    for (int i = 0; i < rows.size(); i++) {
      DealForm.MilestoneRow row = rows.get(i);
      String at = "milestones[" + i + "].";
      String description = row.getDescription() == null ? "" : row.getDescription().trim();
      if (description.isEmpty() || description.length() > 200) {
        errors.rejectValue(at + "description", description.isEmpty() ? "milestone.description.required" : "milestone.description.size");
      }
      Long amount = Rupiah.parse(row.getAmount() == null ? "" : row.getAmount()).map(Rupiah::amount).filter(a -> a > 0).orElse(null);
      if (amount == null) {
        errors.rejectValue(at + "amount", "milestone.amount.required");
      }
      LocalDate due = null;
      try {
        due = row.getDueDate() == null || row.getDueDate().isBlank() ? null : LocalDate.parse(row.getDueDate().trim());
      } catch (DateTimeParseException e) {
        due = null;
      }
      if (due == null) {
        errors.rejectValue(at + "dueDate", "milestone.dueDate.required");
      }
      terms.add(new MilestoneTerms(description, amount, due));
    }
    return terms;
  }
}

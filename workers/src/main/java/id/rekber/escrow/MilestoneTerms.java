package id.rekber.escrow;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A milestone as the client names it: what is delivered, for how much, by when. */
public record MilestoneTerms(
    @NotBlank(message = "{milestone.description.required}") @Size(max = 200, message = "{milestone.description.size}") String description,
    @NotNull(message = "{milestone.amount.required}") @Positive(message = "{milestone.amount.required}") Long amount,
    @NotNull(message = "{milestone.dueDate.required}") LocalDate dueDate) {}

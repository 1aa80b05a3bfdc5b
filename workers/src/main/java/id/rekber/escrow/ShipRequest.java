package id.rekber.escrow;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record ShipRequest(
    @NotBlank(message = "{ship.courier.required}") @Size(max = 40, message = "{ship.courier.size}") String courier,
    @NotBlank(message = "{ship.trackingNumber.required}")
        @Size(min = 6, max = 60, message = "{ship.trackingNumber.size}")
        @Pattern(regexp = "[A-Za-z0-9-]+", message = "{ship.trackingNumber.pattern}")
        String trackingNumber) {}

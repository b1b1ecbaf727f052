package cn.pujin.open.participation.control;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A catalogue item as the organiser writes it. {@code reason}: why it is added after the year's catalogue was
 * published (needed then, ignored before). {@code version}: on updates, the version read.
 */
public record MajorDecisionDraft(
        @NotNull(message = "{validation.required}") @Min(value = 2000, message = "{validation.min}")
        @Max(value = 2100, message = "{validation.max}") Integer year,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}") String title,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String department,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size.max}") String legalBasis,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String plannedPeriod,
        @Size(max = 500, message = "{validation.size.max}") String reason,
        Long version) {
}

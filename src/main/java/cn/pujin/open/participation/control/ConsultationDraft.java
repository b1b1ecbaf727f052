package cn.pujin.open.participation.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A consultation as the organiser writes it: the draft's paragraphs in order (numbered 1, 2, 3…), the interpretation
 * (may be missing while a draft; needed to submit), the open period, invited organisations by name.
 * {@code version}: on updates, the version read.
 */
public record ConsultationDraft(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}") String title,
        Long majorDecisionId,
        Long topicId,
        @NotEmpty(message = "{validation.required}") @Size(max = 200, message = "{validation.size.items}")
        List<@NotBlank(message = "{validation.required}") @Size(max = 5000, message = "{validation.size.max}") String> paragraphs,
        @Size(max = 20000, message = "{validation.size.max}") String interpretation,
        @NotNull(message = "{validation.required}") OffsetDateTime opensAt,
        @NotNull(message = "{validation.required}") OffsetDateTime closesAt,
        @Size(max = 50, message = "{validation.size.items}")
        List<@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String> invitedOrganisations,
        Long version) {
}

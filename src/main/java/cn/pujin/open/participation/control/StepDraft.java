package cn.pujin.open.participation.control;

import cn.pujin.open.participation.entity.StepKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A step of a catalogue item: kind, date, summary, documents; a collective decision may name its meeting. */
public record StepDraft(
        @NotNull(message = "{validation.required}") StepKind kind,
        @NotNull(message = "{validation.required}") LocalDate date,
        @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.size.max}") String summary,
        @Size(max = 10, message = "{validation.size.items}") List<@Valid @NotNull(message = "{validation.required}") DocumentDraft> documents,
        Long eventId) {

    /** A document by its title and link (http or https). */
    public record DocumentDraft(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}") String title,
            @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size.max}")
            @Pattern(regexp = "https?://\\S+", message = "{validation.url}") String url) {
    }
}

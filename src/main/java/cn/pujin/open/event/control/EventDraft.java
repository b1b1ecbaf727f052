package cn.pujin.open.event.control;

import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** What an organiser writes when creating or editing an event ({@code POST /events}, {@code PUT /events/{id}}). */
public record EventDraft(
        @NotNull(message = "{validation.required}") EventKind kind,
        @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.size.max}") String title,
        @Size(max = 500, message = "{validation.size.max}") String summary,
        @Size(max = 20000, message = "{validation.size.max}") String description,
        @NotNull(message = "{validation.required}") EventMode mode,
        @Size(max = 200, message = "{validation.size.max}") String venue,
        @Pattern(regexp = Urls.HTTP, message = "{validation.url}") String onlineUrl,
        @NotNull(message = "{validation.required}") OffsetDateTime startsAt,
        @NotNull(message = "{validation.required}") OffsetDateTime endsAt,
        @NotNull(message = "{validation.required}") @Min(value = 1, message = "{validation.min}")
        @Max(value = 100000, message = "{validation.max}") Integer capacity,
        Boolean waitlist,
        OffsetDateTime registrationOpensAt,
        OffsetDateTime registrationClosesAt,
        @Size(max = 60, message = "{validation.size.max}") String campaign,
        Long version) {
}

package cn.pujin.open.event.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An agenda item (议题) and its materials as the organiser writes them. */
public record AgendaItemDraft(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}") String title,
        @Size(max = 2000, message = "{validation.size.max}") String summary,
        @Size(max = 20, message = "{validation.size.max}") List<@NotNull(message = "{validation.required}") @Valid MaterialDraft> materials) {

    public record MaterialDraft(
            @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.size.max}") String title,
            @Size(max = 300, message = "{validation.size.max}") String summary,
            @NotBlank(message = "{validation.required}") @Pattern(regexp = Urls.HTTP, message = "{validation.url}") String url) {
    }

    public List<MaterialDraft> materialsOrEmpty() {
        return materials == null ? List.of() : materials;
    }
}

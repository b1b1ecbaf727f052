package cn.pujin.open.registration.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Source;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * 代为报名 / 现场登记: staff register a resident who has no account (or does not use it), with the consent the person
 * gave on paper. {@code override} admits them although the event is full (organisers only, audited).
 */
public record OnBehalfRequest(
        @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{account.displayName.size}")
        @Pattern(regexp = "[^\\p{Cntrl}<>]*", message = "{validation.noMarkup}") String name,
        @NotNull(message = "{validation.required}") @Pattern(regexp = Accounts.PHONE_PATTERN, message = "{account.phone.invalid}")
        String phone,
        @NotNull(message = "{validation.required}") Category category,
        @NotNull(message = "{validation.required}") Source source,
        @NotNull(message = "{validation.required}") @AssertTrue(message = "{registration.onBehalf.consent}") Boolean consent,
        Boolean override) {

    public boolean overriding() {
        return Boolean.TRUE.equals(override);
    }
}

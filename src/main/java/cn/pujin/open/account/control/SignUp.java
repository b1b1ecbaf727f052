package cn.pujin.open.account.control;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A citizen's sign-up: mainland mobile number with the code sent to it by SMS, display name, password, consent to the
 * privacy notice and, optionally, an e-mail address for notifications. */
public record SignUp(
        @NotNull(message = "{validation.required}")
        @Pattern(regexp = Accounts.PHONE_PATTERN, message = "{account.phone.invalid}")
        String phone,

        @NotBlank(message = "{validation.required}")
        @Size(max = 40, message = "{account.displayName.size}")
        @Pattern(regexp = "[^\\p{Cntrl}<>]*", message = "{validation.noMarkup}")
        String displayName,

        @NotNull(message = "{validation.required}")
        @Size(min = 8, max = 128, message = "{account.password.size}")
        String password,

        @NotNull(message = "{account.consent.required}")
        @AssertTrue(message = "{account.consent.required}")
        Boolean consent,

        @Size(max = 120, message = "{account.email.invalid}")
        @Pattern(regexp = Accounts.EMAIL_PATTERN, message = "{account.email.invalid}")
        String email,

        @NotNull(message = "{verification.code.required}")
        @Pattern(regexp = "\\s*\\d{6}\\s*", message = "{verification.code.format}")
        String code) {
}

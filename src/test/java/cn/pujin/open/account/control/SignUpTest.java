package cn.pujin.open.account.control;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sign-up rules of the foundation issue, checked with the real Bean Validation provider. */
class SignUpTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static Set<String> invalid(SignUp s) {
        return VALIDATOR.validate(s).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aValidSignUp() {
        assertEquals(Set.of(), invalid(new SignUp("13800138000", "王小明", "secret-pass-1", true, null, "123456")));
        assertEquals(Set.of(), invalid(new SignUp("19912345678", "A".repeat(40), "12345678", true, null, "123456")));
    }

    @Test
    void mainlandMobileNumbersOnly() {
        for (String phone : new String[]{"12800138000", "1380013800", "138001380000", "+8613800138000", "1380013800a", ""}) {
            assertEquals(Set.of("phone"), invalid(new SignUp(phone, "王小明", "secret-pass-1", true, null, "123456")), phone);
        }
        assertEquals(Set.of("phone"), invalid(new SignUp(null, "王小明", "secret-pass-1", true, null, "123456")));
    }

    @Test
    void displayNameOneToFortyWithoutMarkup() {
        assertEquals(Set.of("displayName"), invalid(new SignUp("13800138000", "", "secret-pass-1", true, null, "123456")));
        assertEquals(Set.of("displayName"), invalid(new SignUp("13800138000", "A".repeat(41), "secret-pass-1", true, null, "123456")));
        assertEquals(Set.of("displayName"), invalid(new SignUp("13800138000", "<b>x</b>", "secret-pass-1", true, null, "123456")));
    }

    @Test
    void emailIsOptionalButMustLookLikeOne() {
        assertEquals(Set.of(), invalid(new SignUp("13800138000", "王小明", "secret-pass-1", true, "wang@example.cn", "123456")));
        assertEquals(Set.of("email"), invalid(new SignUp("13800138000", "王小明", "secret-pass-1", true, "not-an-address", "123456")));
    }

    @Test
    void passwordAtLeastEightAndConsentRequired() {
        assertEquals(Set.of("password"), invalid(new SignUp("13800138000", "王小明", "1234567", true, null, "123456")));
        assertEquals(Set.of("consent"), invalid(new SignUp("13800138000", "王小明", "secret-pass-1", false, null, "123456")));
        assertEquals(Set.of("consent"), invalid(new SignUp("13800138000", "王小明", "secret-pass-1", null, null, "123456")));
    }

    @Test
    void theCodeFromTheSmsIsSixDigits() {
        assertEquals(Set.of(), invalid(new SignUp("13800138000", "王小明", "secret-pass-1", true, null, " 012345 ")));
        for (String code : new String[] {null, "", "12345", "1234567", "12a456"}) {
            assertEquals(Set.of("code"), invalid(new SignUp("13800138000", "王小明", "secret-pass-1", true, null, code)), code);
        }
    }
}

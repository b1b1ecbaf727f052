package cn.pujin.open.account.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** After sign-in people go back where they were, never to another site. */
class LoginPageTest {

    @Test
    void nextIsALocalPageOnly() {
        assertEquals("/organiser/event.xhtml?id=5", LoginPage.safeNext("/organiser/event.xhtml?id=5"));
        for (String bad : new String[]{null, "", "//evil.example", "https://evil.example", "/\\evil", "/login.xhtml?next=/x"}) {
            assertEquals("/", LoginPage.safeNext(bad), String.valueOf(bad));
        }
    }
}

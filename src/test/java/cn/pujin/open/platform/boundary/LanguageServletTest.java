package cn.pujin.open.platform.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The language switch only ever sends people back to pages of this site. */
class LanguageServletTest {

    @Test
    void onlyLocalPaths() {
        assertEquals("/events/?kind=OPEN_DAY", LanguageServlet.localPath("/events/?kind=OPEN_DAY"));
        for (String bad : new String[]{null, "", "https://evil.example/", "//evil.example/x", "/\\evil", "javascript:alert(1)"}) {
            assertEquals("/", LanguageServlet.localPath(bad), String.valueOf(bad));
        }
    }
}

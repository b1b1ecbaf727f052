package cn.pujin.open.platform.control;

import cn.pujin.open.input.entity.Outcome;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Choices in a message are listed by their labels in the page's language, never by their codes. */
class MessagesInWordsTest {

    @Test
    void enumChoicesBecomeTheirLabels() {
        String zh = Messages.validation(Messages.CHINESE, "validation.enum", Messages.inWords(Messages.CHINESE, List.of(Outcome.values())));
        assertEquals("取值必须是 采纳、部分采纳、未采纳、解释说明 之一", zh);
        String en = Messages.validation(Locale.ENGLISH, "validation.enum", Messages.inWords(Locale.ENGLISH, List.of(Outcome.values())));
        assertEquals(false, en.contains("PARTLY_ADOPTED"), en);
    }

    @Test
    void codesWithoutALabelStayAndOtherArgumentsAreUntouched() {
        Object[] args = Messages.inWords(Messages.CHINESE, List.of("A6", "A4"), 5, "text");
        assertEquals("A6、A4", args[0]);
        assertEquals(5, args[1]);
        assertEquals("text", args[2]);
    }
}

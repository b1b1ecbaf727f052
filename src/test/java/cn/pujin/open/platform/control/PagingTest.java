package cn.pujin.open.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagingTest {

    @Test
    void defaultsAndLimits() {
        assertEquals(new Paging(0, 20), Paging.of(null, null));
        assertEquals(new Paging(3, 100), Paging.of("3", "100"));
        assertEquals(60, Paging.of("3", null).first());
    }

    @Test
    void badValuesNameTheField() {
        assertEquals("size", assertThrows(Problem.class, () -> Paging.of("0", "101")).errors().get(0).field());
        assertEquals("size", assertThrows(Problem.class, () -> Paging.of("0", "0")).errors().get(0).field());
        assertEquals("page", assertThrows(Problem.class, () -> Paging.of("-1", "10")).errors().get(0).field());
        assertEquals("page", assertThrows(Problem.class, () -> Paging.of("x", "10")).errors().get(0).field());
        assertEquals("page", assertThrows(Problem.class, () -> Paging.of("99999999999", "10")).errors().get(0).field());
    }

    @Test
    void idsThatAreNotNumbersAreNotFound() {
        assertEquals(42L, Ids.parse("42"));
        for (String bad : new String[]{"", "abc", "-1", "1.5", "../1", "1234567890123456789"}) {
            assertEquals("NOT_FOUND", assertThrows(Problem.class, () -> Ids.parse(bad)).code().name(), bad);
        }
    }
}

package cn.pujin.open.platform.control;

import cn.pujin.open.calendar.control.WorkingDays;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The working-day calendar against the State Council's 2025 and 2026 notices in config/calendar/. */
class WorkingDaysTest {

    private static final WorkingDays DAYS = WorkingDays.load(Path.of("config", "calendar"));

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void bothYearsAreOnFile() {
        assertTrue(DAYS.years().keySet().containsAll(Set.of(2025, 2026)), DAYS.years().keySet().toString());
        assertTrue(DAYS.knows(d("2025-01-01"), d("2026-12-31")));
        assertFalse(DAYS.knows(d("2026-12-01"), d("2027-01-10")), "no 2027 notice yet");
    }

    @Test
    void weekendsAreNotWorkingDaysButFridayToMondaySkipsThem() {
        assertFalse(DAYS.isWorkingDay(d("2026-11-28")), "Saturday");
        assertFalse(DAYS.isWorkingDay(d("2026-11-29")), "Sunday");
        assertTrue(DAYS.isWorkingDay(d("2026-11-27")), "Friday");
        assertEquals(d("2026-11-30"), DAYS.plus(d("2026-11-27"), 1));
        assertEquals(d("2026-12-04"), DAYS.plus(d("2026-11-27"), 5));
        assertEquals(d("2026-11-30"), DAYS.plus(d("2026-11-28"), 0), "same working day from a Saturday is Monday");
        assertEquals(d("2026-11-27"), DAYS.plus(d("2026-11-27"), 0));
    }

    @Test
    void springFestival2026() {
        for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
            assertFalse(DAYS.isWorkingDay(day), day + " is in the Spring Festival holiday");
        }
        assertTrue(DAYS.isWorkingDay(d("2026-02-14")), "Saturday 14 Feb is a make-up working day");
        assertTrue(DAYS.isWorkingDay(d("2026-02-28")), "Saturday 28 Feb is a make-up working day");
        // Friday 13 Feb + 1 working day = Saturday 14 Feb (调休上班); + 2 = Tuesday 24 Feb after the holiday
        assertEquals(d("2026-02-14"), DAYS.plus(d("2026-02-13"), 1));
        assertEquals(d("2026-02-24"), DAYS.plus(d("2026-02-13"), 2));
    }

    @Test
    void springFestival2025AndItsMakeUpSunday() {
        assertTrue(DAYS.isWorkingDay(d("2025-01-26")), "Sunday 26 Jan 2025 is worked");
        assertFalse(DAYS.isWorkingDay(d("2025-01-28")));
        assertFalse(DAYS.isWorkingDay(d("2025-02-04")));
        assertTrue(DAYS.isWorkingDay(d("2025-02-05")));
        assertTrue(DAYS.isWorkingDay(d("2025-02-08")), "Saturday 8 Feb 2025 is worked");
        // 15 working days from Monday 20 Jan 2025 cross the holiday and both make-up days
        assertEquals(d("2025-02-14"), DAYS.plus(d("2025-01-20"), 15));
    }

    @Test
    void nationalDayWeekAndMakeUpDays() {
        for (LocalDate day = d("2025-10-01"); !day.isAfter(d("2025-10-08")); day = day.plusDays(1)) {
            assertFalse(DAYS.isWorkingDay(day), day + " is in the 2025 National Day holiday");
        }
        assertTrue(DAYS.isWorkingDay(d("2025-09-28")), "Sunday 28 Sep 2025");
        assertTrue(DAYS.isWorkingDay(d("2025-10-11")), "Saturday 11 Oct 2025");
        assertEquals(d("2025-10-09"), DAYS.plus(d("2025-09-30"), 1));
        assertTrue(DAYS.isWorkingDay(d("2026-09-20")), "Sunday 20 Sep 2026");
        assertTrue(DAYS.isWorkingDay(d("2026-10-10")), "Saturday 10 Oct 2026");
        assertFalse(DAYS.isWorkingDay(d("2026-10-07")));
        assertEquals(d("2026-10-08"), DAYS.plus(d("2026-09-30"), 1));
        assertEquals(d("2026-10-10"), DAYS.plus(d("2026-09-30"), 3), "Thu 8, Fri 9, Sat 10 (调休)");
    }

    @Test
    void badFilesAreRejectedWithTheReason() {
        String weekday = "{\"year\":2026,\"holidays\":[],\"workdays\":[\"2026-03-03\"]}";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkingDays.parse(new StringReader(weekday)))
                .getMessage().contains("not a Saturday or Sunday"));
        String otherYear = "{\"year\":2026,\"holidays\":[{\"name\":\"x\",\"from\":\"2025-12-31\",\"to\":\"2026-01-01\"}],\"workdays\":[]}";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkingDays.parse(new StringReader(otherYear)))
                .getMessage().contains("not in 2026"));
        String badDate = "{\"year\":2025,\"holidays\":[{\"name\":\"x\",\"from\":\"2025-02-30\",\"to\":\"2025-03-01\"}],\"workdays\":[]}";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkingDays.parse(new StringReader(badDate)))
                .getMessage().contains("2025-02-30"));
        assertThrows(IllegalArgumentException.class, () -> WorkingDays.parse(new StringReader("[1,2]")));
        assertThrows(IllegalArgumentException.class, () -> WorkingDays.parse(new StringReader("{\"year\":2025}")));
    }
}

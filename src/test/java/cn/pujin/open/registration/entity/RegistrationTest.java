package cn.pujin.open.registration.entity;

import cn.pujin.open.platform.control.Problem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The life cycle of a registration and of an application. */
class RegistrationTest {

    private static final Instant NOW = Instant.parse("2026-08-01T01:00:00Z");

    @Test
    void aConfirmedPlaceHoldsASeatUntilCancelled() {
        Registration r = Registration.place(1L, 2L, true, NOW);
        assertEquals(RegistrationStatus.CONFIRMED, r.getStatus());
        assertTrue(r.isActive());
        assertTrue(r.cancel("生病", NOW), "a confirmed place gives its seat back");
        assertFalse(r.isActive());
        assertEquals("生病", r.getDecisionReason());
    }

    @Test
    void waitlistedPlacesRememberWhenTheyQueued() {
        Registration r = Registration.place(1L, 2L, false, NOW);
        assertEquals(RegistrationStatus.WAITLISTED, r.getStatus());
        assertEquals(NOW, r.getWaitlistedAt());
        assertFalse(r.cancel(null, NOW), "a waitlisted place held no seat");
    }

    @Test
    void applicationsAreModeratedThenSelected() {
        Registration a = Registration.application(1L, 2L, Category.ENTERPRISE, "某公司", "……", Source.SELF, NOW);
        assertEquals(RegistrationStatus.PENDING, a.getStatus());
        a.approve(9L, NOW);
        assertEquals(RegistrationStatus.APPROVED, a.getStatus());
        assertEquals("INVALID_TRANSITION", assertThrows(Problem.class, () -> a.approve(9L, NOW)).code().name());
        a.alternate(2, NOW);
        assertEquals(RegistrationStatus.WAITLISTED, a.getStatus());
        assertEquals(2, a.getAlternateRank());
        a.promote(NOW);
        assertEquals(RegistrationStatus.CONFIRMED, a.getStatus());
        assertEquals(null, a.getAlternateRank());
    }

    @Test
    void rejectionEndsTheApplication() {
        Registration a = Registration.application(1L, 2L, Category.RESIDENT, null, "……", Source.INVITATION, NOW);
        a.reject(9L, "与议题无关", NOW);
        assertEquals(RegistrationStatus.REJECTED, a.getStatus());
        assertFalse(a.isActive());
        assertEquals("INVALID_TRANSITION", assertThrows(Problem.class, () -> a.reject(9L, "again", NOW)).code().name());
        assertEquals("R000042", Registration.number(42L));
    }
}

package cn.pujin.open.it;

import cn.pujin.open.bench.CrashSafety;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app is killed with SIGKILL in the middle of a registration rush (with check-ins and comments at the same time)
 * and started again on the same database: nothing it acknowledged is lost, no event is over capacity, the waitlist is
 * complete and every mail owed still goes out. The same run as {@code bench/crash-safety}, with 150 clients.
 * The shared app is restarted here, so the tests after this one meet a freshly started instance.
 */
class CrashSafetyIT {

    @Test
    void aKilledAppLosesNothingItAcknowledged() throws Exception {
        assertTrue(CrashSafety.run(150), "see the output above for what was lost");
    }
}

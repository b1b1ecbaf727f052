package cn.pujin.open.registration.control;

import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.registration.entity.Source;
import java.time.OffsetDateTime;

/**
 * A registration as the API shows it. {@code name} and {@code phone} are masked unless the viewer is the
 * owner (or an organiser who asked to see the number); null members are left out.
 */
public record RegistrationView(Long id, String number, Long eventId, String eventTitle, OffsetDateTime eventStartsAt,
                               RegistrationStatus status, Category category, String organisation, String statement,
                               Source source, Integer waitlistPosition, Integer alternateRank, String decisionReason,
                               Long accountId, String name, String phone, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt) {
}

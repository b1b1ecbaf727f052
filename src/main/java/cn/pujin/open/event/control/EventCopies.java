package cn.pujin.open.event.control;

import cn.pujin.open.event.entity.AgendaItem;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 复制活动 and series of open days: new drafts written from an event or from one form. Each is an event of its own,
 * reviewed before it is public like any other; nothing of the source's registrations or history comes along.
 */
@ApplicationScoped
public class EventCopies {

    public static final int SERIES_MAX = 12;

    public enum Repeat { WEEKLY, MONTHLY }

    /** One form, {@code count} events: the first as written, each next one a week or a month later. */
    public record SeriesRequest(
            @NotNull(message = "{validation.required}") @Valid EventDraft event,
            @NotNull(message = "{validation.required}") Repeat repeat,
            @NotNull(message = "{validation.required}") @Min(value = 2, message = "{validation.min}")
            @Max(value = SERIES_MAX, message = "{validation.max}") Integer count) {
    }

    @Inject
    Events events;

    @Inject
    Clock clock;

    /**
     * A new draft with the source's content and agenda, at the same dates for the organiser to change — or, when the
     * source has already begun, as many whole weeks later as it takes to start in the future (same weekday and time).
     */
    @Transactional
    public Event copy(Long author, Long sourceId) {
        Event source = events.working(sourceId);
        String title = Messages.get(Messages.CHINESE, "event.copyTitle", source.getTitle());
        int weeks = 0;
        while (!Times.local(source.getStartsAt()).plusWeeks(weeks).toInstant().isAfter(clock.instant())) {
            weeks++;
        }
        int w = weeks;
        Event copy = events.create(author, new EventDraft(source.getKind(), title.length() > 120 ? title.substring(0, 120) : title,
                source.getSummary(),
                source.getDescription(), source.getMode(), source.getVenue(), source.getOnlineUrl(),
                shift(Times.local(source.getStartsAt()), Repeat.WEEKLY, w), shift(Times.local(source.getEndsAt()), Repeat.WEEKLY, w),
                source.getCapacity(), source.isWaitlist(),
                shift(Times.local(source.getRegistrationOpensAt()), Repeat.WEEKLY, w),
                shift(Times.local(source.getRegistrationClosesAt()), Repeat.WEEKLY, w),
                source.getCampaign() == null ? null : source.getCampaign().getName(), null));
        for (AgendaItem item : source.getAgendaItems()) {
            events.addAgendaItem(author, copy.getId(), new AgendaItemDraft(item.getTitle(), item.getSummary(),
                    item.getMaterials().stream().map(m -> new AgendaItemDraft.MaterialDraft(m.getTitle(), m.getSummary(), m.getUrl()))
                            .toList()));
        }
        return copy;
    }

    /** Open days only: a decision meeting is decided one at a time. All or none are created. */
    @Transactional
    public List<Event> series(Long author, @NotNull(message = "{validation.body}") @Valid SeriesRequest request) {
        EventDraft d = request.event();
        if (d.kind() != EventKind.OPEN_DAY) {
            throw Problem.invalid("event.kind", "event.series.openDaysOnly");
        }
        List<Event> created = new ArrayList<>();
        for (int k = 0; k < request.count(); k++) {
            created.add(events.create(author, new EventDraft(d.kind(), d.title(), d.summary(), d.description(), d.mode(), d.venue(),
                    d.onlineUrl(), shift(d.startsAt(), request.repeat(), k), shift(d.endsAt(), request.repeat(), k), d.capacity(),
                    d.waitlist(), shift(d.registrationOpensAt(), request.repeat(), k), shift(d.registrationClosesAt(), request.repeat(), k),
                    d.campaign(), null)));
        }
        return created;
    }

    /** The k-th occurrence, on the office's calendar (a month later is the same day of the month, or its last day). */
    static OffsetDateTime shift(OffsetDateTime t, Repeat repeat, int k) {
        if (t == null || k == 0) {
            return t;
        }
        var local = t.atZoneSameInstant(Clocks.ZONE);
        return (repeat == Repeat.WEEKLY ? local.plusWeeks(k) : local.plusMonths(k)).toOffsetDateTime();
    }
}

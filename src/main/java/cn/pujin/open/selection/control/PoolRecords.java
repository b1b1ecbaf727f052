package cn.pujin.open.selection.control;

import cn.pujin.open.event.control.Seats;
import cn.pujin.open.input.control.InputQueues;
import cn.pujin.open.input.control.InputSource;
import cn.pujin.open.input.entity.CitizenInput;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.selection.entity.Representative;
import cn.pujin.open.selection.entity.Residency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A representative's record: the yearly re-confirmation of their eligibility by themselves, and their attendance
 * history — meetings they were confirmed for, the suggestions they made and the answers they received — which they see
 * on /me/representative.xhtml and organisers on the pool page.
 */
@ApplicationScoped
public class PoolRecords {

    static final int SHOWN = 50;

    @Inject
    Pool pool;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Seats seats;

    @Inject
    InputQueues queues;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    public record ConfirmRequest(Boolean adultDeclared, Residency residency) {}

    public record MeetingLine(Long eventId, String title, OffsetDateTime startsAt, boolean past) {}

    public record InputLine(Long id, Long eventId, String text, InputStatus status, Outcome outcome, OffsetDateTime answeredAt) {}

    public record History(List<MeetingLine> meetings, long meetingsAttended, List<InputLine> suggestions, long suggestionsMade,
                          long answersReceived) {}

    /** The member re-confirms their eligibility; the next review is a year from today. Not a member: 404. */
    @Transactional
    public Representative confirm(Long accountId, ConfirmRequest request) {
        Representative member = pool.member(accountId);
        if (member == null) {
            throw Problem.notFound();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null || !Boolean.TRUE.equals(request.adultDeclared())) {
            errors.add(new Problem.FieldError("adultDeclared", "pool.adult"));
        }
        if (request == null || request.residency() == null) {
            errors.add(new Problem.FieldError("residency", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        LocalDate before = member.getReviewDueOn();
        member.confirm(request.residency(), LocalDate.now(clock), clock.instant());
        audit.record(accountId, "representative", member.getId(), "pool.confirm", before, member.getReviewDueOn(), request.residency().name());
        return member;
    }

    public History history(Long accountId) {
        List<MeetingLine> meetings = new ArrayList<>();
        var now = clock.instant();
        for (Registration r : registrationQueries.mine(accountId)) {
            if (r.getStatus() != RegistrationStatus.CONFIRMED) {
                continue;
            }
            Seats.Bookable event = seats.bookable(r.getEventId());
            if (event.isMeeting()) {
                meetings.add(new MeetingLine(event.eventId(), event.title(), Times.local(event.startsAt()), event.endsAt().isBefore(now)));
            }
        }
        long attended = meetings.stream().filter(MeetingLine::past).count();
        InputSource<?> suggestions = queues.sources().stream().filter(s -> "suggestion".equals(s.noun())).findFirst().orElseThrow();
        List<InputLine> lines = new ArrayList<>();
        long made = lines(suggestions, accountId, lines);
        long answered = lines.stream().filter(l -> l.status() == InputStatus.PUBLISHED).count();
        return new History(meetings, attended, lines, made, answered);
    }

    private <T extends CitizenInput> long lines(InputSource<T> source, Long accountId, List<InputLine> into) {
        var page = queues.mine(source, accountId, new Paging(0, SHOWN));
        for (T input : page.items()) {
            var h = input.handling();
            String text = input.getText().length() > 80 ? input.getText().substring(0, 80) + "…" : input.getText();
            boolean published = h.getStatus() == InputStatus.PUBLISHED;
            into.add(new InputLine(input.getId(), source.eventOf(input), text, h.getStatus(), published ? h.getOutcome() : null,
                    published ? Times.local(h.getAnsweredAt()) : null));
        }
        return page.total();
    }
}

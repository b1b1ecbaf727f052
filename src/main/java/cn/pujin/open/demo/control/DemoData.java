package cn.pujin.open.demo.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.event.control.AgendaItemDraft;
import cn.pujin.open.event.control.Decisions;
import cn.pujin.open.event.control.EventDraft;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventMode;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.participation.control.CommentRequest;
import cn.pujin.open.participation.control.ConsultationComments;
import cn.pujin.open.participation.control.ConsultationDraft;
import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.Consultations;
import cn.pujin.open.participation.control.MajorDecisionDraft;
import cn.pujin.open.participation.control.MajorDecisionViews;
import cn.pujin.open.participation.control.Topics;
import cn.pujin.open.participation.control.MajorDecisions;
import cn.pujin.open.participation.control.StepDraft;
import cn.pujin.open.participation.entity.StepKind;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Migrations;
import cn.pujin.open.platform.control.SettingsConfigSource;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.suggestion.control.Milestones;
import cn.pujin.open.suggestion.control.SuggestionRequest;
import cn.pujin.open.suggestion.control.Suggestions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The demo users and events of DESIGN.md, from {@code config/demo/demo-data.json}. Loaded once, only when
 * demo data is on: {@code DEMO_DATA=true}, or the run command's default ({@code -Dpujin.demo.default=true})
 * when {@code DEMO_DATA} is unset. Production start-up never creates these users.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    public record DemoUser(String username, String displayName, String phone, String email, List<Role> roles, String department) {}

    public record DemoMaterial(String title, String url) {}

    public record DemoAgendaItem(String title, String summary, List<DemoMaterial> materials) {}

    public record DemoEvent(EventKind kind, EventMode mode, boolean publish, String title, String campaign, String summary,
                     String description, String venue, String onlineUrl, String day, String start, int hours,
                     int capacity, List<DemoAgendaItem> agenda, List<String> attendees, DemoSelection.Spec selection) {}

    /** A suggestion of the demo, taken as far through supervision as its fields say (assigned, answered, published…). */
    public record DemoSuggestion(String event, Integer agenda, String author, String channel, String text, String department,
                                 String outcome, String reason, String plan, boolean publish, Integer rating,
                                 String ratingComment, String milestone, Integer progress) {}

    public record DemoDecision(String event, int agenda, String text) {}

    public record Demo(String password, List<String> departments, List<DemoUser> users, List<DemoEvent> events,
                       List<DemoSuggestion> suggestions, List<DemoDecision> decisions, List<DemoMajorDecision> majorDecisions,
                       List<DemoConsultation> consultations, List<DemoMessages.DemoMessage> messages,
                       List<DemoMessages.DemoFaq> faqs) {}

    public record DemoComment(String author, Integer paragraph, String organisation, String text, boolean show) {}

    /** A consultation published and open: {@code opens} days from today (e.g. -5), open {@code days} days. */
    public record DemoConsultation(String title, String majorDecision, String topic, List<String> paragraphs,
                                   String interpretation, String opens, int days, List<String> invitedOrganisations,
                                   List<String> followers, List<DemoComment> comments) {}

    public record DemoStep(StepKind kind, String day, String summary, List<DemoMaterial> documents, String meeting, Boolean publish) {}

    public record DemoMajorDecision(String title, String department, String legalBasis, String plannedPeriod, List<DemoStep> steps) {}

    @Inject
    Config config;

    @Inject
    Accounts accounts;

    @Inject
    Departments departmentList;

    @Inject
    Events events;

    @Inject
    Clock clock;

    @PostConstruct
    void load() {
        boolean enabled = config.getOptionalValue("DEMO_DATA", Boolean.class)
                .orElse(Boolean.getBoolean("pujin.demo.default"));
        if (!enabled) {
            return;
        }
        if (accounts.findByLogin("admin").isPresent()) {
            LOG.info("demo data already present");
            return;
        }
        Path file = SettingsConfigSource.configDir().resolve("demo/demo-data.json");
        Demo demo;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); Jsonb jsonb = JsonbBuilder.create()) {
            demo = jsonb.fromJson(in, Demo.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read demo data " + file, e);
        }
        Map<String, Long> departments = new HashMap<>();
        for (String name : demo.departments()) {
            Department d = departmentList.createDepartment(null, name);
            departments.put(name, d.getId());
        }
        Map<String, Long> users = new HashMap<>();
        for (DemoUser u : demo.users()) {
            Set<Role> roles = EnumSet.copyOf(u.roles());
            Account a = accounts.createStaff(u.username(), u.displayName(), u.phone(), u.email(), demo.password(), roles,
                    u.department() == null ? null : departments.get(u.department()));
            users.put(u.username(), a.getId());
        }
        Long organiser = users.get("organiser");
        Long reviewer = users.get("reviewer");
        for (DemoUser u : demo.users()) {
            if (u.roles().contains(Role.REPRESENTATIVE)) {
                demoSelection.joinPool(organiser, users.get(u.username()));
            }
        }
        Map<String, Event> created = new HashMap<>();
        int year = LocalDate.now(clock).getYear();
        for (DemoEvent e : demo.events()) {
            ZonedDateTime starts = day(e.day(), year).atTime(LocalTime.parse(e.start())).atZone(Clocks.ZONE);
            ZonedDateTime ends = starts.plusHours(e.hours());
            EventDraft draft = new EventDraft(e.kind(), e.title(), e.summary(), e.description(), e.mode(), e.venue(),
                    e.onlineUrl(), starts.toOffsetDateTime(), ends.toOffsetDateTime(), e.capacity(), true,
                    starts.minusDays(30).toOffsetDateTime(), starts.minusDays(1).withHour(17).withMinute(0).toOffsetDateTime(),
                    e.campaign() == null ? null : e.campaign().replace("{year}", String.valueOf(year)), null);
            Event event = events.createHeld(organiser, draft);
            for (DemoAgendaItem item : Optional.ofNullable(e.agenda()).orElse(List.of())) {
                events.addAgendaItem(organiser, event.getId(), new AgendaItemDraft(item.title(), item.summary(),
                        item.materials().stream().map(m -> new AgendaItemDraft.MaterialDraft(m.title(), null, m.url())).toList()));
            }
            if (e.selection() != null) {
                demoSelection.commit(organiser, event.getId(), e.selection());
            }
            events.submit(organiser, event.getId());
            if (e.publish()) {
                events.approve(reviewer, event.getId());
            }
            created.put(e.title(), events.working(event.getId()));
            for (String attendee : Optional.ofNullable(e.attendees()).orElse(List.of())) {
                registrations.recordWalkIn(organiser, event.getId(), users.get(attendee));
            }
        }
        for (DemoEvent e : demo.events()) {
            if (e.selection() != null) {
                demoSelection.draw(organiser, created.get(e.title()).getId(), e.selection(), users);
            }
        }
        suggestions(demo, users, created, departments);
        catalogue(demo, organiser, reviewer, created, year);
        consultations(demo, users);
        demoMessages.load(demo.messages(), demo.faqs(), users, departments);
        LOG.info(() -> "demo data loaded: " + users.size() + " users (password " + demo.password() + "), "
                + demo.events().size() + " events");
    }

    @Inject
    DemoMessages demoMessages;

    @Inject
    DemoSelection demoSelection;

    @Inject
    Registrations registrations;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Suggestions suggestions;

    @Inject
    Milestones milestones;

    @Inject
    Decisions decisionWorkflow;

    /** Suggestions in every state of supervision, and meeting decisions, on the demo's past meetings. */
    private void suggestions(Demo demo, Map<String, Long> users, Map<String, Event> created, Map<String, Long> departments) {
        var organiser = actor(users.get("organiser"), true, false, false, null);
        var reviewer = actor(users.get("reviewer"), false, true, false, null);
        var handler = actor(users.get("handler"), false, false, true, departments.get("街道办公室"));
        for (DemoDecision d : Optional.ofNullable(demo.decisions()).orElse(List.of())) {
            Event event = created.get(d.event());
            Long item = event.getAgendaItems().get(d.agenda() - 1).getId();
            decisionWorkflow.write(organiser.id(), event.getId(), item, d.text());
            decisionWorkflow.publish(reviewer.id(), event.getId(), item);
        }
        for (DemoSuggestion d : Optional.ofNullable(demo.suggestions()).orElse(List.of())) {
            Event event = created.get(d.event());
            Long item = d.agenda() == null ? null : event.getAgendaItems().get(d.agenda() - 1).getId();
            Long author = users.get(d.author());
            var submitted = "ONLINE".equals(d.channel())
                    ? suggestions.submit(actor(author, false, false, false, null), event.getId(),
                            new SuggestionRequest(item, d.text(), null, null, null))
                    : suggestions.submit(organiser, event.getId(), new SuggestionRequest(
                            item, d.text(), accounts.get(author).getDisplayName(), d.channel(),
                            registrationQueries.mine(author).stream().filter(r -> r.getEventId().equals(event.getId()))
                                    .findFirst().map(Registration::getId).orElse(null)));
            Long id = submitted.getId();
            if (d.department() == null) {
                continue;
            }
            suggestions.assign(organiser, id, departments.get(d.department()));
            if (d.outcome() == null) {
                continue;
            }
            suggestions.answer(handler, id, d.outcome(), d.reason(), d.plan());
            if (!d.publish()) {
                continue;
            }
            suggestions.publish(reviewer, id);
            if (d.rating() != null) {
                suggestions.rate(actor(author, false, false, false, null), id, d.rating(), d.ratingComment());
            }
            if (d.milestone() != null) {
                var m = milestones.add(handler, id, LocalDate.now(clock).plusDays(20), d.milestone(), d.progress());
                milestones.publish(reviewer, m.getId());
            }
        }
    }

    @Inject
    MajorDecisions majorDecisions;

    /** This year's decision catalogue, published, with the steps taken so far (the meeting's own step not yet public). */
    private void catalogue(Demo demo, Long organiser, Long reviewer, Map<String, Event> created, int year) {
        // the catalogue as planned at the start of the year: all items written before the first is published
        List<DemoMajorDecision> items = Optional.ofNullable(demo.majorDecisions()).orElse(List.of());
        List<Long> ids = items.stream().map(d -> majorDecisions.create(organiser, new MajorDecisionDraft(year, d.title(),
                d.department(), d.legalBasis(), d.plannedPeriod().replace("{year}", String.valueOf(year)), null, null)).getId())
                .toList();
        for (int i = 0; i < items.size(); i++) {
            Long id = ids.get(i);
            majorDecisions.submit(organiser, id);
            majorDecisions.approve(reviewer, id);
            for (DemoStep s : items.get(i).steps()) {
                var step = majorDecisions.addStep(organiser, id, new StepDraft(s.kind(), day(s.day(), year), s.summary(),
                        Optional.ofNullable(s.documents()).orElse(List.of()).stream()
                                .map(m -> new StepDraft.DocumentDraft(m.title(), m.url())).toList(),
                        s.meeting() == null ? null : created.get(s.meeting()).getId()));
                if (s.publish() == null || s.publish()) {
                    majorDecisions.publishStep(reviewer, step.getId());
                }
            }
        }
    }

    @Inject
    Consultations consultations;

    @Inject
    ConsultationComments consultationComments;

    @Inject
    Topics topics;

    @Inject
    ConsultationViews consultationViews;

    @Inject
    MajorDecisionViews majorDecisionViews;

    /** An open consultation on a catalogue item, with a topic someone follows and comments, most shown by the reviewer. */
    private void consultations(Demo demo, Map<String, Long> users) {
        Long organiser = users.get("organiser");
        Long reviewer = users.get("reviewer");
        for (DemoConsultation d : Optional.ofNullable(demo.consultations()).orElse(List.of())) {
            Long topic = topics.create(organiser, d.topic()).getId();
            for (String follower : d.followers()) {
                topics.follow(users.get(follower), List.of(topic));
            }
            Long item = majorDecisionViews.catalogue(LocalDate.now(clock).getYear(), true).stream()
                    .filter(m -> m.title().equals(d.majorDecision())).map(MajorDecisionViews.MajorDecisionView::id).findFirst().orElse(null);
            ZonedDateTime opens = LocalDate.now(clock).plusDays(Long.parseLong(d.opens())).atTime(9, 0).atZone(Clocks.ZONE);
            var c = consultations.create(organiser, new ConsultationDraft(d.title(), item, topic, d.paragraphs(), d.interpretation(),
                    opens.toOffsetDateTime(), opens.plusDays(d.days()).withHour(17).toOffsetDateTime(), d.invitedOrganisations(), null));
            consultations.submit(organiser, c.getId());
            consultations.approve(reviewer, c.getId());
            Map<Integer, Long> paragraphs = new HashMap<>();
            consultationViews.view(c.getId(), true).paragraphs().forEach(p -> paragraphs.put(p.number(), p.id()));
            for (DemoComment comment : d.comments()) {
                var written = consultationComments.comment(users.get(comment.author()), c.getId(),
                        new CommentRequest(comment.paragraph() == null ? null : paragraphs.get(comment.paragraph()), comment.text(),
                                comment.organisation()));
                if (comment.show()) {
                    consultationComments.moderate(reviewer, written.getId(), true);
                }
            }
        }
    }

    private static InputActor actor(Long id, boolean organiser, boolean reviewer, boolean handler, Long department) {
        return new InputActor(id, organiser, reviewer, handler, false, department);
    }

    /** {@code +6} is six days from today, {@code -3} three days ago; {@code 08-15} is 15 August of the current year. */
    private LocalDate day(String spec, int year) {
        if (spec.startsWith("+") || spec.startsWith("-")) {
            return LocalDate.now(clock).plusDays(Long.parseLong(spec));
        }
        return MonthDay.parse("--" + spec).atYear(year);
    }
}

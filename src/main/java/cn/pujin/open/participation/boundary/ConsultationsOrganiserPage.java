package cn.pujin.open.participation.boundary;

import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.participation.control.CommentGroupRequest;
import cn.pujin.open.participation.control.ConsultationComments;
import cn.pujin.open.participation.control.ConsultationDraft;
import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.CommentView;
import cn.pujin.open.participation.control.ConsultationViews.ConsultationView;
import cn.pujin.open.participation.control.ConsultationViews.Report;
import cn.pujin.open.participation.control.Consultations;
import cn.pujin.open.participation.control.MajorDecisionViews;
import cn.pujin.open.participation.control.MajorDecisionViews.MajorDecisionView;
import cn.pujin.open.participation.control.Topics;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.primefaces.PrimeFaces;

/**
 * {@code /organiser/consultations.xhtml}: write a draft in paragraphs with its interpretation and period, submit it
 * for review; after the period group the comments, give each group to a department and answer it (an organiser may
 * answer too; a reviewer publishes).
 */
@Named
@ViewScoped
public class ConsultationsOrganiserPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("title", "title", "paragraphs", "paragraphs",
            "interpretation", "interpretation", "opensAt", "opensAt", "closesAt", "closesAt", "majorDecisionId", "majorDecision",
            "topicId", "topic", "invitedOrganisations", "organisations", "name", "newTopic");

    @Inject
    Consultations consultations;

    @Inject
    ConsultationComments comments;

    @Inject
    ConsultationViews views;

    @Inject
    MajorDecisionViews majorDecisions;

    @Inject
    Topics topics;

    @Inject
    Departments departments;

    @Inject
    CurrentUser user;

    @Inject
    CurrentInputActor actor;

    @Inject
    Clocks clocks;

    @Inject
    GroupAnswers answers;

    private transient List<ConsultationView> items;

    // the draft form (new when editId is null)
    private Long editId;
    private long editVersion;
    private String title;
    private Long majorDecisionId;
    private Long topicId;
    private String newTopic;
    private String paragraphs;
    private String interpretation;
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;
    private String organisations;

    // the comments of one consultation after its period: grouping and answers
    private Long selectedId;
    private List<Long> chosen = new ArrayList<>();
    private String groupTitle;
    private Integer groupParagraph;
    private Long departmentId;

    public List<ConsultationView> getItems() {
        if (items == null) {
            items = views.list(null, true);
        }
        return items;
    }

    /** Published catalogue items of this year and the next a draft can belong to. */
    public List<MajorDecisionView> getMajorDecisions() {
        int year = LocalDate.now(clocks.clock()).getYear();
        return Stream.of(year + 1, year).flatMap(y -> majorDecisions.catalogue(y, false).stream())
                .filter(m -> "PUBLISHED".equals(m.status())).toList();
    }

    public List<Topics.TopicView> getTopics() {
        return topics.all();
    }

    public List<Department> getDepartments() {
        return departments.departments();
    }

    public int getMinDays() {
        return consultations.minDays();
    }

    public void newDraft() {
        editId = null;
        title = paragraphs = interpretation = organisations = newTopic = null;
        majorDecisionId = topicId = null;
        LocalDateTime now = LocalDateTime.now(clocks.clock()).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        opensAt = now;
        closesAt = now.plusDays(30);
    }

    public void edit(ConsultationView c) {
        editId = c.id();
        editVersion = c.version();
        title = c.title();
        majorDecisionId = c.majorDecisionId();
        topicId = c.topicId();
        newTopic = null;
        paragraphs = String.join("\n\n", c.paragraphs().stream().map(ConsultationViews.ParagraphView::text).toList());
        interpretation = c.interpretation();
        opensAt = c.opensAt().atZoneSameInstant(Clocks.ZONE).toLocalDateTime();
        closesAt = c.closesAt().atZoneSameInstant(Clocks.ZONE).toLocalDateTime();
        organisations = String.join("\n", c.invitedOrganisations());
    }

    public void save() {
        Long me = user.require(Role.ORGANISER);
        if (Faces.attempt(() -> {
            if (Texts.strip(newTopic) != null) {
                // the new topic is chosen from now on, so a save that fails for another reason keeps it chosen
                topicId = topics.create(me, newTopic).getId();
                newTopic = null;
            }
            ConsultationDraft draft = new ConsultationDraft(title, majorDecisionId, topicId, split(paragraphs, "\\n\\s*\\n"),
                    interpretation, at(opensAt), at(closesAt), split(organisations, "\\n"), editId == null ? null : editVersion);
            if (editId == null) {
                consultations.create(me, draft);
            } else {
                consultations.update(me, editId, draft);
            }
        }, "consultation.done.saved", "draftForm", FIELDS)) {
            items = null;
            PrimeFaces.current().executeScript("PF('draftDialog').hide()");
            Faces.bringIntoView("list:messages");
        }
    }

    public void submit(Long id) {
        Long me = user.require(Role.ORGANISER);
        if (Faces.attempt(() -> consultations.submit(me, id), "consultation.done.submitted", "list")) {
            items = null;
        }
    }

    /** Opens the comments of one consultation (grouping and answers). */
    public void select(Long id) {
        selectedId = id;
        chosen = new ArrayList<>();
        groupTitle = null;
        groupParagraph = null;
        Faces.bringIntoView("work");
    }

    public ConsultationView getSelected() {
        return selectedId == null ? null : getItems().stream().filter(c -> c.id().equals(selectedId)).findFirst().orElse(null);
    }

    public List<CommentView> getComments() {
        return selectedId == null ? List.of() : views.comments(selectedId, true);
    }

    public List<CommentView> getUngrouped() {
        return getComments().stream().filter(c -> c.groupId() == null).toList();
    }

    public Report getReport() {
        if (selectedId == null) {
            return null;
        }
        Report report = views.report(selectedId, true);
        answers.prefill(report.groups());
        return report;
    }

    public GroupAnswers getAnswers() {
        return answers;
    }

    public void group() {
        ConsultationView c = getSelected();
        Integer number = groupParagraph;
        if (number == null) {
            // from the comments: their own paragraph when they share one, else the whole draft
            List<Integer> theirs = getUngrouped().stream().filter(m -> chosen.contains(m.id())).map(CommentView::paragraphNumber)
                    .distinct().toList();
            number = theirs.size() == 1 ? theirs.get(0) : null;
        }
        Integer paragraph = number;
        Long paragraphId = paragraph == null || c == null ? null : c.paragraphs().stream()
                .filter(p -> p.number() == paragraph).map(ConsultationViews.ParagraphView::id).findFirst().orElse(null);
        if (Faces.attempt(() -> comments.group(actor.get(), selectedId, new CommentGroupRequest(groupTitle, paragraphId, departmentId,
                List.copyOf(chosen))), "consultation.done.grouped", "work",
                Map.of("title", "groupTitle", "departmentId", "department", "commentIds", "chosen"))) {
            chosen = new ArrayList<>();
            groupTitle = null;
        }
    }

    public void answer(Long groupId) {
        answers.answer(groupId, "work");
    }


    private static OffsetDateTime at(LocalDateTime t) {
        return t == null ? null : t.atZone(Clocks.ZONE).toOffsetDateTime();
    }

    /** The menus' "none" (0: a menu shows its first item when nothing is chosen, so "none" is an item of its own). */
    private static Long none(Long id) {
        return id == null || id == 0 ? null : id;
    }

    /** Text split into non-blank parts (paragraphs by blank lines, organisations by lines). */
    static List<String> split(String text, String separator) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean isNewDraft() { return editId == null; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getMajorDecisionId() { return majorDecisionId; }
    public void setMajorDecisionId(Long majorDecisionId) { this.majorDecisionId = none(majorDecisionId); }
    public Long getTopicId() { return topicId; }
    public void setTopicId(Long topicId) { this.topicId = none(topicId); }
    public String getNewTopic() { return newTopic; }
    public void setNewTopic(String newTopic) { this.newTopic = newTopic; }
    public String getParagraphs() { return paragraphs; }
    public void setParagraphs(String paragraphs) { this.paragraphs = paragraphs; }
    public String getInterpretation() { return interpretation; }
    public void setInterpretation(String interpretation) { this.interpretation = interpretation; }
    public LocalDateTime getOpensAt() { return opensAt; }
    public void setOpensAt(LocalDateTime opensAt) { this.opensAt = opensAt; }
    public LocalDateTime getClosesAt() { return closesAt; }
    public void setClosesAt(LocalDateTime closesAt) { this.closesAt = closesAt; }
    public String getOrganisations() { return organisations; }
    public void setOrganisations(String organisations) { this.organisations = organisations; }
    public Long getSelectedId() { return selectedId; }
    public List<Long> getChosen() { return chosen; }
    public void setChosen(List<Long> chosen) { this.chosen = chosen; }
    public String getGroupTitle() { return groupTitle; }
    public void setGroupTitle(String groupTitle) { this.groupTitle = groupTitle; }
    public Integer getGroupParagraph() { return groupParagraph; }
    public void setGroupParagraph(Integer groupParagraph) { this.groupParagraph = groupParagraph; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = none(departmentId); }
}

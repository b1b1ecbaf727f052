package cn.pujin.open.participation.control;

import cn.pujin.open.input.control.InputSource;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.participation.entity.CommentGroup;
import cn.pujin.open.participation.entity.Consultation;
import cn.pujin.open.participation.entity.ConsultationComment;
import cn.pujin.open.participation.entity.ConsultationParagraph;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Comments on consultations in the citizen-input workflow: answered per group within {@code CONSULTATION_ANSWER_DAYS}
 * working days of grouping; their notices name the consultation and the paragraph.
 */
@ApplicationScoped
public class CommentSource implements InputSource<ConsultationComment> {

    @PersistenceContext
    EntityManager em;

    @Inject
    Links links;

    @Inject
    @ConfigProperty(name = "CONSULTATION_ANSWER_DAYS", defaultValue = "15")
    int answerDays;

    @Override
    public String noun() {
        return "comment";
    }

    @Override
    public Class<ConsultationComment> type() {
        return ConsultationComment.class;
    }

    @Override
    public Long eventOf(ConsultationComment c) {
        return null;
    }

    @Override
    public int answerDays(ConsultationComment c) {
        return answerDays;
    }

    /** The number people quote: "ZQ" (征求) and the id — meeting suggestions are "YJ…". */
    public static String number(Long id) {
        return "ZQ" + id;
    }

    /** {0} consultation, {1} paragraph ("第3段" or "全文"), {2} number, {3} text excerpt, {4} due date. */
    @Override
    public Object[] mailArgs(ConsultationComment c) {
        Consultation consultation = em.find(Consultation.class, c.getConsultationId());
        ConsultationParagraph p = c.getParagraphId() == null ? null : em.find(ConsultationParagraph.class, c.getParagraphId());
        String excerpt = c.getText().length() > 80 ? c.getText().substring(0, 80) + "…" : c.getText();
        return new Object[]{consultation.getTitle(), Consultations.paragraphLabel(Messages.CHINESE, p == null ? null : p.getNumber()),
                number(c.getId()), excerpt, c.handling().getDueOn() == null ? "—" : c.handling().getDueOn().toString()};
    }

    /** Also {5} outcome, {6} reason, {7} the group's title, {8} the link to the adoption report. */
    @Override
    public Object[] answeredArgs(ConsultationComment c) {
        Object[] args = Arrays.copyOf(mailArgs(c), 9);
        CommentGroup group = c.getGroupId() == null ? null : em.find(CommentGroup.class, c.getGroupId());
        args[5] = InputWorkflow.outcomeLabel(c.handling().getOutcome());
        args[6] = c.handling().getReason();
        args[7] = group == null ? "—" : group.getTitle();
        args[8] = links.to("/consultations/detail.xhtml?id=" + c.getConsultationId() + "#report");
        return args;
    }
}

package cn.pujin.open.demo.control;

import cn.pujin.open.registration.control.RegistrationRequest;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.selection.control.Lottery;
import cn.pujin.open.selection.control.Objections;
import cn.pujin.open.selection.control.Pool;
import cn.pujin.open.selection.entity.Residency;
import cn.pujin.open.selection.control.SelectionRules;
import cn.pujin.open.selection.control.Selections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The demo's verifiable selection: a meeting whose seed was committed while it was a draft, drawn over the demo
 * citizens' approved applications, published, and in its objection period with one objection waiting for an answer.
 */
@ApplicationScoped
public class DemoSelection {

    /** The demo seed is in the demo file on purpose: anyone trying the 核验 page can type it in. */
    public record DemoApplicant(String user, Category category, String community, String organisation, String statement) {}

    public record DemoObjection(String author, String text) {}

    public record Spec(int seats, int alternates, String secretSeed, List<DemoApplicant> applicants, DemoObjection objection) {}

    @Inject
    SelectionRules rules;

    @Inject
    Selections selections;

    @Inject
    Objections objections;

    @Inject
    Registrations registrations;

    @Inject
    Pool pool;

    /** A demo representative in the pool (代表库), reviewed a year from today. */
    void joinPool(Long organiser, Long accountId) {
        pool.add(organiser, new Pool.MemberRequest(accountId, new java.util.ArrayList<>(List.of(Category.RESIDENT)),
                "适老化改造、加装电梯", null, true, Residency.LIVES, null, true));
    }

    /** While the meeting is a draft: the rule and the commitment to the secret seed. */
    void commit(Long organiser, Long eventId, Spec spec) {
        rules.setRule(organiser, eventId, new SelectionRules.RuleRequest(spec.seats(), Map.of(), true, spec.alternates(),
                Lottery.sha256(spec.secretSeed()), null, null, List.of()));
    }

    /** Once it is published: applications, approval, the draw with the revealed seed, the 公示 and an objection. */
    void draw(Long organiser, Long eventId, Spec spec, Map<String, Long> users) {
        for (DemoApplicant a : spec.applicants()) {
            var applied = registrations.register(users.get(a.user()), eventId, new RegistrationRequest(a.category(), a.statement(),
                    a.organisation(), a.community(), null, null));
            registrations.approve(organiser, applied.registration().getId());
        }
        selections.run(organiser, eventId, spec.secretSeed(), null);
        selections.publish(organiser, eventId);
        if (spec.objection() != null) {
            objections.raise(users.get(spec.objection().author()), eventId, new Objections.ObjectionRequest(spec.objection().text()));
        }
    }
}

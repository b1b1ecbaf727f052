package cn.pujin.open.registration.control;

import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /events/{id}/registrations}: empty for an open day; for a decision meeting the application
 * (category, organisation — required for ENTERPRISE — and a statement of interest of 20–1000 characters) and, for
 * meetings that balance beyond categories, what the applicant declares: community (居委, public in the 公示 input
 * list), age band and gender (shown in aggregate only). Each of the three is optional.
 */
public record RegistrationRequest(Category category, String statement, String organisation, String community,
                                  String ageBand, String gender) {

    public static final List<String> AGE_BANDS = List.of("18-34", "35-59", "60+");
    public static final List<String> GENDERS = List.of("F", "M");
    public static final int COMMUNITY_MAX = 40;

    public static final RegistrationRequest EMPTY = of(null, null, null);

    /** An application without declarations (JSON bodies bind to the canonical constructor only). */
    public static RegistrationRequest of(Category category, String statement, String organisation) {
        return new RegistrationRequest(category, statement, organisation, null, null, null);
    }

    /** What is wrong with the declared community, age band and gender (each optional). */
    public List<Problem.FieldError> declarationErrors() {
        List<Problem.FieldError> errors = new ArrayList<>();
        String c = Texts.strip(community);
        if (c != null && Texts.length(c) > COMMUNITY_MAX) {
            errors.add(new Problem.FieldError("community", "validation.size.max.n", COMMUNITY_MAX));
        }
        String a = Texts.strip(ageBand);
        if (a != null && !AGE_BANDS.contains(a)) {
            errors.add(new Problem.FieldError("ageBand", "validation.enum", AGE_BANDS));
        }
        String g = Texts.strip(gender);
        if (g != null && !GENDERS.contains(g)) {
            errors.add(new Problem.FieldError("gender", "validation.enum", GENDERS));
        }
        return errors;
    }
}

package cn.pujin.open.input.control;

/** Who acts on citizen input, with the roles that matter for it and a handler's department. */
public record InputActor(Long id, boolean organiser, boolean reviewer, boolean handler, boolean admin, Long departmentId) {

    /** Organisers, reviewers and admins see every input. */
    public boolean staff() {
        return organiser || reviewer || admin;
    }
}

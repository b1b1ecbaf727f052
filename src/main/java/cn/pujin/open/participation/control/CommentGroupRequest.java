package cn.pujin.open.participation.control;

import java.util.List;

/** Comments grouped by staff: a title saying what they ask, the paragraph (null: the whole), who answers. */
public record CommentGroupRequest(String title, Long paragraphId, Long departmentId, List<Long> commentIds) {}

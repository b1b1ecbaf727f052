package cn.pujin.open.input.entity;

import java.time.Instant;

/**
 * A citizen's input of any kind, as the one workflow sees it: an entity of its own feature (a suggestion on a meeting;
 * later a message or a comment on a draft) that embeds its {@link Handling}.
 */
public interface CitizenInput {

    Long getId();

    /** Who wrote it (null when staff entered it for someone without an account). */
    Long getAuthorId();

    /** Who typed it in: the author, or staff entering a paper or oral comment for them. */
    Long getEnteredBy();

    String getText();

    Instant getCreatedAt();

    Handling handling();
}

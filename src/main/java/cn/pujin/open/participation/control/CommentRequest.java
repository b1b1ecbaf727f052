package cn.pujin.open.participation.control;

/** A comment as a citizen sends it: on a paragraph (or the whole draft when null), as an invited organisation or not. */
public record CommentRequest(Long paragraphId, String text, String organisation) {}

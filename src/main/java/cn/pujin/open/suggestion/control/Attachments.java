package cn.pujin.open.suggestion.control;

import cn.pujin.open.platform.control.FileTypes;

/** Limits of suggestion attachments (names are made safe by FileTypes.safeName); their type is judged by content ({@link cn.pujin.open.platform.control.FileTypes}). */
public final class Attachments {

    public static final int MAX_BYTES = cn.pujin.open.input.control.InputAttachments.MAX_BYTES;
    public static final int MAX_PER_SUGGESTION = cn.pujin.open.input.control.InputAttachments.MAX_PER_INPUT;

    private Attachments() {}
}

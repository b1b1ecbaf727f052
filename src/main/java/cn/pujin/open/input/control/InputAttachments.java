package cn.pujin.open.input.control;

import cn.pujin.open.input.entity.CitizenInput;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.platform.control.FileTypes;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import java.util.List;

/**
 * The rules of attachments to any citizen input (images and PDFs, judged by their bytes): only its author or whoever
 * entered it attaches, not after its answer is published, at most {@value #MAX_PER_INPUT} files of
 * {@link FileTypes#MAX_FILE_BYTES} each.
 */
public final class InputAttachments {

    public static final int MAX_BYTES = FileTypes.MAX_FILE_BYTES;
    public static final int MAX_PER_INPUT = 3;

    /** A file as it came from a page: its name and bytes. */
    public record Upload(String fileName, byte[] content) {}

    private InputAttachments() {}

    /** Files sent together with a new input: no more than one may have. */
    public static void requireAtMostAllowed(List<Upload> uploads) {
        if (uploads.size() > MAX_PER_INPUT) {
            throw Problem.conflict(ProblemCode.TOO_MANY_ATTACHMENTS, "suggestion.attachment.tooMany", MAX_PER_INPUT);
        }
    }

    /** The sniffed media type of an upload that may be attached, {@code already} being the files it has. */
    public static String accept(InputActor actor, CitizenInput input, byte[] content, long already) {
        if (!actor.id().equals(input.getAuthorId()) && !actor.id().equals(input.getEnteredBy())) {
            throw Problem.forbidden();
        }
        if (input.handling().getStatus() == InputStatus.PUBLISHED) {
            throw Problem.conflict(ProblemCode.INVALID_TRANSITION, "suggestion.transition.invalid", "attach", input.handling().getStatus());
        }
        if (content == null || content.length == 0) {
            throw Problem.invalid("file", "validation.required");
        }
        if (content.length > MAX_BYTES) {
            throw new Problem(413, ProblemCode.PAYLOAD_TOO_LARGE, "suggestion.attachment.tooLarge", null, null, MAX_BYTES / 1024 / 1024);
        }
        String type = FileTypes.sniff(content)
                .orElseThrow(() -> Problem.badRequest(ProblemCode.ATTACHMENT_TYPE, "suggestion.attachment.type"));
        if (already >= MAX_PER_INPUT) {
            throw Problem.conflict(ProblemCode.TOO_MANY_ATTACHMENTS, "suggestion.attachment.tooMany", MAX_PER_INPUT);
        }
        return type;
    }
}

package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.primefaces.PrimeFaces;

/** Faces messages from bundle keys, and domain failures shown beside the fields they concern. */
public final class Faces {

    private Faces() {}

    public static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public static String text(String key, Object... args) {
        return Messages.get(locale(), key, args);
    }

    /**
     * Runs a page's action on a service: on success the message {@code doneKey}, on a problem its messages (field ones
     * next to the fields of {@code formId}); true when it succeeded.
     */
    public static boolean attempt(Runnable action, String doneKey, String formId) {
        return attempt(action, doneKey, formId, Map.of());
    }

    /** The same, with field messages under the inputs {@code fieldIds} names (field → input id in {@code formId}). */
    public static boolean attempt(Runnable action, String doneKey, String formId, Map<String, String> fieldIds) {
        try {
            action.run();
            info(doneKey);
            return true;
        } catch (RuntimeException e) {
            show(e, formId, fieldIds); // rethrows what is neither a problem nor a validation failure
            return false;
        }
    }

    public static void info(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    public static void error(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
    }

    /** An error beside one input ({@code form:field}); the submit counts as failed validation. */
    public static void fieldError(String clientId, String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
        faces.validationFailed();
    }

    /** Keep messages across a redirect (Post-Redirect-Get). */
    public static void keepMessages() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /**
     * Shows a failure from a service. Field errors go to the input whose id is the field name (inside the
     * given form) when {@code fieldIds} maps it, otherwise to the page.
     */
    public static void show(RuntimeException failure, String formId, Map<String, String> fieldIds) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = locale();
        Throwable cause = failure;
        while (cause != null && !(cause instanceof Problem) && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        if (cause instanceof Problem problem) {
            if (problem.errors().isEmpty()) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        Messages.get(locale, problem.messageKey(), Messages.inWords(locale, problem.args())), null));
            }
            for (Problem.FieldError e : problem.errors()) {
                add(faces, formId, fieldIds, e.field(), Messages.validation(locale, e.messageKey(), Messages.inWords(locale, e.args())));
            }
        } else if (cause instanceof ConstraintViolationException violations) {
            for (ConstraintViolation<?> v : violations.getConstraintViolations()) {
                add(faces, formId, fieldIds, ProblemMapper.field(v.getPropertyPath()), ProblemMapper.message(v, locale));
            }
        } else {
            throw failure;
        }
        faces.validationFailed();
    }

    private static void add(FacesContext faces, String formId, Map<String, String> fieldIds, String field, String text) {
        String id = fieldIds == null ? null : fieldIds.get(field);
        // a message shown away from its field names the field in the page's language (field.<name>)
        String label = id == null ? Messages.label(locale(), "field.", field) + Messages.get(locale(), "common.colon") : "";
        faces.addMessage(id == null ? null : formId + ":" + id,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, label + text, null));
    }

    /**
     * Brings an element (a page's message box) into view at once after an ajax action. (PrimeFaces' scrollTo animates,
     * and a click during the animation lands somewhere else.)
     */
    public static void bringIntoView(String clientId) {
        PrimeFaces.current().executeScript(
                "var e = document.getElementById('" + clientId + "'); if (e) { e.scrollIntoView(); }");
    }

    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public static void redirect(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

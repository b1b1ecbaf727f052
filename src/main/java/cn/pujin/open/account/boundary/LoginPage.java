package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.LoginGuard;
import cn.pujin.open.platform.boundary.Faces;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Sign-in by phone number or user name; goes back to the page that asked for it. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext security;

    @Inject
    LoginGuard guard;

    private String login;

    private String password;

    private String next;

    /** Coming from a session that was ended ({@code ?ended=true}): the page says why above the form. */
    private boolean ended;

    public String signIn() {
        if (!authenticate(login, password)) {
            Object locked = FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(AppAuthentication.LOCKED);
            if (locked instanceof LoginGuard.Locked l) {
                Faces.error("login.locked", guard.minutesUntil(l.until()));
            } else {
                Faces.error("login.failed");
            }
            return null;
        }
        Faces.redirect(safeNext(next));
        return null;
    }

    /** Signs the current request's session in; used after sign-up too. */
    boolean authenticate(String name, String secret) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(name == null ? "" : name.strip(),
                                new Password(secret == null ? "" : secret)))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            FacesContext.getCurrentInstance().responseComplete();
        }
        return status == AuthenticationStatus.SUCCESS;
    }

    /** Only a path on this site, never the login page itself. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/login.xhtml")) {
            return "/";
        }
        return next;
    }

    /** The page to go back to, as a query parameter value ("" for none). */
    static String encoded(String next) {
        return next == null ? "" : URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    public String getLogin() { return login; }
    public void setLogin(String login) { this.login = login; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isEnded() { return ended; }
    public void setEnded(boolean ended) { this.ended = ended; }
    public String getNext() { return next; }
    public String getNextEncoded() { return encoded(next); }
    public void setNext(String next) { this.next = next; }
}

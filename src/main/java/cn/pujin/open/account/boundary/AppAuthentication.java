package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.AccountIdentityStore;
import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.LoginGuard;
import cn.pujin.open.account.control.StationKeys;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.platform.boundary.CrossSiteRequests;
import cn.pujin.open.platform.boundary.ProblemResponses;
import cn.pujin.open.platform.boundary.SecurityHeaders;
import cn.pujin.open.platform.control.ClientAddress;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * One mechanism for pages and API (two declared mechanisms make form login answer the API too):
 * <ul>
 *   <li>{@code /api/*} with {@code Authorization: Basic} — checked against the identity store, no session;</li>
 *   <li>{@code /api/*} with {@code Authorization: Bearer st_…} — a check-in station's key;</li>
 *   <li>the login page calls {@code SecurityContext.authenticate} with the credential — on success the
 *       session gets a new id (no fixation) and remembers only the account id;</li>
 *   <li>a session that remembers an account id — roles are read fresh, so a grant takes effect at once;</li>
 *   <li>otherwise anonymous; protected pages redirect to the login page, the API answers 401 problem+json.</li>
 * </ul>
 */
@ApplicationScoped
public class AppAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_ACCOUNT = "pujin.account";

    /** The account's session epoch when this session signed in; a higher one in the database ends the session. */
    static final String SESSION_EPOCH = "pujin.account.epoch";

    /** Request attribute: this request came with a session that was just ended (the login page says why). */
    static final String SESSION_ENDED = "pujin.sessionEnded";

    /** Marks the session as signed in to the account at its current epoch. */
    public static void signedIn(HttpSession session, long accountId, int epoch) {
        session.setAttribute(SESSION_ACCOUNT, accountId);
        session.setAttribute(SESSION_EPOCH, epoch);
    }

    private static void endSession(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // another request of the same session ended it first
        }
    }

    /** Request attribute set when a page sign-in was refused because of a lock: the {@link LoginGuard.Locked}. */
    public static final String LOCKED = "pujin.login.locked";

    @Inject
    LoginGuard guard;

    @Inject
    ClientAddress address;

    @Inject
    Accounts accounts;

    @Inject
    StationKeys stations;

    @Inject
    SecurityHeaders headers;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // this runs before any filter: the redirects and 401s answered here carry the security headers too
        headers.apply(request, response);
        boolean api = path(request).startsWith("/api/");
        Credential credential = context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            return pageLogin(request, context, credential);
        }
        String authorization = request.getHeader("Authorization");
        if (api && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(request, response, context, authorization.substring(6).trim());
        }
        if (api && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return station(request, response, context, authorization.substring(7).trim());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ACCOUNT) instanceof Long accountId) {
            Optional<Account> account = accounts.find(accountId);
            if (account.isPresent() && !account.get().isDeleted()
                    && session.getAttribute(SESSION_EPOCH) instanceof Integer epoch && epoch == account.get().getSessionEpoch()) {
                return context.notifyContainerAboutLogin(AccountIdentityStore.result(account.get()));
            }
            // the account was deleted, locked or given a new password since this session signed in: it ends here
            endSession(session);
            request.setAttribute(SESSION_ENDED, Boolean.TRUE);
        }
        if (context.isProtected()) {
            if (api) {
                return unauthorized(request, response, context);
            }
            String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(headers.absolute(request, request.getContextPath() + "/login.xhtml?next="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8)
                    + (request.getAttribute(SESSION_ENDED) != null ? "&ended=true" : "")));
        }
        return context.doNothing();
    }

    private AuthenticationStatus pageLogin(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        LoginGuard.Outcome outcome = guard.signIn(up.getCaller(), up.getPasswordAsString(), address.of(request));
        if (outcome instanceof LoginGuard.Locked locked) {
            request.setAttribute(LOCKED, locked);
        }
        if (!(outcome instanceof LoginGuard.Valid valid)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = AccountIdentityStore.result(valid.caller());
        request.getSession(true);
        request.changeSessionId();
        signedIn(request.getSession(), valid.caller().id(), valid.caller().sessionEpoch());
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return unauthorized(request, response, context);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return unauthorized(request, response, context);
        }
        LoginGuard.Outcome outcome = guard.signIn(decoded.substring(0, colon), decoded.substring(colon + 1), address.of(request));
        if (outcome instanceof LoginGuard.Locked locked) {
            return problem(request, response, guard.locked(locked));
        }
        if (!(outcome instanceof LoginGuard.Valid valid)) {
            return unauthorized(request, response, context);
        }
        request.setAttribute(CrossSiteRequests.BY_HEADER, Boolean.TRUE);
        return context.notifyContainerAboutLogin(AccountIdentityStore.result(valid.caller()));
    }

    /** A check-in station's key: the caller is {@code station:ID} in group STATION, for that event only. */
    private AuthenticationStatus station(HttpServletRequest request, HttpServletResponse response,
                                         HttpMessageContext context, String key) {
        Optional<Long> station = stations.stationOf(key);
        if (station.isEmpty()) {
            return unauthorized(request, response, context);
        }
        request.setAttribute(CrossSiteRequests.BY_HEADER, Boolean.TRUE);
        return context.notifyContainerAboutLogin(new CredentialValidationResult(
                new CallerPrincipal(CurrentUser.STATION_PREFIX + station.get()),
                Set.of(CurrentUser.STATION_ROLE)));
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context) {
        try {
            response.setHeader("WWW-Authenticate", "Basic realm=\"pujin-open\", charset=\"UTF-8\"");
            ProblemResponses.send(request, response, Problem.unauthenticated());
        } catch (IOException e) {
            // the client went away; nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 429 for a locked account or address, with Retry-After. */
    private static AuthenticationStatus problem(HttpServletRequest request, HttpServletResponse response, Problem problem) {
        try {
            ProblemResponses.send(request, response, problem);
        } catch (IOException e) {
            // the client went away; nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}

package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.AccountIdentityStore;
import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.CurrentUser;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.platform.boundary.ProblemResponses;
import cn.pujin.open.platform.control.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

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

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Accounts accounts;

    @Inject
    cn.pujin.open.checkin.control.Stations stations;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
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
            if (account.isPresent()) {
                return context.notifyContainerAboutLogin(AccountIdentityStore.result(account.get()));
            }
            session.removeAttribute(SESSION_ACCOUNT);
        }
        if (context.isProtected()) {
            if (api) {
                return unauthorized(request, response, context);
            }
            String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + "/login.xhtml?next="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private AuthenticationStatus pageLogin(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SESSION_ACCOUNT, Long.valueOf(result.getCallerPrincipal().getName()));
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
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(request, response, context);
        }
        return context.notifyContainerAboutLogin(result);
    }

    /** A check-in station's key: the caller is {@code station:ID} in group STATION, for that event only. */
    private AuthenticationStatus station(HttpServletRequest request, HttpServletResponse response,
                                         HttpMessageContext context, String key) {
        var station = stations.byKey(key);
        if (station.isEmpty()) {
            return unauthorized(request, response, context);
        }
        return context.notifyContainerAboutLogin(new CredentialValidationResult(
                new jakarta.security.enterprise.CallerPrincipal(CurrentUser.STATION_PREFIX + station.get().id()),
                java.util.Set.of(CurrentUser.STATION_ROLE)));
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context) {
        Locale locale = ProblemResponses.locale(request);
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"pujin-open\", charset=\"UTF-8\"");
            response.setContentType(ProblemResponses.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ProblemResponses.build(401, "UNAUTHENTICATED",
                    Messages.get(locale, "problem.unauthenticated"), null, null, locale).getEntity().toString());
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

package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Credentials;
import cn.pujin.open.account.control.LoginGuard;
import cn.pujin.open.account.control.SignUp;
import cn.pujin.open.account.control.VerificationCodes;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.platform.control.ClientAddress;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser user;

    @Inject
    LoginGuard guard;

    @Inject
    ClientAddress address;

    @Inject
    VerificationCodes codes;

    @Inject
    Credentials credentials;

    /** Phone masked unless the viewer is the owner; roles sorted for stable output. */
    public record AccountView(Long id, String username, String displayName, String phone, String email, List<Role> roles,
                              OffsetDateTime consentAt, String consentVersion, Long departmentId, OffsetDateTime lockedUntil) {}

    public record RolesRequest(List<Role> roles) {}

    public record DepartmentRequest(Long departmentId) {}

    @POST
    public Response signUp(SignUp request, @Context UriInfo uri, @Context HttpServletRequest http) {
        guard.signUpAttempt(address.of(http));
        if (request == null) {
            throw Problem.invalid("body", "validation.body");
        }
        Account account = accounts.signUp(request);
        return Response.created(uri.getBaseUriBuilder().path("me").build()).entity(view(accounts, account, false)).build();
    }

    public record CodeRequest(String phone, VerificationCodes.Purpose purpose) {}

    public record PasswordReset(String phone, String code, String password) {}

    /** A one-time code by SMS for signing up or resetting a password: 202 whether or not the number has an account. */
    @POST
    @Path("verification-codes")
    public Response verificationCode(CodeRequest request, @Context HttpServletRequest http) {
        if (request == null) {
            throw Problem.invalid("body", "validation.body");
        }
        codes.request(request.phone() == null ? null : request.phone().strip(), request.purpose(), address.of(http));
        return Response.accepted().build();
    }

    /** A new password with the code sent to the phone; every session of the account ends. */
    @POST
    @Path("password-reset")
    public Response passwordReset(PasswordReset request) {
        if (request == null) {
            throw Problem.invalid("body", "validation.body");
        }
        credentials.resetPassword(request.phone() == null ? null : request.phone().strip(), request.code(), request.password());
        return Response.noContent().build();
    }

    @GET
    public Page<AccountView> list(@QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        user.require(Role.ADMIN);
        Paging paging = Paging.of(page, size);
        String query = q == null ? "" : q.strip();
        return new Page<>(accounts.search(query, paging.first(), paging.size()).stream().map(a -> view(accounts, a, false)).toList(),
                accounts.count(query));
    }

    @GET
    @Path("{id}")
    public AccountView get(@PathParam("id") String id) {
        user.require(Role.ADMIN);
        return view(accounts, accounts.find(Ids.parse(id)).orElseThrow(Problem::notFound), false);
    }

    /** Opens an account locked after failed sign-ins before its time (the person called the office). */
    @POST
    @Path("{id}/unlock")
    public AccountView unlock(@PathParam("id") String id) {
        Long admin = user.require(Role.ADMIN);
        Long accountId = Ids.parse(id);
        accounts.find(accountId).orElseThrow(Problem::notFound);
        guard.unlock(admin, accountId);
        return get(id);
    }

    @PUT
    @Path("{id}/roles")
    public AccountView grant(@PathParam("id") String id, RolesRequest request) {
        Long admin = user.require(Role.ADMIN);
        if (request == null || request.roles() == null || request.roles().contains(null)) {
            throw Problem.invalid("roles", "validation.required");
        }
        Set<Role> roles = request.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(request.roles());
        return view(accounts, accounts.grant(admin, Ids.parse(id), roles), false);
    }

    /** Puts a handler into a department ({@code departmentId: null} takes them out). */
    @PUT
    @Path("{id}/department")
    public AccountView department(@PathParam("id") String id, DepartmentRequest request) {
        Long admin = user.require(Role.ADMIN);
        return view(accounts, accounts.assignDepartment(admin, Ids.parse(id), request == null ? null : request.departmentId()),
                false);
    }

    static AccountView view(Accounts accounts, Account a, boolean owner) {
        return new AccountView(a.getId(), a.getUsername(), a.getDisplayName(),
                owner && a.getPhoneCipher() != null ? accounts.phoneOf(a) : a.getPhoneMasked(),
                owner ? accounts.emailOf(a).orElse(null) : null,
                a.roles().stream().sorted().toList(), Times.local(a.getConsentAt()), a.getConsentVersion(),
                a.getDepartmentId(), accounts.lockedUntil(a).map(Times::local).orElse(null));
    }
}

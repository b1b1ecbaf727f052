package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in person's own profile: the only place their full phone number is shown. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser user;

    @GET
    public AccountsResource.AccountView me() {
        return AccountsResource.view(accounts, accounts.get(user.require()), true);
    }
}

package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The person looking at a page, for the navigation and role-dependent parts ({@code #{viewer.…}}). */
@Named
@RequestScoped
public class Viewer {

    @Inject
    CurrentUser user;

    @Inject
    Accounts accounts;

    private Optional<Account> account;

    public Optional<Account> account() {
        if (account == null) {
            account = user.id().flatMap(accounts::find);
        }
        return account;
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    public String getDisplayName() {
        return account().map(Account::getDisplayName).orElse("");
    }

    public Long getId() {
        return account().map(Account::getId).orElse(null);
    }

    public boolean isOrganiser() {
        return user.is(Role.ORGANISER);
    }

    public boolean isReviewer() {
        return user.is(Role.REVIEWER);
    }

    public boolean isHandler() {
        return user.is(Role.HANDLER);
    }

    public boolean isAdmin() {
        return user.is(Role.ADMIN);
    }

    public boolean isStaff() {
        return isOrganiser() || isReviewer() || isHandler() || isAdmin();
    }
}

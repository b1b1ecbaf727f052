package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Credentials;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /me/}: the signed-in person's own data (their full phone number is shown only here). */
@Named
@RequestScoped
public class MePage {

    @Inject
    Viewer viewer;

    @Inject
    Accounts accounts;

    @Inject
    Credentials credentials;

    private String email;
    private String deletePassword;
    private String currentPassword;
    private String newPassword;
    private String newPasswordRepeat;

    /** A new password (the current one confirmed); every other session of the account ends, this one stays. */
    public void changePassword() {
        var context = FacesContext.getCurrentInstance();
        var request = (HttpServletRequest) context.getExternalContext().getRequest();
        if (newPassword != null && !newPassword.equals(newPasswordRepeat)) {
            Faces.fieldError("password:newPasswordRepeat", "signup.passwordMismatch");
            return;
        }
        try {
            int epoch = credentials.changePassword(account().getId(), currentPassword, newPassword);
            AppAuthentication.signedIn(request.getSession(), account().getId(), epoch);
        } catch (Problem e) {
            Faces.show(e, "password",
                    Map.of("currentPassword", "currentPassword", "password", "newPassword"));
            return;
        }
        currentPassword = null;
        newPassword = null;
        newPasswordRepeat = null;
        Faces.info("me.password.changed");
    }

    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getNewPasswordRepeat() { return newPasswordRepeat; }
    public void setNewPasswordRepeat(String newPasswordRepeat) { this.newPasswordRepeat = newPasswordRepeat; }

    /** Deletes the account (password confirmed), ends the session and goes home with a message. */
    public void deleteAccount() {
        try {
            accounts.delete(account().getId(), deletePassword);
        } catch (Problem e) {
            Faces.show(e, "deletion", Map.of("password", "password"));
            return;
        }
        var context = FacesContext.getCurrentInstance();
        var request = (HttpServletRequest) context.getExternalContext().getRequest();
        try {
            request.logout();
        } catch (ServletException e) {
            // the session is ended below either way
        }
        context.getExternalContext().invalidateSession();
        context.getExternalContext().getFlash().setKeepMessages(true);
        Faces.info("me.delete.done");
        Faces.redirect("/");
    }

    public String getDeletePassword() { return deletePassword; }
    public void setDeletePassword(String deletePassword) { this.deletePassword = deletePassword; }

    public String getEmail() {
        if (email == null) {
            email = accounts.emailOf(account()).orElse("");
        }
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public void saveEmail() {
        try {
            accounts.changeEmail(account().getId(), email);
            Faces.info("me.email.saved");
        } catch (Problem e) {
            Faces.show(e, "emailForm", Map.of("email", "email"));
        }
    }

    private Account account() {
        return viewer.account().orElseThrow();
    }

    public String getPhone() {
        Account a = account();
        return a.getPhoneCipher() == null ? "" : accounts.phoneOf(a);
    }

    public List<Role> getRoles() {
        return account().roles().stream().sorted().toList();
    }

    public Instant getConsentAt() {
        return account().getConsentAt();
    }

    public String getConsentVersion() {
        return account().getConsentVersion();
    }
}

package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.LoginGuard;
import cn.pujin.open.account.control.SignUp;
import cn.pujin.open.account.control.VerificationCodes;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Citizen sign-up: validated by the same rules as {@code POST /api/v1/accounts}, then signed in. */
@Named
@RequestScoped
public class SignUpPage {

    private static final Map<String, String> FIELDS = Map.of(
            "phone", "phone", "displayName", "displayName", "password", "password", "consent", "consent", "email", "email",
            "code", "code");

    @Inject
    Accounts accounts;

    @Inject
    LoginPage login;

    @Inject
    LoginGuard guard;

    @Inject
    ClientAddress address;

    @Inject
    CodeSender sender;

    @Inject
    @ConfigProperty(name = "PRIVACY_NOTICE_VERSION")
    String privacyVersion;

    private String phone;
    private String displayName;
    private String password;
    private String passwordRepeat;
    private boolean consent;
    private String email;
    private String code;
    /** Where the person came from (an event page): they go back there once signed up. */
    private String next;

    /** Sends the sign-up code to the phone typed in (the rest of the form is not checked yet). */
    public void sendCode() {
        sender.send(phone, VerificationCodes.Purpose.SIGN_UP, "signup", FIELDS);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String register() {
        if (password != null && !password.equals(passwordRepeat)) {
            Faces.fieldError("signup:passwordRepeat", "signup.passwordMismatch");
            return null;
        }
        try {
            guard.signUpAttempt(address.of(request()));
            accounts.signUp(new SignUp(phone == null ? null : phone.strip(), displayName, password, consent,
                    email == null || email.isBlank() ? null : email.strip(), code));
        } catch (RuntimeException e) {
            Faces.show(e, "signup", FIELDS);
            return null;
        }
        login.authenticate(phone.strip(), password);
        Faces.info("signup.done");
        Faces.keepMessages();
        Faces.redirect(next == null || next.isBlank() ? "/me/" : LoginPage.safeNext(next));
        return null;
    }

    public String getPrivacyVersion() { return privacyVersion; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordRepeat() { return passwordRepeat; }
    public void setPasswordRepeat(String passwordRepeat) { this.passwordRepeat = passwordRepeat; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNext() { return next; }
    public String getNextEncoded() { return LoginPage.encoded(next); }
    public void setNext(String next) { this.next = next; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
}

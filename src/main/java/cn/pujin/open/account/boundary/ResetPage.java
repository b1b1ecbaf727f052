package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Credentials;
import cn.pujin.open.account.control.VerificationCodes;
import cn.pujin.open.platform.boundary.Faces;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** 找回密码: a code to the phone, then a new password (the same rules as {@code POST /api/v1/accounts/password-reset}). */
@Named
@RequestScoped
public class ResetPage {

    private static final Map<String, String> FIELDS = Map.of("phone", "phone", "code", "code", "password", "password");

    @Inject
    CodeSender sender;

    @Inject
    Credentials credentials;

    private String phone;
    private String code;
    private String password;
    private String passwordRepeat;

    /** Sends a reset code; the answer is the same whether or not the number has an account. */
    public void sendCode() {
        sender.send(phone, VerificationCodes.Purpose.PASSWORD_RESET, "reset", FIELDS);
    }

    public String reset() {
        if (password != null && !password.equals(passwordRepeat)) {
            Faces.fieldError("reset:passwordRepeat", "signup.passwordMismatch");
            return null;
        }
        try {
            credentials.resetPassword(phone == null ? null : phone.strip(), code, password);
        } catch (RuntimeException e) {
            Faces.show(e, "reset", FIELDS);
            return null;
        }
        Faces.info("reset.done");
        Faces.keepMessages();
        // the sign-in form keeps the number the person just proved is theirs
        Faces.redirect("/login.xhtml?login=" + URLEncoder.encode(phone.strip(), StandardCharsets.UTF_8));
        return null;
    }

    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordRepeat() { return passwordRepeat; }
    public void setPasswordRepeat(String passwordRepeat) { this.passwordRepeat = passwordRepeat; }
}

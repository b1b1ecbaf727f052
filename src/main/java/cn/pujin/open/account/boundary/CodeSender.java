package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.VerificationCodes;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.ClientAddress;
import cn.pujin.open.platform.control.Masking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/** The "获取验证码" button of the sign-up and reset pages: a code to the phone typed, the masked number in the message. */
@ApplicationScoped
public class CodeSender {

    @Inject
    VerificationCodes codes;

    @Inject
    ClientAddress address;

    /** Sends a code for {@code purpose}; a refusal (format, too many codes) shows under the form's fields. */
    public void send(String phone, VerificationCodes.Purpose purpose, String formId, Map<String, String> fields) {
        try {
            codes.request(phone == null ? null : phone.strip(), purpose,
                    address.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()));
            Faces.info("verification.sent", Masking.phone(phone.strip()));
        } catch (RuntimeException e) {
            Faces.show(e, formId, fields);
        }
    }
}

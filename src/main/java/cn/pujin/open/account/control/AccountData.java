package cn.pujin.open.account.control;

import cn.pujin.open.account.entity.Account;
import cn.pujin.open.platform.control.PersonalDataSource;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The account itself in the data export: the full phone number and e-mail, consent and roles. */
@ApplicationScoped
public class AccountData implements PersonalDataSource {

    @Inject
    Accounts accounts;

    @Override
    public String section() {
        return "account";
    }

    @Override
    public Object export(Long accountId) {
        Account a = accounts.get(accountId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("displayName", a.getDisplayName());
        m.put("username", a.getUsername());
        m.put("phone", a.getPhoneCipher() == null ? null : accounts.phoneOf(a));
        m.put("email", accounts.emailOf(a).orElse(null));
        m.put("roles", a.roles().stream().map(Enum::name).sorted().toList());
        m.put("consentAt", Times.local(a.getConsentAt()));
        m.put("consentVersion", a.getConsentVersion());
        m.put("createdAt", Times.local(a.getCreatedAt()));
        return m;
    }
}

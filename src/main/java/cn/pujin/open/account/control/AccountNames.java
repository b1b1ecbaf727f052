package cn.pujin.open.account.control;

import cn.pujin.open.account.entity.Account;
import cn.pujin.open.platform.control.ActorNames;
import cn.pujin.open.platform.control.AuditSubjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link ActorNames} from the accounts: the audit log shows who acted. */
@ApplicationScoped
public class AccountNames implements ActorNames {

    @Inject
    Accounts accounts;

    @Override
    public Map<Long, String> of(Set<Long> ids) {
        return accounts.byIds(ids).values().stream().collect(Collectors.toMap(Account::getId, Account::getDisplayName));
    }

    /** Accounts in the audit log, by their display names. */
    @ApplicationScoped
    public static class Subjects implements AuditSubjects {

        @Inject
        AccountNames names;

        @Override
        public String entityType() {
            return "account";
        }

        @Override
        public Map<Long, String> names(Set<Long> ids) {
            return names.of(ids);
        }
    }
}

package cn.pujin.open.account.control;

import cn.pujin.open.account.entity.Account;
import cn.pujin.open.account.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one identity store behind the login page and HTTP Basic: accounts in the database, PBKDF2 hashes.
 * The caller name is the account id, so renaming or changing a phone number never changes identity.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    CredentialCache cache;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String login = up.getCaller();
        String password = up.getPasswordAsString();
        Long cached = cache.lookup(login, password);
        Optional<Account> account = cached != null ? accounts.find(cached) : accounts.authenticate(login, password);
        if (account.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (cached == null) {
            cache.remember(login, password, account.get().getId());
        }
        return result(account.get());
    }

    public static CredentialValidationResult result(Account account) {
        return new CredentialValidationResult(new CallerPrincipal(String.valueOf(account.getId())), groups(account));
    }

    public static Set<String> groups(Account account) {
        return account.roles().stream().map(Role::name).collect(Collectors.toSet());
    }
}

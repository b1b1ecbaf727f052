package cn.pujin.open.account.control;

import cn.pujin.open.account.entity.Account;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts in the database with PBKDF2 hashes, checked through {@link LoginGuard} (lockout after failed sign-ins).
 * The login page and HTTP Basic call the guard directly, since they also know the client's address.
 * The caller name is the account id, so renaming or changing a phone number never changes identity.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    LoginGuard guard;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (guard.signIn(up.getCaller(), up.getPasswordAsString(), LoginGuard.NO_ADDRESS) instanceof LoginGuard.Valid valid) {
            return result(valid.caller());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    public static CredentialValidationResult result(Account account) {
        return new CredentialValidationResult(new CallerPrincipal(String.valueOf(account.getId())), groups(account));
    }

    public static CredentialValidationResult result(LoginGuard.Caller caller) {
        return new CredentialValidationResult(new CallerPrincipal(String.valueOf(caller.id())), caller.groups());
    }

    public static Set<String> groups(Account account) {
        return account.roles().stream().map(Role::name).collect(Collectors.toSet());
    }
}

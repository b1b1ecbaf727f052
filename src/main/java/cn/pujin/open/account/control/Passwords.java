package cn.pujin.open.account.control;

import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must not be: shorter than 8 or longer than 128 characters, one of the 10,000 most common passwords
 * (the ranked list zxcvbn ships, compared without case), or anything containing the account's phone number.
 */
@ApplicationScoped
public class Passwords {

    static final int COMMON = 10_000;
    static final String LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final Set<String> common = load();

    /** Refuses the password with a validation problem on {@code password}; {@code phone} may be null. */
    public void check(String password, String phone) {
        if (password == null || password.isEmpty()) {
            throw Problem.invalid("password", "validation.required");
        }
        if (password.length() < 8 || password.length() > 128) {
            throw Problem.invalid("password", "account.password.size");
        }
        if (isCommon(password)) {
            throw Problem.invalid("password", "account.password.common");
        }
        if (phone != null && !phone.isBlank() && password.contains(phone.strip())) {
            throw Problem.invalid("password", "account.password.phone");
        }
    }

    boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    static Set<String> load() {
        Set<String> words = new HashSet<>(2 * COMMON);
        try (InputStream in = Passwords.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("the list of common passwords is missing: " + LIST);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while (words.size() < COMMON && (line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}

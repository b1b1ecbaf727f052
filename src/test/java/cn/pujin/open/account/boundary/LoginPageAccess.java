package cn.pujin.open.account.boundary;

/** Opens the package-private redirect rule of the login page to tests in other packages. */
public final class LoginPageAccess {
    private LoginPageAccess() {}

    public static String safeNext(String next) {
        return LoginPage.safeNext(next);
    }
}

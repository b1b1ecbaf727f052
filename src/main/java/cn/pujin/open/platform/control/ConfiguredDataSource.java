package cn.pujin.open.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The datasource class Payara's pool wraps. The database is chosen by {@code DB_URL} alone: an H2 URL
 * gives H2's datasource, a PostgreSQL URL PostgreSQL's, so operators set one variable, not two.
 */
public class ConfiguredDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private volatile DataSource delegate;

    public void setUrl(String url) { this.url = url; }
    public void setURL(String url) { this.url = url; }
    public String getUrl() { return url; }
    public void setUser(String user) { this.user = user; }
    public String getUser() { return user; }
    public void setPassword(String password) { this.password = password; }

    private DataSource delegate() {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create();
                }
                d = delegate;
            }
        }
        return d;
    }

    private DataSource create() {
        if (url == null) {
            throw new IllegalStateException("DB_URL is not set");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            var pg = new PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            // a JDBC batch of INSERTs (EclipseLink's batch writing: a batch of registrations, its passes, notices and
            // audit entries) goes as multi-row INSERTs, not one statement per row
            pg.setReWriteBatchedInserts(true);
            return pg;
        }
        if (url.startsWith("jdbc:h2:")) {
            var h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        throw new IllegalStateException("DB_URL must be a jdbc:postgresql: or jdbc:h2: URL, not " + url);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return delegate().getConnection(username, pass);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the pool logs; the delegate does not need to
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // timeouts are the pool's business
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }
}

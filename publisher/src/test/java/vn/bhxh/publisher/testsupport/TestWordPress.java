package vn.bhxh.publisher.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real WordPress (Debian's {@code wordpress} package) for the connector's tests: its own MariaDB data directory,
 * php-fpm pool and nginx server on a free loopback port, all under one temporary directory and started once per
 * test JVM (the first caller pays for it, every test class shares it); stopped and removed when the JVM exits, and by an
 * {@link OrphanWatchdog} when the JVM is killed before it can do so itself.
 * The packages come from {@code bin/debian-packages}.
 *
 * <p>Debian's own {@code wp-config.php} reads {@code /etc/wordpress}; to stay out of system directories the site
 * gets a web root of its own: copies of WordPress's few top-level PHP files (they find {@code wp-config.php} beside
 * themselves), our {@code wp-config.php}, and links to the packaged {@code wp-admin} and {@code wp-includes}.
 */
public final class TestWordPress {

    private static final Logger log = LoggerFactory.getLogger(TestWordPress.class);
    private static final Path WORDPRESS = Path.of("/usr/share/wordpress");
    /** Far above the usual 10–15 s, so a busy 2-core build machine does not fail the start. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);
    public static final String ADMIN = "quantri";
    /** A subscriber: signs in, but may not write posts (WordPress answers 403 and the like). */
    public static final String READER = "doc-gia";

    private static TestWordPress shared;

    private final Path home;
    private final int port;
    private final List<Process> processes = new ArrayList<>();
    /** Stops the servers if this JVM is killed before its shutdown hook can. */
    private OrphanWatchdog watchdog;
    private String applicationPassword;
    private String readerPassword;

    /** The site shared by every test in this JVM, started on first use. */
    public static synchronized TestWordPress shared() {
        if (shared == null) {
            TestWordPress site = new TestWordPress();
            Runtime.getRuntime().addShutdownHook(new Thread(site::stop));
            site.start();
            shared = site;
        }
        return shared;
    }

    private TestWordPress() {
        try {
            home = Files.createTempDirectory("bhxh-wordpress-test-");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site root, such as {@code http://127.0.0.1:41234}: a WordPress target's endpoint. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The address of a site on the same server whose PHP is down: every request gets nginx's 502 error page. */
    public URI brokenSiteUri() {
        return URI.create(uri() + "/hong");
    }

    /** Credentials of a WordPress target: the administrator and its application password. */
    public Map<String, String> credentials() {
        return Map.of("username", ADMIN, "application_password", applicationPassword);
    }

    /** Credentials that WordPress accepts but that may not publish: a subscriber's application password. */
    public Map<String, String> readerCredentials() {
        return Map.of("username", READER, "application_password", readerPassword);
    }

    /** A REST call as the administrator (for tests to look at what the connector made). */
    public HttpResponse<String> get(String path) {
        try {
            String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + applicationPassword).getBytes(StandardCharsets.UTF_8));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri().resolve(path))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void start() {
        Instant began = Instant.now();
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Files.createDirectories(home.resolve("run"));
            watchdog = OrphanWatchdog.start(home);
            writeWebRoot();
            // php-fpm and nginx do not need the database: start them while MariaDB creates its data directory.
            Files.writeString(home.resolve("php-fpm.conf"), phpFpmConfig(root));
            Files.writeString(home.resolve("nginx.conf"), nginxConfig(root));
            List<String> phpFpm = new ArrayList<>(List.of("/usr/sbin/php-fpm8.2", "--nodaemonize", "-y", path("php-fpm.conf")));
            if (root) {
                phpFpm.add("--allow-to-run-as-root");
            }
            launch("php-fpm", phpFpm);
            launch("nginx", List.of("/usr/sbin/nginx", "-p", path(""), "-e", path("nginx-error.log"), "-c", path("nginx.conf")));
            // A throw-away database: small files and no syncing to disk make it start faster on a busy machine.
            List<String> throwAway = List.of("--innodb-buffer-pool-size=32M", "--innodb-log-file-size=8M",
                    "--innodb-flush-method=nosync", "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0");
            Path template = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "bhxh-mariadb-");
            List<String> install = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + template.resolve("db"),
                    "--auth-root-authentication-method=socket", "--skip-test-db"));
            install.addAll(throwAway);
            List<String> server = new ArrayList<>(List.of("/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + path("db"),
                    "--socket=" + path("run/db.sock"), "--skip-networking", "--pid-file=" + path("run/db.pid"),
                    "--log-error=" + path("db.err"), "--skip-log-bin"));
            server.addAll(throwAway);
            if (!root) {
                install.add("--auth-root-socket-user=" + System.getProperty("user.name"));
            } else {
                // mariadbd refuses to run as root unless told to; as any other user it runs as that user.
                install.add("--user=root");
                server.add("--user=root");
            }
            copyTree(emptyDataDirectory(install, template), home.resolve("db"));
            long databaseCreated = Duration.between(began, Instant.now()).toMillis();
            launch("mariadbd", server);
            awaitFile(home.resolve("run/db.sock"), "MariaDB");
            run("mariadb", List.of("mariadb", "--no-defaults", "-S", path("run/db.sock"), "-u", "root", "-e", "CREATE DATABASE wp; CREATE USER wp@localhost IDENTIFIED BY 'wp';"
                            + " GRANT ALL ON wp.* TO wp@localhost;"));
            long databaseUp = Duration.between(began, Instant.now()).toMillis();
            String[] passwords = run("wp_install", List.of("php", path("install.php"), path("www"), String.valueOf(port)))
                    .strip().split("\n");
            applicationPassword = passwords[passwords.length - 2].strip();
            readerPassword = passwords[passwords.length - 1].strip();
            awaitHttp();
            log.info("WordPress đã chạy / is up at {} after {} ms (data directory made at {} ms, MariaDB up at {} ms; {})", uri(),
                    Duration.between(began, Instant.now()).toMillis(), databaseCreated, databaseUp, home);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("WordPress did not start; see " + home, e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private String path(String relative) {
        return home.resolve(relative).toString();
    }

    private void writeWebRoot() throws IOException {
        Path www = Files.createDirectories(home.resolve("www"));
        try (Stream<Path> files = Files.list(WORDPRESS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".php") && !f.endsWith("wp-config.php")).toList()) {
                Files.copy(file, www.resolve(file.getFileName()));
            }
        }
        Files.createSymbolicLink(www.resolve("wp-admin"), WORDPRESS.resolve("wp-admin"));
        Files.createSymbolicLink(www.resolve("wp-includes"), WORDPRESS.resolve("wp-includes"));
        Path content = Files.createDirectories(home.resolve("wp-content/uploads"));
        Files.createSymbolicLink(content.getParent().resolve("plugins"), WORDPRESS.resolve("wp-content/plugins"));
        Files.writeString(www.resolve("wp-config.php"), """
                <?php
                define('DB_NAME', 'wp');
                define('DB_USER', 'wp');
                define('DB_PASSWORD', 'wp');
                define('DB_HOST', 'localhost:%1$s/run/db.sock');
                define('DB_CHARSET', 'utf8mb4');
                define('DB_COLLATE', '');
                define('WP_CONTENT_DIR', '%1$s/wp-content');
                // Application passwords need HTTPS, or a site that says it is a local one.
                define('WP_ENVIRONMENT_TYPE', 'local');
                define('AUTOMATIC_UPDATER_DISABLED', true);
                define('DISABLE_WP_CRON', true);
                define('WP_HTTP_BLOCK_EXTERNAL', true);
                foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT',
                          'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) { define($key, '%2$s' . $key); }
                $table_prefix = 'wp_';
                if (!defined('ABSPATH')) { define('ABSPATH', __DIR__ . '/'); }
                require_once ABSPATH . 'wp-settings.php';
                """.formatted(home, home.getFileName()));
        // The installation as WordPress's installer does it, then an application password for the administrator.
        Files.writeString(home.resolve("install.php"), """
                <?php
                define('WP_INSTALLING', true);
                $_SERVER['HTTP_HOST'] = '127.0.0.1:' . $argv[2];
                require $argv[1] . '/wp-load.php';
                function wp_new_blog_notification() {} // no mail server here
                require_once ABSPATH . 'wp-admin/includes/upgrade.php';
                $site = 'http://127.0.0.1:' . $argv[2];
                $installed = wp_install('BHXH thử nghiệm', '%s', 'quantri@bhxh.local', false, '', wp_generate_password(24));
                update_option('siteurl', $site);
                update_option('home', $site);
                update_option('permalink_structure', '/%%postname%%/');
                [$password] = WP_Application_Passwords::create_new_application_password($installed['user_id'], ['name' => 'bhxh-cms']);
                $reader = wp_insert_user(['user_login' => '%s', 'user_pass' => wp_generate_password(24), 'role' => 'subscriber']);
                [$readerPassword] = WP_Application_Passwords::create_new_application_password($reader, ['name' => 'bhxh-cms']);
                echo "\\n", $password, "\\n", $readerPassword, "\\n";
                """.formatted(ADMIN, READER));
    }

    private String phpFpmConfig(boolean root) {
        return """
                [global]
                pid = %1$s/run/fpm.pid
                error_log = %1$s/php-fpm.log
                [wordpress]
                %2$s
                listen = %1$s/run/fpm.sock
                listen.mode = 0666
                pm = static
                pm.max_children = 4
                php_admin_value[upload_max_filesize] = 64M
                php_admin_value[post_max_size] = 64M
                catch_workers_output = yes
                """.formatted(home, root ? "user = root" : "");
    }

    private String nginxConfig(boolean root) {
        return """
                daemon off;
                worker_processes 1;
                pid %1$s/run/nginx.pid;
                error_log %1$s/nginx-error.log;
                %3$s
                events { worker_connections 64; }
                http {
                  include /etc/nginx/mime.types;
                  access_log off;
                  client_body_temp_path %1$s/run/body;
                  fastcgi_temp_path %1$s/run/fastcgi;
                  proxy_temp_path %1$s/run/proxy;
                  uwsgi_temp_path %1$s/run/uwsgi;
                  scgi_temp_path %1$s/run/scgi;
                  client_max_body_size 64m;
                  server {
                    listen 127.0.0.1:%2$d;
                    root %1$s/www;
                    index index.php;
                    location /wp-content/ { root %1$s; }
                    # A portal whose PHP is down: nginx's own 502 page, with the Retry-After an operator might set.
                    location /hong/ { add_header Retry-After 120 always; fastcgi_pass unix:%1$s/run/no-such.sock; }
                    location / { try_files $uri $uri/ /index.php?$args; }
                    location ~ \\.php$ {
                      include /etc/nginx/fastcgi_params;
                      fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
                      fastcgi_pass unix:%1$s/run/fpm.sock;
                    }
                  }
                }
                """.formatted(home, port, root ? "user root;" : "");
    }

    /**
     * An empty MariaDB data directory, made once per machine and user and kept in the temporary directory (as the test
     * Elasticsearch keeps its unpacked distribution): making one costs 5–15 s, copying it well under one second.
     */
    private Path emptyDataDirectory(List<String> install, Path workDirectory) throws IOException {
        // Named after the installed server, so that an upgraded MariaDB makes a new one.
        long server = Files.getLastModifiedTime(Path.of("/usr/sbin/mariadbd")).toMillis();
        Path kept = Path.of(System.getProperty("java.io.tmpdir"), "bhxh-mariadb-empty-" + System.getProperty("user.name") + "-" + server);
        if (!Files.isDirectory(kept)) {
            run("mariadb-install-db", install);
            try {
                // Two test JVMs may make one at once: the first rename wins, the other's copy is simply dropped.
                Files.move(workDirectory.resolve("db"), kept, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException anotherJvmWasFirst) {
                log.debug("Thư mục dữ liệu mẫu đã có / kept data directory already there: {}", anotherJvmWasFirst.getMessage());
            }
        }
        deleteTree(workDirectory);
        return kept;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private void launch(String name, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".out").toFile()).start();
        processes.add(process);
        watchdog.watch(process);
    }

    /** Runs a setup step to its end; its output goes to a file beside the site and is returned. */
    private String run(String name, List<String> command) throws IOException {
        Path output = home.resolve(name + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        watchdog.watch(process);
        try {
            if (!process.waitFor(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(name + " failed: " + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + " interrupted", e);
        }
        return Files.readString(output);
    }

    private void awaitFile(Path file, String what) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (!Files.exists(file)) {
            if (Instant.now().isAfter(deadline) || processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IOException(what + " did not start; see " + home);
            }
            pause();
        }
    }

    private void awaitHttp() throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        HttpClient client = HttpClient.newHttpClient();
        while (true) {
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri().resolve("/wp-json/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // nginx or php-fpm still opening its socket
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("WordPress does not answer at " + uri() + "; see " + home);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        if (watchdog != null) {
            watchdog.disarm();
        }
        for (Process process : processes.reversed()) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            deleteTree(home);
        } catch (IOException e) {
            log.warn("Không xoá được / could not remove {}: {}", home, e.getMessage());
        }
    }
}

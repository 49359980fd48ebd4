package kaart;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Test-only launcher: a real, in-process Neo4j Community server reachable over Bolt.
 *
 * <pre>
 *   java -Xmx512m -cp 'lib/*' kaart.Neo4jTestServer PORT DATADIR [--no-stdin-watch]
 * </pre>
 *
 * Bolt listens on 127.0.0.1:PORT without auth or TLS; HTTP(S) is off. DATADIR is the
 * Neo4j home (data, logs, transaction logs). When the default database is online and
 * the Bolt port accepts TCP connections, exactly one line is printed to stdout:
 *
 * <pre>
 *   READY bolt://127.0.0.1:PORT 5.26.x
 * </pre>
 *
 * The server shuts down cleanly on SIGTERM/SIGINT (shutdown hook) or, unless
 * --no-stdin-watch is given, when stdin reaches EOF (the parent process went away).
 */
public final class Neo4jTestServer {
    private Neo4jTestServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: kaart.Neo4jTestServer PORT DATADIR [--no-stdin-watch]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        boolean watchStdin = true;
        for (int i = 2; i < args.length; i++) {
            if ("--no-stdin-watch".equals(args[i])) {
                watchStdin = false;
            } else {
                System.err.println("unknown argument: " + args[i]);
                System.exit(2);
            }
        }
        String pageCache = System.getProperty("kaart.pagecache", "64m");
        Files.createDirectories(home);

        long t0 = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Bolt's netty shutdown otherwise waits 2 x 5 s for idle pools.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();

        AtomicBoolean stopped = new AtomicBoolean(false);
        Runnable shutdown = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    dbms.shutdown();
                } catch (Throwable t) {
                    System.err.println("neo4j shutdown failed: " + t);
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "kaart-neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            System.err.println("default database did not become available");
            System.exit(1);
        }
        waitForPort(port, Duration.ofSeconds(60));
        String version = db.executeTransactionally(
                "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                java.util.Map.of(),
                r -> (String) r.next().get("v"));

        System.err.printf("kaart.Neo4jTestServer: started in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        System.out.println("READY bolt://127.0.0.1:" + port + " " + version);
        System.out.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // ignore input; only EOF matters
                    }
                } catch (IOException ignored) {
                    // treat as EOF
                }
                System.err.println("kaart.Neo4jTestServer: stdin closed, shutting down");
                System.exit(0); // runs the shutdown hook
            }, "kaart-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        // Keep main alive until the JVM is asked to exit.
        Thread.currentThread().join();
    }

    private static void waitForPort(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    System.err.println("bolt port " + port + " not accepting connections: " + e);
                    System.exit(1);
                }
                Thread.sleep(50);
            }
        }
    }

    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'k') {
            mult = ByteUnit.kibiBytes(1);
        } else if (last == 'm') {
            mult = ByteUnit.mebiBytes(1);
        } else if (last == 'g') {
            mult = ByteUnit.gibiBytes(1);
        }
        if (mult != 1) {
            v = v.substring(0, v.length() - 1);
        }
        return Long.parseLong(v) * mult;
    }
}

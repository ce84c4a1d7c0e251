package innograph;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community in this process, for tests, benchmarks and a first try:
 * Bolt on 127.0.0.1:PORT (0 picks a free port), no authentication, a
 * temporary data directory (or --data DIR to keep one), small memory.
 * Prints "neo4j-launcher: ready bolt://127.0.0.1:PORT" once Bolt answers;
 * on SIGTERM or SIGINT (or when --parent PID has gone) it shuts the
 * database down and deletes the temporary directory.
 *
 * It also listens on a control endpoint (127.0.0.1 only, FirstLoadImport) through which innograph
 * fills the empty database with Neo4j's batch importer (neo4j-admin database import full): the DBMS
 * is stopped, the imported database put in place, and started again on the same Bolt port.
 *
 * Usage: java [-Xmx512m] -cp CLASSPATH innograph.Launcher [--port N] [--data DIR] [--parent PID] [--page-cache-mb N]
 *   [--import-heap-mb N]   (the heap of the batch importer's own JVM; default: the JVM's choice)
 */
public final class Launcher {
  final Path home;
  private final long pageCacheMb;
  /** The heap of the importer's own JVM (FirstLoadImport), 0 for the JVM's default. */
  final long importHeapMb;
  /** The Bolt port: chosen at the first start, kept when the DBMS starts again after an import. */
  int port;
  DatabaseManagementService dbms;

  Launcher(Path home, int port, long pageCacheMb, long importHeapMb) {
    this.home = home;
    this.port = port;
    this.pageCacheMb = pageCacheMb;
    this.importHeapMb = importHeapMb;
  }

  public static void main(String[] args) throws Exception {
    int port = 7687;
    Path data = null;
    long parent = -1;
    long pageCacheMb = 64;
    long importHeapMb = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
        case "--parent" -> parent = Long.parseLong(args[++i]);
        case "--page-cache-mb" -> pageCacheMb = Long.parseLong(args[++i]);
        case "--import-heap-mb" -> importHeapMb = Long.parseLong(args[++i]);
        default -> {
          System.err.println("neo4j-launcher: unknown argument " + args[i] + "; use --port N, --data DIR, --parent PID, --page-cache-mb N, --import-heap-mb N");
          System.exit(2);
        }
      }
    }
    long started = System.nanoTime();
    boolean temporary = data == null;
    Path home = temporary ? Files.createTempDirectory("innograph-neo4j-") : data;
    Launcher launcher = new Launcher(home, port, pageCacheMb, importHeapMb);
    launcher.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("neo4j-launcher: stopping");
      try {
        launcher.shutdown();
      } finally {
        if (temporary) deleteTree(home);
        System.out.println("neo4j-launcher: stopped");
        stopped.countDown();
      }
    }, "neo4j-launcher-shutdown"));
    String control = FirstLoadImport.listen(launcher);
    System.out.printf("neo4j-launcher: Neo4j %s, data in %s%s, started in %.1f s%n", org.neo4j.kernel.internal.Version.getNeo4jVersion(),
        home, temporary ? " (temporary)" : "", (System.nanoTime() - started) / 1e9);
    System.out.println("neo4j-launcher: control " + control);
    System.out.println("neo4j-launcher: ready bolt://127.0.0.1:" + launcher.port);
    System.out.flush();

    if (parent > 0) {
      long watched = parent;
      Thread watcher = new Thread(() -> {
        while (ProcessHandle.of(watched).map(ProcessHandle::isAlive).orElse(false)) {
          try {
            Thread.sleep(1000);
          } catch (InterruptedException e) {
            return;
          }
        }
        System.out.println("neo4j-launcher: process " + watched + " has gone");
        System.exit(0);
      }, "neo4j-launcher-parent");
      watcher.setDaemon(true);
      watcher.start();
    }
    stopped.await();
  }

  /** Starts the DBMS on `home` (again after an import: on the port the first start bound). */
  synchronized void start() throws Exception {
    dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(15))
        // One server: a client's bookmark ahead of it means the database was replaced by an import
        // (FirstLoadImport), whose transaction ids start again; say so at once instead of after 30 s.
        .setConfig(GraphDatabaseSettings.bookmark_ready_timeout, Duration.ofSeconds(1))
        // No usage report to neo4j.com, no in-JVM Bolt channel, and no 2 x 5 s grace period at shutdown.
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ZERO)
        .build();
    GraphDatabaseService db = database();
    db.executeTransactionally("RETURN 1");
    GraphDatabaseAPI api = (GraphDatabaseAPI) db;
    api.getDependencyResolver().resolveDependency(GlobalProcedures.class).registerProcedure(LauncherProcedures.class);
    port = api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
        .getLocalAddress(ConnectorType.BOLT).getPort();
  }

  GraphDatabaseService database() {
    return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
  }

  synchronized void shutdown() {
    if (dbms != null) dbms.shutdown();
    dbms = null;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      System.err.println("neo4j-launcher: could not delete " + root + ": " + e.getMessage());
    }
  }
}

package innograph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * A first load by Neo4j's batch importer, on the launcher's control endpoint (127.0.0.1 only, like Bolt):
 * POST /first-load?folder=DIR&version=N[&longestField=BYTES], where DIR holds nodes-*.csv and relationships-*.csv (each with
 * its header line; store/neo4j/import-files.ts writes them) and N is the write count the client read
 * when it exported what the database held.
 *
 * All or nothing, as the Cypher path's transactions: the importer (`neo4j-admin database import full`,
 * the same command and options IMPORT_OPTIONS prints for a server of one's own), run in a JVM of its own,
 * writes a new database beside the live one while it keeps serving; only when the import has succeeded is the DBMS stopped,
 * the new database put in place of the old and the DBMS started again on the same Bolt port. A failed
 * import, or a database that holds letters or changed since the export, leaves the live one as it was.
 * Answers JSON: {"nodes", "relationships", "importMs", "restartMs"} or {"code", "message"}.
 */
final class FirstLoadImport {
  /** The importer's options besides the files: innograph's CSV dialect (array items split by U+001F). */
  static final List<String> IMPORT_OPTIONS = List.of(
      "--id-type=string", "--array-delimiter=U+001F", "--multiline-fields=true", "--bad-tolerance=0",
      "--skip-bad-relationships=false", "--skip-duplicate-nodes=false", "--high-parallel-io=off");

  private static final String DATABASE = "neo4j";

  private FirstLoadImport() {}

  /** Starts the control endpoint on a free port of 127.0.0.1 and returns its address. */
  static String listen(Launcher launcher) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/first-load", exchange -> {
      try (exchange) {
        Map<String, String> query = query(exchange);
        Answer answer = "POST".equals(exchange.getRequestMethod())
            ? run(launcher, query.get("folder"), query.get("version"), query.get("longestField"))
            : new Answer(405, "{\"code\":\"NEO4J_IMPORT_METHOD\",\"message\":\"use POST\"}");
        byte[] body = answer.json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status, body.length);
        exchange.getResponseBody().write(body);
      } catch (RuntimeException | Error e) {
        System.out.println("neo4j-launcher: control endpoint failed: " + e);
      }
    });
    server.start();
    String address = "http://127.0.0.1:" + server.getAddress().getPort();
    LauncherProcedures.control = address;
    return address;
  }

  record Answer(int status, String json) {}

  private static Answer fail(int status, String code, String message) {
    return new Answer(status, "{\"code\":\"" + code + "\",\"message\":" + quote(message) + "}");
  }

  /** One import at a time: the launcher's lock also keeps start and shutdown out while it swaps. */
  static Answer run(Launcher launcher, String folderName, String versionText, String longestText) {
    synchronized (launcher) {
      if (folderName == null || folderName.isBlank())
        return fail(400, "NEO4J_IMPORT_FOLDER", "no folder given: POST /first-load?folder=DIR&version=N");
      Path folder = Path.of(folderName);
      if (!folder.isAbsolute() || !Files.isDirectory(folder))
        return fail(400, "NEO4J_IMPORT_FOLDER", "the import folder " + folderName + " is not an absolute path to a folder");
      List<String> args = new ArrayList<>();
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (name.startsWith("nodes-") && name.endsWith(".csv")) args.add("--nodes=" + file);
          else if (name.startsWith("relationships-") && name.endsWith(".csv")) args.add("--relationships=" + file);
        }
      } catch (IOException e) {
        return fail(400, "NEO4J_IMPORT_FOLDER", "the import folder " + folder + " cannot be read: " + e.getMessage());
      }
      if (args.stream().noneMatch(a -> a.startsWith("--nodes=")))
        return fail(400, "NEO4J_IMPORT_FOLDER", "the import folder " + folder + " holds no nodes-*.csv file");
      String refused = refusal(launcher, versionText);
      if (refused != null) return fail(409, "NEO4J_IMPORT_NOT_EMPTY", refused);

      Path staging = launcher.home.resolve("first-load-import");
      Launcher.deleteTree(staging);
      long started = System.nanoTime();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int status;
      try {
        Files.createDirectories(staging.resolve("conf"));
        // The database first: --nodes and --relationships take every word after them as files.
        List<String> command = new ArrayList<>(List.of(DATABASE));
        command.addAll(IMPORT_OPTIONS);
        command.add("--report-file=" + staging.resolve("import.report"));
        command.add("--verbose");
        // The reader's buffer holds a whole field (4 MiB by default; a graph's chain links can be longer).
        long longest = longestText != null && longestText.matches("\\d{1,12}") ? Long.parseLong(longestText) : 0;
        command.add("--read-buffer-size=" + Math.max(4L << 20, 2 * longest + (1L << 20)));
        command.addAll(args);
        status = importInOwnJvm(launcher, staging, command, output);
      } catch (Exception | Error e) {
        // The live database is untouched whatever the importer's process did.
        status = -1;
        output.writeBytes(("\nimport failed: " + e).getBytes(StandardCharsets.UTF_8));
      }
      long importMs = (System.nanoTime() - started) / 1_000_000;
      if (status != 0) {
        String said = why(output.toString(StandardCharsets.UTF_8) + report(staging));
        Launcher.deleteTree(staging);
        return fail(422, "NEO4J_IMPORT_FAILED", "Neo4j's importer did not finish (the database is unchanged): " + said);
      }
      for (String line : output.toString(StandardCharsets.UTF_8).split("\n"))
        if (line.matches(".*(COMPLETED|IMPORT DONE|Peak memory|Import starting|Estimated).*")) System.out.println("neo4j-launcher: importer: " + line.strip());
      // The import ran while the database served: refuse still if a write came in meanwhile.
      refused = refusal(launcher, versionText);
      if (refused != null) {
        Launcher.deleteTree(staging);
        return fail(409, "NEO4J_IMPORT_NOT_EMPTY", refused);
      }
      long swapped = System.nanoTime();
      try {
        swap(launcher, staging);
      } catch (Exception e) {
        return fail(500, "NEO4J_IMPORT_SWAP", "the imported database could not be put in place (the old one is back): " + e);
      } finally {
        Launcher.deleteTree(staging);
      }
      long[] counts = launcher.database().executeTransactionally(
          "RETURN COUNT { MATCH (n) } AS n, COUNT { MATCH ()-[r]->() } AS r", Map.of(),
          result -> { var row = result.next(); return new long[] {(Long) row.get("n"), (Long) row.get("r")}; });
      long restartMs = (System.nanoTime() - swapped) / 1_000_000;
      System.out.printf("neo4j-launcher: imported %d nodes and %d relationships in %.1f s, restarted in %.1f s%n",
          counts[0], counts[1], importMs / 1e3, restartMs / 1e3);
      return new Answer(200, String.format("{\"nodes\":%d,\"relationships\":%d,\"importMs\":%d,\"restartMs\":%d}",
          counts[0], counts[1], importMs, restartMs));
    }
  }

  /**
   * Runs the importer in a JVM of its own, not in the launcher's: the importer sizes its caches by the heap it
   * finds, and inside the launcher's small heap, beside the live database, a 10,000-letter import ran out of
   * memory (and the load fell back to Cypher). The child gets the launcher's class path and module openings,
   * and the heap `--import-heap-mb` names (by default the JVM's own choice, a quarter of the machine's memory).
   */
  private static int importInOwnJvm(Launcher launcher, Path staging, List<String> command, ByteArrayOutputStream output)
      throws IOException, InterruptedException {
    List<String> jvm = new ArrayList<>();
    jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments())
      if (!flag.startsWith("-Xmx") && !flag.startsWith("-Xms") && !flag.startsWith("-XX:+UseSerialGC")) jvm.add(flag);
    if (launcher.importHeapMb > 0) jvm.add("-Xmx" + launcher.importHeapMb + "m");
    jvm.addAll(List.of("-cp", System.getProperty("java.class.path"), FirstLoadImport.class.getName(), staging.toString()));
    jvm.addAll(command);
    Process process = new ProcessBuilder(jvm).redirectErrorStream(true).start();
    try (var said = process.getInputStream()) {
      said.transferTo(output);
    }
    return process.waitFor();
  }

  /** The importer's process: FirstLoadImport STAGING IMPORT-ARGS… — exits with the importer's status. */
  public static void main(String[] argv) {
    Path staging = Path.of(argv[0]);
    String[] command = java.util.Arrays.copyOfRange(argv, 1, argv.length);
    int status;
    try (PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8)) {
      ExecutionContext context = new ExecutionContext(staging, staging.resolve("conf"), out, out, new DefaultFileSystemAbstraction());
      PrintWriter said = new PrintWriter(out, true);
      try {
        status = new CommandLine(new ImportCommand.Full(context)).setOut(said).setErr(said)
            .setExecutionExceptionHandler((e, line, parsed) -> {
              said.println(e.getMessage() == null ? e.toString() : e.getMessage());
              return 1;
            })
            .execute(command);
      } catch (Exception | Error e) {
        said.println("import failed: " + e);
        status = 1;
      }
    }
    System.exit(status);
  }

  /** Why the live database may not be replaced: it holds letters, or was written since the client's export. */
  private static String refusal(Launcher launcher, String versionText) {
    long[] state = launcher.database().executeTransactionally(
        "OPTIONAL MATCH (w:InnographMeta {id: 'write-lock'}) WITH coalesce(w.version, 0) AS version "
            + "RETURN version, COUNT { MATCH (p:LetterParts) WHERE p.letter <> '' } AS letters",
        Map.of(), result -> { var row = result.next(); return new long[] {(Long) row.get("version"), (Long) row.get("letters")}; });
    if (state[1] > 0)
      return "the database holds " + state[1] + " letters; a bulk import fills an empty database only";
    if (versionText == null || !versionText.equals(String.valueOf(state[0])))
      return "the database was written since the import files were made (write " + state[0] + ", files of write " + versionText + ")";
    return null;
  }

  /** Stops the DBMS, puts the imported database and its transaction logs in place of the live ones, starts it again. */
  private static void swap(Launcher launcher, Path staging) throws Exception {
    Path data = launcher.home.resolve("data");
    Path imported = staging.resolve("data");
    Path old = staging.resolve("replaced");
    List<String> parts = List.of("databases/" + DATABASE, "transactions/" + DATABASE);
    launcher.shutdown();
    List<String> moved = new ArrayList<>();
    try {
      for (String part : parts) {
        Files.createDirectories(old.resolve(part).getParent());
        if (Files.exists(data.resolve(part))) Files.move(data.resolve(part), old.resolve(part), StandardCopyOption.ATOMIC_MOVE);
        moved.add(part);
        if (Files.exists(imported.resolve(part))) Files.move(imported.resolve(part), data.resolve(part), StandardCopyOption.ATOMIC_MOVE);
      }
      launcher.start();
    } catch (Exception e) {
      launcher.shutdown();
      for (String part : moved) {
        Launcher.deleteTree(data.resolve(part));
        Files.move(old.resolve(part), data.resolve(part), StandardCopyOption.ATOMIC_MOVE);
      }
      launcher.start();
      throw e;
    }
  }

  private static String report(Path staging) {
    try {
      Path report = staging.resolve("import.report");
      return Files.exists(report) ? "\n" + Files.readString(report) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** What the importer said went wrong (--verbose gives the cause), without its progress bars and stack frames. */
  private static String why(String text) {
    List<String> kept = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("at ") || l.startsWith("...") || l.startsWith("..........") || l.contains("∆")) continue;
      if (!l.matches("(?i).*(exception|error|fail|missing|refer|duplicate|invalid|cannot|unable|not).*")) continue;
      if (!kept.contains(l)) kept.add(l);
    }
    String joined = String.join(" | ", kept);
    return joined.length() <= 2000 ? joined : joined.substring(0, 2000) + "…";
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> out = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) return out;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }
}

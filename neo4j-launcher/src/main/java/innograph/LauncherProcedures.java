package innograph;

import java.util.stream.Stream;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Procedure;

/**
 * What a client of this launcher's Neo4j can learn over Bolt: the address of the launcher's control
 * endpoint (FirstLoadImport), by which a first load into the empty database runs Neo4j's batch importer.
 * A Neo4j server not started by the launcher has no such procedure: innograph then writes by Cypher.
 */
public final class LauncherProcedures {
  /** Set by Launcher once its control endpoint listens. */
  static volatile String control = null;

  public static final class Control {
    public String control;

    public Control(String control) {
      this.control = control;
    }
  }

  @Procedure(name = "innograph.launcher")
  @Description("The innograph launcher's control endpoint (http://127.0.0.1:PORT), for a bulk first load.")
  public Stream<Control> launcher() {
    return control == null ? Stream.empty() : Stream.of(new Control(control));
  }
}

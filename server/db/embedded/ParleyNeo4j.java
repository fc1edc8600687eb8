/*
 * Parley embedded Neo4j entry point.
 * Starts Neo4j's own CommunityEntryPoint, and exits (running Neo4j's shutdown hook) as soon as standard input
 * closes: the Node process that launched it holds the other end of that pipe, so when Node dies for any reason,
 * even SIGKILL, the database stops cleanly instead of living on as an orphan.
 */
public final class ParleyNeo4j {
  public static void main(String[] args) throws Exception {
    Thread parentWatch = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Input is ignored; only end-of-stream matters.
        }
      } catch (java.io.IOException ignored) {
        // A broken pipe means the parent is gone, same as end-of-stream.
      }
      System.err.println("parley: launcher process is gone, stopping Neo4j");
      System.exit(0);
    }, "parley-parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();
    org.neo4j.server.CommunityEntryPoint.main(args);
  }
}

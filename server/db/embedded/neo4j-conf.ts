/**
 * Embedded Neo4j configuration files
 * ==================================
 *
 * Writes the `neo4j.conf` and Log4j 2 configs that the Neo4j server expects in its conf dir. The distribution
 * tarball ships these files; the Maven Central jars do not, so Parley writes its own (5.x setting names, strict
 * validation: an unknown key aborts the start).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export interface Neo4jConfOptions {
  boltPort: number;
  httpPort: number;
  authEnabled: boolean;
  heap: string;
  pageCache: string;
  transactionTimeout: string;
}

/** Renders neo4j.conf: loopback only, no CSV file access, fast shutdown. */
export function renderNeo4jConf(options: Neo4jConfOptions): string {
  return [
    "# Written by Parley's embedded Neo4j launcher at every start; edit PARLEY_NEO4J_* variables instead.",
    "server.default_listen_address=127.0.0.1",
    "server.default_advertised_address=127.0.0.1",
    `server.bolt.listen_address=127.0.0.1:${options.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${options.boltPort}`,
    `server.http.listen_address=127.0.0.1:${options.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${options.httpPort}`,
    "server.https.enabled=false",
    `dbms.security.auth_enabled=${options.authEnabled}`,
    "server.directories.data=data",
    "server.directories.logs=logs",
    "server.directories.plugins=plugins",
    "server.directories.import=import",
    "server.directories.run=run",
    `server.memory.heap.initial_size=${options.heap}`,
    `server.memory.heap.max_size=${options.heap}`,
    `server.memory.pagecache.size=${options.pageCache}`,
    `db.transaction.timeout=${options.transactionTimeout}`,
    "dbms.usage_report.enabled=false",
    "dbms.security.allow_csv_import_from_file_urls=false",
    "server.logs.config=conf/server-logs.xml",
    "server.logs.user.config=conf/user-logs.xml",
    // Netty waits 5 s of quiet twice by default; the launcher promises a stop within 10 s.
    "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
    "internal.dbms.bolt.netty_server_shutdown_timeout=2",
    "internal.server.bolt.thread_pool_shutdown_wait_time=1s",
    "",
  ].join("\n");
}

const SERVER_LOGS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Neo4j's debug log, rotated at 20 MB, three files kept. Written by Parley. -->
<Configuration status="ERROR" monitorInterval="0" packages="org.neo4j.logging.log4j">
  <Appenders>
    <RollingRandomAccessFile name="DebugLog" fileName="\${config:server.directories.logs}/debug.log"
                             filePattern="\${config:server.directories.logs}/debug.log.%02i">
      <Neo4jDebugLogLayout pattern="%d{yyyy-MM-dd HH:mm:ss.SSSZ}{GMT+0} %-5p [%c{1.}] %m%n"/>
      <Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies>
      <DefaultRolloverStrategy fileIndex="min" max="3"/>
    </RollingRandomAccessFile>
  </Appenders>
  <Loggers>
    <Root level="INFO"><AppenderRef ref="DebugLog"/></Root>
  </Loggers>
</Configuration>
`;

const USER_LOGS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Neo4j's user log goes to standard output, which the launcher writes to logs/neo4j.log. Written by Parley. -->
<Configuration status="ERROR" monitorInterval="0" packages="org.neo4j.logging.log4j">
  <Appenders>
    <Console name="ConsoleAppender" target="SYSTEM_OUT">
      <PatternLayout pattern="%d{yyyy-MM-dd HH:mm:ss.SSSZ}{GMT+0} %-5p %m%n"/>
    </Console>
  </Appenders>
  <Loggers>
    <Root level="INFO"><AppenderRef ref="ConsoleAppender"/></Root>
  </Loggers>
</Configuration>
`;

/** Creates the instance's folders and writes its conf dir. */
export async function writeNeo4jHome(homeDir: string, options: Neo4jConfOptions): Promise<void> {
  for (const dir of ["conf", "data", "logs", "plugins", "import", "run"]) {
    await mkdir(path.join(homeDir, dir), { recursive: true });
  }
  await writeFile(path.join(homeDir, "conf", "neo4j.conf"), renderNeo4jConf(options));
  await writeFile(path.join(homeDir, "conf", "server-logs.xml"), SERVER_LOGS_XML);
  await writeFile(path.join(homeDir, "conf", "user-logs.xml"), USER_LOGS_XML);
}

/**
 * Parley explorer entry
 * =====================
 *
 * Boots the explorer on this page: the API client of the server that served it, and `createExplorer` on the body's
 * markup (index.html). Everything else lives in explorer.ts and the features it mounts.
 */
import { createApiClient } from "./api/endpoints";
import { createExplorer } from "./explorer";
import "./styles.css";

createExplorer(document.body, createApiClient());
